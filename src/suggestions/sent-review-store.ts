import { getEach, type RedisClient } from '../ops/redis-client.ts';
import type { Flag } from '../assist/suggestion-schema.ts';
import type { Keys } from '../conversation/keys.ts';

/** A message a guide actually sent that the guardrails flagged, for the manager to note or coach. */
export interface SentReviewItem {
  id: string;
  at: number;
  storeId: string;
  guideId: string;
  customerId: string;
  text: string;
  source: string;
  fromDraft: boolean;
  edited: boolean;
  flags: Flag[];
  status: 'open' | 'noted' | 'coach';
  note?: string;
  actedBy?: string;
  actedAt?: number;
}

export interface SentReviewStore {
  add(item: SentReviewItem): Promise<boolean>;
  get(id: string): Promise<SentReviewItem | undefined>;
  list(storeIds: string[], since: number): Promise<SentReviewItem[]>;
  act(id: string, status: 'noted' | 'coach', by: string, at: number, note?: string): Promise<SentReviewItem | undefined>;
}

export function createSentReviewStore(redis: RedisClient, keys: Keys, ttlSec: number): SentReviewStore {
  const get = async (id: string): Promise<SentReviewItem | undefined> => {
    const raw = await redis.get(keys.sentReview(id));
    return raw ? (JSON.parse(raw) as SentReviewItem) : undefined;
  };
  return {
    async add(item) {
      if ((await redis.set(keys.sentReview(item.id), JSON.stringify(item), 'EX', ttlSec, 'NX')) !== 'OK') return false;
      await redis.multi().zadd(keys.sentReviews(item.storeId), item.at, item.id).expire(keys.sentReviews(item.storeId), ttlSec).exec();
      return true;
    },
    get,
    async list(storeIds, since) {
      const ids = (await Promise.all(storeIds.map((s) => redis.zrangebyscore(keys.sentReviews(s), since, '+inf')))).flat();
      if (ids.length === 0) return [];
      const items = (await getEach(redis, ids.map((id) => keys.sentReview(id)))).flatMap((raw) => (raw ? [JSON.parse(raw) as SentReviewItem] : []));
      return items.sort((a, b) => b.at - a.at);
    },
    async act(id, status, by, at, note) {
      const item = await get(id);
      if (!item) return undefined;
      const next: SentReviewItem = { ...item, status, actedBy: by, actedAt: at, ...(note ? { note } : {}) };
      await redis.set(keys.sentReview(id), JSON.stringify(next), 'KEEPTTL');
      return next;
    },
  };
}
