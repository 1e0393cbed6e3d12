import { randomUUID } from 'node:crypto';
import type { ConversationStore } from '../conversation/conversation-store.ts';
import type { ChatMessage } from '../conversation/model.ts';
import type { LiveFeed } from '../suggestions/live-feed.ts';
import type { Severity } from '../suggestions/store-policy.ts';
import type { StoredSuggestion, SuggestionStore } from '../suggestions/suggestion-store.ts';
import { streamModelDrafts } from './stream-model-drafts.ts';
import type { AssistantPort, SuggestJob } from './suggest-job.ts';
import { customerThread, lastCustomerMessage, publishSuggestion, storedSuggestion, type SuggestionThread } from './suggestion-thread.ts';

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
  /** Customer groups: the question put to the guide in the job's group (undefined when there is none). */
  groupThread?: (job: SuggestJob) => Promise<SuggestionThread | undefined>;
}

export type SuggestionOutcome = 'suggested' | 'stale' | 'nothing_to_answer';

/**
 * Makes one suggestion for a conversation: engine → schema check → stale check → store → publish.
 * A result that a newer customer message made stale is dropped (that message scheduled its own run).
 * The engine sees the thread's conversation: the 1:1 chat, or in a group the asker's and the guide's part.
 */
export async function runSuggestion(deps: SuggestionDeps, job: SuggestJob): Promise<SuggestionOutcome> {
  const { store, assistant, now } = deps;
  const thread = job.group ? await deps.groupThread?.(job) : customerThread(store, deps.windowSize, job);
  if (!thread) return 'nothing_to_answer';
  const conversation = await thread.load();
  const answering = lastCustomerMessage(conversation);
  if (!answering) return 'nothing_to_answer';
  const profile = await store.getProfile(answering.customerId);
  const input = {
    conversation,
    ...(profile ? { profile } : {}),
    guideId: job.guideId,
    customerId: answering.customerId,
    ...(job.instruction ? { instruction: job.instruction } : {}),
    now: now(),
  };
  // LLM mode: offline drafts at once, the model's as they arrive (stream-model-drafts.ts).
  const streamed = await streamModelDrafts(deps, job, thread, input, conversation, answering);
  if (streamed) return streamed;
  const result = await assistant.suggest(input);
  const latest = lastCustomerMessage(await thread.load());
  if (latest?.id !== answering.id) return 'stale';

  const stored = storedSuggestion(deps, job, thread, result, randomUUID(), now());
  await publishSuggestion(deps, thread, stored, answering, () => deps.onStored?.(stored, conversation) ?? Promise.resolve());
  return 'suggested';
}
