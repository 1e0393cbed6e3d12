import type { RedisClient } from '../ops/redis-client.ts';
import { suggestionSchema, tagProposalSchema, type TagProposal } from '../assist/suggestion-schema.ts';
import type { Keys } from '../conversation/keys.ts';
import type { StoredSuggestion, SuggestionStore } from './suggestion-store.ts';

/** Suggestions as JSON strings, tag proposals as a hash keyed by "组/标签"; every key expires with the conversation. */
export function createRedisSuggestionStore(redis: RedisClient, keys: Keys, ttlSec: number): SuggestionStore {
  const parse = (raw: string | null): StoredSuggestion | undefined => {
    if (!raw) return undefined;
    const value = JSON.parse(raw) as StoredSuggestion;
    suggestionSchema.parse(value); // what we serve must still match the schema
    return value;
  };

  return {
    async save(suggestion) {
      await redis.set(keys.suggestion(suggestion.guideId, suggestion.customerId), JSON.stringify(suggestion), 'EX', ttlSec);
    },

    async get(guideId, customerId) {
      return parse(await redis.get(keys.suggestion(guideId, customerId)));
    },

    async markStale(guideId, customerId, messageId) {
      const key = keys.suggestion(guideId, customerId);
      const current = parse(await redis.get(key));
      if (!current || current.status === 'stale' || current.answeredMessageIds.includes(messageId)) return undefined;
      await redis.set(key, JSON.stringify({ ...current, status: 'stale' }), 'KEEPTTL');
      return current.id;
    },

    async addTagProposals(guideId, customerId, proposals) {
      if (proposals.length === 0) return [];
      const decided = new Set(await redis.hkeys(keys.tagDecisions(guideId, customerId)));
      const key = keys.tagProposals(guideId, customerId);
      const fresh = proposals.filter((p) => !decided.has(p.tag));
      if (fresh.length === 0) return [];
      const multi = redis.multi();
      for (const p of fresh) multi.hsetnx(key, p.tag, JSON.stringify(p));
      multi.expire(key, ttlSec);
      const replies = (await multi.exec()) ?? [];
      return fresh.filter((_, i) => replies[i]?.[1] === 1);
    },

    async listTagProposals(guideId, customerId) {
      const all = await redis.hgetall(keys.tagProposals(guideId, customerId));
      return Object.values(all)
        .map((json) => tagProposalSchema.parse(JSON.parse(json)))
        .sort((a, b) => b.confidence - a.confidence);
    },

    async decideTag(guideId, customerId, tag, decision) {
      const key = keys.tagProposals(guideId, customerId);
      const raw = await redis.hget(key, tag);
      if (!raw) return undefined;
      const decidedKey = keys.tagDecisions(guideId, customerId);
      const replies = (await redis.multi().hdel(key, tag).hset(decidedKey, tag, decision).expire(decidedKey, ttlSec).exec()) ?? [];
      if (replies[0]?.[1] !== 1) return undefined; // decided by another request at the same moment
      return tagProposalSchema.parse(JSON.parse(raw)) as TagProposal;
    },
  };
}
