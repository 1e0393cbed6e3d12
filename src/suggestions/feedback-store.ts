import type { RedisClient } from '../ops/redis-client.ts';
import type { Keys } from '../conversation/keys.ts';
import { businessDay } from './business-day.ts';

export const FEEDBACK_ACTIONS = ['shown', 'copied', 'sent', 'sent_edited', 'rejected', 'ignored'] as const;
export type FeedbackAction = (typeof FEEDBACK_ACTIONS)[number];

/** What the guide did with a draft. Every draft's shown/sent/rejected/ignored is counted once. */
export interface FeedbackEvent {
  at: number;
  guideId: string;
  customerId: string;
  suggestionId: string;
  draftId: string;
  action: FeedbackAction;
  reason?: string;
  /** For sent_edited: code-point edits between the draft and what was sent. */
  editDistance?: number;
  /** What was sent (sent / sent_edited), for the sent-message review. */
  text?: string;
  /** When the customer message being answered arrived (time-to-reply figures). */
  customerAt?: number;
}

export interface FeedbackStore {
  /** False when this (suggestion, draft, action) was already recorded. */
  record(event: FeedbackEvent): Promise<boolean>;
  counts(guideId: string, day: string): Promise<Record<FeedbackAction, number>>;
  events(day: string): Promise<FeedbackEvent[]>;
}

export function createRedisFeedbackStore(redis: RedisClient, keys: Keys, ttlSec: number): FeedbackStore {
  return {
    async record(event) {
      const once = keys.done('feedback', `${event.suggestionId}:${event.draftId}:${event.action}`);
      if ((await redis.set(once, '1', 'EX', ttlSec, 'NX')) !== 'OK') return false;
      const day = businessDay(event.at);
      const counts = keys.feedbackCounts(event.guideId, day);
      // Two keys in two slots, each in one transaction of its own (a crash between them loses one count).
      const log = keys.feedbackLog(day);
      await Promise.all([
        redis.multi().hincrby(counts, event.action, 1).expire(counts, ttlSec).exec(),
        redis.multi().rpush(log, JSON.stringify(event)).expire(log, ttlSec).exec(),
      ]);
      return true;
    },
    async counts(guideId, day) {
      const raw = await redis.hgetall(keys.feedbackCounts(guideId, day));
      return Object.fromEntries(FEEDBACK_ACTIONS.map((a) => [a, Number(raw[a] ?? 0)])) as Record<FeedbackAction, number>;
    },
    async events(day) {
      return (await redis.lrange(keys.feedbackLog(day), 0, -1)).map((json) => JSON.parse(json) as FeedbackEvent);
    },
  };
}
