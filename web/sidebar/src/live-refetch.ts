import type { LiveEvent, LiveEventType } from './api-types.ts';

/** The pieces of the sidebar that are fetched separately and can be refreshed one by one. */
export type Resource = 'card' | 'suggestion' | 'proposals' | 'recommendations';

const EVENT_TYPES: readonly LiveEventType[] = ['suggestion', 'suggestion_stale', 'message', 'tags', 'approval', 'task', 'group'];

const AFFECTS: Record<LiveEventType, readonly Resource[]> = {
  // A new suggestion carries new tag proposals; recommendations follow the conversation it answered.
  suggestion: ['suggestion', 'proposals', 'recommendations'],
  suggestion_stale: ['suggestion'],
  // The chat itself is on screen beside the sidebar; a customer message is followed by suggestion_stale.
  message: [],
  tags: ['card', 'proposals', 'recommendations'],
  approval: ['suggestion'],
  task: ['card'],
  // A customer group changed (members, name, owner, notice, dismissed): its card.
  group: ['card'],
};

export function isLiveEventType(type: string): type is LiveEventType {
  return (EVENT_TYPES as readonly string[]).includes(type);
}

/** What to refetch for an event; events about another customer's chat change nothing on this page. */
export function resourcesForEvent(event: LiveEvent, customerId: string): readonly Resource[] {
  if (event.customerId !== customerId) return [];
  return AFFECTS[event.type];
}

/** What a customer-group view shows: the group card (members, their tags and proposals) and the suggestion. */
export type GroupResource = 'card' | 'suggestion';

/**
 * In a customer group: events about the group (its id is the conversation's) refetch the suggestion or the
 * card; a tag change of one of the group's customers refetches the card, which shows their tags.
 */
export function groupResourcesForEvent(event: LiveEvent, chatId: string, customerIds: ReadonlySet<string>): GroupResource[] {
  if (event.type === 'tags' && customerIds.has(event.customerId)) return ['card'];
  const resources = resourcesForEvent(event, chatId);
  return [...new Set(resources.map((r): GroupResource => (r === 'suggestion' ? 'suggestion' : 'card')))];
}

/** Parses one SSE `data:` payload; a malformed one is dropped rather than breaking the stream handler. */
export function parseLiveEvent(type: string, data: string): LiveEvent | null {
  if (!isLiveEventType(type)) return null;
  try {
    const parsed: unknown = JSON.parse(data);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const record = parsed as Record<string, unknown>;
    if (typeof record.customerId !== 'string') return null;
    const pick = (key: string): string | undefined => (typeof record[key] === 'string' ? (record[key] as string) : undefined);
    const decision = pick('decision');
    const event: LiveEvent = { type, customerId: record.customerId };
    for (const key of ['suggestionId', 'messageId', 'draftId', 'taskId'] as const) {
      const value = pick(key);
      if (value !== undefined) event[key] = value;
    }
    if (decision === 'approved' || decision === 'rejected') event.decision = decision;
    return event;
  } catch {
    return null;
  }
}
