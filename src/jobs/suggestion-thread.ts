import { suggestionSchema } from '../assist/suggestion-schema.ts';
import type { ConversationStore } from '../conversation/conversation-store.ts';
import type { ChatMessage } from '../conversation/model.ts';
import type { LiveFeed } from '../suggestions/live-feed.ts';
import { applyStorePolicy } from '../suggestions/store-policy.ts';
import type { GroupAsker, StoredSuggestion, SuggestionStore } from '../suggestions/suggestion-store.ts';
import type { SuggestionDeps } from './run-suggestion.ts';
import type { SuggestJob } from './suggest-job.ts';

/** What a suggestion answers: a customer's 1:1 chat, or a question put to the guide in a customer group. */
export interface SuggestionThread {
  /** The id the suggestion is kept and announced under: the customer's, or the group's chat id. */
  conversationId: string;
  /** The conversation as the engine reads it, oldest first; its last customer message is the one answered. */
  load(): Promise<ChatMessage[]>;
  /** The customer whose tag proposals the suggestion's tags become; undefined = nobody (an asker the guide does not follow). */
  tagsFor(answering: ChatMessage): Promise<string | undefined>;
  /** In a group: who asked. */
  group?: GroupAsker;
}

export function customerThread(store: ConversationStore, windowSize: number, job: SuggestJob): SuggestionThread {
  return {
    conversationId: job.customerId,
    load: () => store.lastMessages(job.guideId, job.customerId, windowSize),
    tagsFor: async () => job.customerId,
  };
}

export const lastCustomerMessage = (messages: readonly ChatMessage[]): ChatMessage | undefined => messages.findLast((m) => m.speaker === 'customer');

/** Stores a suggestion (first or updated), keeps its tag proposals for the customer they are about, tells the sidebar. */
export async function publishSuggestion(
  deps: { suggestions: SuggestionStore; feed: LiveFeed },
  thread: SuggestionThread,
  suggestion: StoredSuggestion,
  answering: ChatMessage,
  beforeAnnounce?: () => Promise<void>,
): Promise<void> {
  // The proposals first: a stored suggestion is announced right after it is saved.
  const tagsFor = suggestion.tags.length > 0 ? await thread.tagsFor(answering) : undefined;
  const added = tagsFor ? await deps.suggestions.addTagProposals(suggestion.guideId, tagsFor, suggestion.tags) : [];
  await deps.suggestions.save(suggestion);
  await beforeAnnounce?.();
  await deps.feed.publish(suggestion.guideId, { type: 'suggestion', customerId: thread.conversationId, suggestionId: suggestion.id });
  if (tagsFor && added.length > 0) await deps.feed.publish(suggestion.guideId, { type: 'tags', customerId: tagsFor });
}

/** The stored form of an engine result for this job and thread, under the store's approval policy. */
export function storedSuggestion(deps: Pick<SuggestionDeps, 'approvalThreshold'>, job: SuggestJob, thread: SuggestionThread, result: unknown, id: string, createdAt: number): StoredSuggestion {
  return applyStorePolicy(
    {
      ...suggestionSchema.parse(result),
      id,
      guideId: job.guideId,
      customerId: thread.conversationId,
      createdAt,
      status: 'fresh',
      ...(job.instruction ? { instruction: job.instruction } : {}),
      ...(thread.group ? { group: thread.group } : {}),
    },
    deps.approvalThreshold?.(job.guideId),
  );
}
