import type { Cluster, Redis } from 'ioredis';

/**
 * A connection to one Redis server or to a Redis Cluster: ioredis speaks the same commands to both, so the
 * stores take either. On a cluster every command may touch keys of one hash slot only, and a pipeline or
 * transaction keys of one node only: the key layout (src/conversation/keys.ts) keeps what must be atomic
 * in one slot, and reads of many unrelated keys go out as single commands, issued together (ioredis routes
 * each to its node and writes them without waiting for the replies).
 */
export type RedisClient = Redis | Cluster;

/** GET of each key (MGET refuses keys of several slots on a cluster). */
export function getEach(redis: RedisClient, keys: readonly string[]): Promise<Array<string | null>> {
  return Promise.all(keys.map((key) => redis.get(key)));
}
