import { randomUUID } from 'node:crypto';
import { suggestionSchema } from '../assist/suggestion-schema.ts';
import type { ConversationStore } from '../conversation/conversation-store.ts';
import type { ChatMessage } from '../conversation/model.ts';
import type { LiveFeed } from '../suggestions/live-feed.ts';
import { applyStorePolicy, type Severity } from '../suggestions/store-policy.ts';
import type { StoredSuggestion, SuggestionStore } from '../suggestions/suggestion-store.ts';
import { streamModelDrafts } from './stream-model-drafts.ts';
import type { AssistantPort, SuggestJob } from './suggest-job.ts';

export interface SuggestionDeps {
  store: ConversationStore;
  suggestions: SuggestionStore;
  assistant: AssistantPort;
  feed: LiveFeed;
  now: () => number;
  /** How many recent messages the engine sees. */
  windowSize: number;
  /** The approval threshold of the guide's store, when it has its own. */
  approvalThreshold?: (guideId: string) => Severity | undefined;
  /** Called with every stored suggestion and the conversation it was made from (the review side takes held drafts and figures from here). */
  onStored?: (suggestion: StoredSuggestion, conversation: readonly ChatMessage[]) => Promise<void>;
  /** LLM mode: how often a job waiting on the model looks for a newer customer message (default 500 ms). */
  staleCheckMs?: number;
}

export type SuggestionOutcome = 'suggested' | 'stale' | 'nothing_to_answer';

function lastCustomerMessage(messages: ChatMessage[]): ChatMessage | undefined {
  return messages.findLast((m) => m.speaker === 'customer');
}

/**
 * Makes one suggestion for a conversation: engine → schema check → stale check → store → publish.
 * A result that a newer customer message made stale is dropped (that message scheduled its own run).
 */
export async function runSuggestion(deps: SuggestionDeps, job: SuggestJob): Promise<SuggestionOutcome> {
  const { store, suggestions, assistant, feed, now } = deps;
  const conversation = await store.lastMessages(job.guideId, job.customerId, deps.windowSize);
  const answering = lastCustomerMessage(conversation);
  if (!answering) return 'nothing_to_answer';
  const profile = await store.getProfile(job.customerId);
  const input = {
    conversation,
    ...(profile ? { profile } : {}),
    guideId: job.guideId,
    customerId: job.customerId,
    ...(job.instruction ? { instruction: job.instruction } : {}),
    now: now(),
  };
  // LLM mode: offline drafts at once, the model's as they arrive (stream-model-drafts.ts).
  const streamed = await streamModelDrafts(deps, job, input, conversation, answering);
  if (streamed) return streamed;
  const result = await assistant.suggest(input);
  const latest = lastCustomerMessage(await store.lastMessages(job.guideId, job.customerId, deps.windowSize));
  if (latest?.id !== answering.id) return 'stale';

  const stored: StoredSuggestion = applyStorePolicy({
    ...suggestionSchema.parse(result),
    id: randomUUID(),
    guideId: job.guideId,
    customerId: job.customerId,
    createdAt: now(),
    status: 'fresh',
    ...(job.instruction ? { instruction: job.instruction } : {}),
  }, deps.approvalThreshold?.(job.guideId));
  await suggestions.save(stored);
  const added = await suggestions.addTagProposals(job.guideId, job.customerId, stored.tags);
  await deps.onStored?.(stored, conversation);
  await feed.publish(job.guideId, { type: 'suggestion', customerId: job.customerId, suggestionId: stored.id });
  if (added.length > 0) await feed.publish(job.guideId, { type: 'tags', customerId: job.customerId });
  return 'suggested';
}
