import type { RedisClient } from '../ops/redis-client.ts';

/**
 * The ids a puller already handed on (a sorted set scored by when), so a page replayed after a crash is not
 * delivered twice. Entries older than the TTL are pruned on every write.
 */
export async function filterUnseen<T>(redis: RedisClient, seenKey: string, items: readonly T[], idOf: (item: T) => string): Promise<T[]> {
  if (items.length === 0) return [];
  const pipeline = redis.pipeline();
  for (const item of items) pipeline.zscore(seenKey, idOf(item));
  const scores = (await pipeline.exec()) ?? [];
  const picked = new Set<string>();
  return items.filter((item, i) => {
    const id = idOf(item);
    const seen = scores[i]?.[1] !== null || picked.has(id);
    picked.add(id);
    return !seen;
  });
}

/**
 * How many ids are kept, newest first. The cursor is saved after every page (at most 1,000 items), so a
 * crashed pull re-reads at most the page it was on; two pages is margin. Past it the conversation store
 * still refuses what it already holds (by id, or by order for what it trimmed), so the set need not hold
 * every message of the TTL window (100 bytes each: it outgrew the conversations it fed).
 */
export const SEEN_MAX = 2000;

export async function markSeen(redis: RedisClient, seenKey: string, ids: string[], now: number, ttlMs: number, maxIds = SEEN_MAX): Promise<void> {
  if (ids.length === 0) return;
  const pipeline = redis.pipeline();
  pipeline.zadd(seenKey, ...ids.flatMap((id) => [String(now), id]));
  pipeline.zremrangebyscore(seenKey, '-inf', String(now - ttlMs));
  pipeline.zremrangebyrank(seenKey, 0, -(maxIds + 1));
  pipeline.pexpire(seenKey, ttlMs);
  await pipeline.exec();
}
