/**
 * The slice of a conversation the engines look at: a window of recent text messages, the customer's
 * messages in it, and the ones still unanswered (after the guide's last reply), which weigh most.
 */
import type { ChatMessage } from '../conversation/model.ts';
import { toQuery } from './knowledge/bm25-index.ts';
import { tokenize } from './knowledge/segment.ts';

export interface AssistContext {
  window: ChatMessage[];
  customerMessages: ChatMessage[];
  /** Customer messages after the guide's last message: what the suggestion answers. */
  answering: ChatMessage[];
  lastCustomer: ChatMessage | undefined;
}

export function buildContext(conversation: readonly ChatMessage[], windowSize = 12): AssistContext {
  const window = conversation.filter((m) => m.text.trim().length > 0).slice(-windowSize);
  const customerMessages = window.filter((m) => m.speaker === 'customer');
  const lastGuide = window.findLastIndex((m) => m.speaker === 'guide');
  const answering = window.slice(lastGuide + 1).filter((m) => m.speaker === 'customer');
  return { window, customerMessages, answering, lastCustomer: customerMessages[customerMessages.length - 1] };
}

/**
 * Retrieval query: the unanswered customer messages at full weight, earlier customer messages fading,
 * the guide's words barely (they describe what was already said, not what is asked).
 */
export function weightedQuery(context: AssistContext): Map<string, number> {
  const query = new Map<string, number>();
  const answering = new Set(context.answering.map((m) => m.id));
  let age = 0;
  for (let i = context.window.length - 1; i >= 0; i--) {
    const message = context.window[i] as ChatMessage;
    if (message.speaker === 'guide') {
      toQuery(tokenize(message.text), 0.15, query);
      continue;
    }
    const weight = answering.has(message.id) || message === context.lastCustomer ? 1 : Math.max(0.15, 0.5 * 0.7 ** age);
    toQuery(tokenize(message.text), weight, query);
    age++;
  }
  return query;
}

/** The text the customer is waiting on an answer to (the unanswered messages, else the last one). */
export function pendingText(context: AssistContext): string {
  const messages = context.answering.length > 0 ? context.answering : context.lastCustomer ? [context.lastCustomer] : [];
  return messages.map((m) => m.text).join('\n');
}
