import type { RedisClient } from '../ops/redis-client.ts';
import type { Keys } from '../conversation/keys.ts';
import { businessDay } from './business-day.ts';

export interface SuggestionCounts {
  suggestions: number;
  drafts: number;
  flagged: number;
}

/** Per guide and day: how many drafts were made and how many carried a flag; per store and day: topics asked. */
export interface ReviewStats {
  recordSuggestion(input: { guideId: string; storeId: string; at: number; drafts: number; flagged: number; topic?: string }): Promise<void>;
  counts(guideId: string, day: string): Promise<SuggestionCounts>;
  topQuestions(storeIds: string[], days: string[], limit: number): Promise<Array<{ text: string; count: number }>>;
}

export function createReviewStats(redis: RedisClient, keys: Keys, ttlSec: number): ReviewStats {
  return {
    async recordSuggestion({ guideId, storeId, at, drafts, flagged, topic }) {
      const day = businessDay(at);
      const counts = keys.suggestionCounts(guideId, day);
      // Two keys in two slots, each updated in one transaction of its own (figures, not state: a crash
      // between them leaves one question uncounted).
      const topics = keys.topQuestions(storeId, day);
      await Promise.all([
        redis.multi().hincrby(counts, 'suggestions', 1).hincrby(counts, 'drafts', drafts).hincrby(counts, 'flagged', flagged).expire(counts, ttlSec).exec(),
        ...(topic ? [redis.multi().zincrby(topics, 1, topic).expire(topics, ttlSec).exec()] : []),
      ]);
    },
    async counts(guideId, day) {
      const raw = await redis.hgetall(keys.suggestionCounts(guideId, day));
      return { suggestions: Number(raw.suggestions ?? 0), drafts: Number(raw.drafts ?? 0), flagged: Number(raw.flagged ?? 0) };
    },
    async topQuestions(storeIds, days, limit) {
      const totals = new Map<string, number>();
      for (const storeId of storeIds) {
        for (const day of days) {
          const flat = await redis.zrange(keys.topQuestions(storeId, day), 0, -1, 'WITHSCORES');
          for (let i = 0; i < flat.length; i += 2) totals.set(flat[i] as string, (totals.get(flat[i] as string) ?? 0) + Number(flat[i + 1]));
        }
      }
      return [...totals].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count).slice(0, limit);
    },
  };
}
