import type { Redis } from 'ioredis';

/**
 * The ids a puller already handed on (a sorted set scored by when), so a page replayed after a crash is not
 * delivered twice. Entries older than the TTL are pruned on every write.
 */
export async function filterUnseen<T>(redis: Redis, seenKey: string, items: readonly T[], idOf: (item: T) => string): Promise<T[]> {
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

export async function markSeen(redis: Redis, seenKey: string, ids: string[], now: number, ttlMs: number): Promise<void> {
  if (ids.length === 0) return;
  const pipeline = redis.pipeline();
  pipeline.zadd(seenKey, ...ids.flatMap((id) => [String(now), id]));
  pipeline.zremrangebyscore(seenKey, '-inf', String(now - ttlMs));
  pipeline.pexpire(seenKey, ttlMs);
  await pipeline.exec();
}
