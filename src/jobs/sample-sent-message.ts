import { createHash } from 'node:crypto';
import type { Flag } from '../assist/suggestion-schema.ts';
import type { ChatMessage } from '../conversation/model.ts';
import type { SentReviewStore } from '../suggestions/sent-review-store.ts';

/** Deterministic sampling by message id: a redelivered message is sampled the same way every time. */
export function isSampled(messageId: string, rate: number): boolean {
  if (rate >= 1) return true;
  if (rate <= 0) return false;
  return createHash('sha256').update(messageId).digest().readUInt32BE(0) / 0x1_0000_0000 < rate;
}

/**
 * The sent-message review: a sample of what guides actually sent (from drafts, edited or not, and from any
 * other door) goes through the same guardrails as drafts; flagged ones wait for the manager.
 */
export function createSentSampler(deps: {
  rate: number;
  check: (text: string) => Flag[];
  reviews: SentReviewStore;
  storeOf: (guideId: string) => string;
}): (message: ChatMessage) => Promise<void> {
  return async (message) => {
    if (!isSampled(message.id, deps.rate)) return;
    const flags = deps.check(message.text);
    if (flags.length === 0) return;
    await deps.reviews.add({
      id: `sent-${message.id}`,
      at: message.at,
      storeId: deps.storeOf(message.guideId),
      guideId: message.guideId,
      customerId: message.customerId,
      text: message.text,
      source: message.source,
      fromDraft: Boolean(message.fromDraft),
      edited: message.fromDraft?.edited ?? false,
      flags,
      status: 'open',
    });
  };
}
