import type { Queue } from 'bullmq';
import { findAddressedQuestion } from '../assist/group/find-addressed-question.ts';
import type { CustomerGroup, GroupMessage } from '../conversation/group-model.ts';
import { corpMembersOf, type GroupStore } from '../conversation/group-store.ts';
import type { ChatMessage } from '../conversation/model.ts';
import type { LiveFeed } from '../suggestions/live-feed.ts';
import type { SuggestionStore } from '../suggestions/suggestion-store.ts';
import { guideInGroup } from './group-names.ts';
import { scheduleSuggestion, type SuggestJob } from './suggest-job.ts';

export interface GroupRecordDeps {
  groups: GroupStore;
  /** The group's details: cached, else asked of WeCom (undefined when WeCom does not know it). */
  load: (chatId: string) => Promise<CustomerGroup | undefined>;
  suggestions: SuggestionStore;
  feed: LiveFeed;
  suggestQueue: Queue<SuggestJob>;
  debounceMs: number;
  now: () => number;
  /** True for a guide of our org. */
  isGuide: (userId: string) => boolean;
  /** The org's name for a member (林晓), one of the names customers @. */
  memberName: (userId: string) => string | undefined;
  /** Sees every new guide message (the sent-message review samples from here). */
  onGuideMessage?: (message: ChatMessage) => Promise<void>;
  /** Runs one chat's echo check and append alone (across processes); without it they just run. */
  serialize?: <T>(chatId: string, run: () => Promise<T>) => Promise<T>;
}

/** How many of a group's recent messages are read to find what was put to a guide. */
export const GROUP_WINDOW = 40;
const ECHO_WINDOW_MS = 120_000;

/** A customer-group record of the chat archive (a ChatMessage with roomId) as a message of the group. */
export function groupMessageOf(message: ChatMessage & { roomId: string }): GroupMessage {
  const external = message.speaker === 'customer';
  return {
    id: message.id,
    chatId: message.roomId,
    speakerId: external ? message.customerId : message.guideId,
    speaker: external ? 'customer' : 'member',
    text: message.text,
    source: message.source === 'sidebar' ? 'sidebar' : 'archive',
    at: message.at,
    ...(message.seq ? { seq: message.seq } : {}),
    ...(message.kind ? { kind: message.kind } : {}),
    ...(message.fromDraft ? { fromDraft: message.fromDraft } : {}),
  };
}

/** What a guide sent from the sidebar comes back through the archive with another id: the same text within the window is that message. */
async function isEcho(groups: GroupStore, message: GroupMessage): Promise<boolean> {
  if (message.speaker !== 'member') return false;
  const recent = await groups.lastMessages(message.chatId, 10);
  return recent.some((m) => m.speakerId === message.speakerId && m.source !== message.source && m.text === message.text && Math.abs(m.at - message.at) <= ECHO_WINDOW_MS);
}

/**
 * Where customer-group messages land (the chat archive's roomid records, which the pull let through only for
 * customers who agreed to archiving, and the sidebar's sent lines). Every guide of ours in the group hears of a new line; a customer line that puts a question to one of them (an @mention, or a
 * question after that guide's last message) makes that guide's group suggestion stale and schedules a new
 * one. Idempotent: a message already in the group does nothing.
 */
export async function recordGroupMessages(deps: GroupRecordDeps, messages: GroupMessage[]): Promise<GroupMessage[]> {
  const added: GroupMessage[] = [];
  const known = new Map<string, CustomerGroup | undefined>();
  for (const message of messages) {
    const { chatId } = message;
    // A member's line may be the echo of one already in (sidebar and archive): check and append as one step.
    const append = async (): Promise<boolean> => !(await isEcho(deps.groups, message)) && (await deps.groups.appendMessage(message));
    const appended = message.speaker === 'member' && deps.serialize ? await deps.serialize(chatId, append) : await append();
    if (!appended) continue;
    added.push(message);
    if (!known.has(chatId)) known.set(chatId, await deps.load(chatId));
    const group = known.get(chatId);
    const guides = (group ? corpMembersOf(group) : [message.speakerId]).filter(deps.isGuide);
    for (const guideId of guides) await deps.feed.publish(guideId, { type: 'message', customerId: chatId, messageId: message.id });
    if (message.speaker === 'member' && message.text && deps.isGuide(message.speakerId)) {
      await deps.onGuideMessage?.({ id: message.id, guideId: message.speakerId, customerId: chatId, speaker: 'guide', text: message.text, source: message.source, at: message.at });
    }
    if (message.speaker !== 'customer' || !message.text) continue;
    const recent = await deps.groups.lastMessages(chatId, GROUP_WINDOW);
    for (const guideId of guides) {
      if (findAddressedQuestion(recent, guideInGroup(group, guideId, deps.memberName))?.id !== message.id) continue;
      const staleId = await deps.suggestions.markStale(guideId, chatId, message.id);
      if (staleId) await deps.feed.publish(guideId, { type: 'suggestion_stale', customerId: chatId, suggestionId: staleId });
      await scheduleSuggestion(deps.suggestQueue, { guideId, customerId: chatId, group: true, requestedAt: deps.now() }, deps.debounceMs);
    }
  }
  return added;
}
