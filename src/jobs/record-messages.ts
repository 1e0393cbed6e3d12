import type { Queue } from 'bullmq';
import type { ConversationStore } from '../conversation/conversation-store.ts';
import type { ChatMessage } from '../conversation/model.ts';
import type { LiveFeed } from '../suggestions/live-feed.ts';
import type { SuggestionStore } from '../suggestions/suggestion-store.ts';
import { scheduleSuggestion, type SuggestJob } from './suggest-job.ts';

export interface RecordDeps {
  store: ConversationStore;
  suggestions: SuggestionStore;
  feed: LiveFeed;
  suggestQueue: Queue<SuggestJob>;
  debounceMs: number;
  now: () => number;
  /** Sees every new guide message (the sent-message review samples from here). */
  onGuideMessage?: (message: ChatMessage) => Promise<void>;
}

/**
 * Where every door (微信客服, chat archive, sidebar paste) delivers messages. New customer messages make the
 * current suggestion stale and schedule a fresh one; every new message is announced to the guide's sidebar.
 * Idempotent: a message already in the conversation does nothing.
 */
/** How close in time the same guide text from two doors counts as one message. */
const ECHO_WINDOW_MS = 120_000;

/**
 * A guide's message sent from the sidebar can come back through another door (微信客服 origin 5, the chat
 * archive) with a different id: the same text from the same guide within the window is the same message.
 */
async function isEcho(store: ConversationStore, message: ChatMessage): Promise<boolean> {
  if (message.speaker !== 'guide') return false;
  const recent = await store.lastMessages(message.guideId, message.customerId, 10);
  return recent.some((m) => m.speaker === 'guide' && m.source !== message.source && m.text === message.text && Math.abs(m.at - message.at) <= ECHO_WINDOW_MS);
}

export async function recordMessages(deps: RecordDeps, messages: ChatMessage[]): Promise<ChatMessage[]> {
  const added: ChatMessage[] = [];
  for (const message of messages) {
    // A customer-group line has its own conversation (record-group-messages.ts), never a 1:1 one.
    if (message.roomId) continue;
    if (await isEcho(deps.store, message)) continue;
    if (!(await deps.store.appendMessage(message))) continue;
    added.push(message);
    const { guideId, customerId } = message;
    await deps.feed.publish(guideId, { type: 'message', customerId, messageId: message.id });
    if (message.speaker === 'guide' && message.text) await deps.onGuideMessage?.(message);
    if (message.speaker !== 'customer' || !message.text) continue;
    const staleId = await deps.suggestions.markStale(guideId, customerId, message.id);
    if (staleId) await deps.feed.publish(guideId, { type: 'suggestion_stale', customerId, suggestionId: staleId });
    await scheduleSuggestion(deps.suggestQueue, { guideId, customerId, requestedAt: deps.now() }, deps.debounceMs);
  }
  return added;
}
