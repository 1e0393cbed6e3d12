import type { RedisClient } from '../ops/redis-client.ts';
import type { Keys } from '../conversation/keys.ts';

/**
 * Whether a guide has the sidebar open somewhere: each SSE connection keeps an entry alive with its
 * heartbeat, so a crashed web process cannot leave a guide "online" for longer than `ttlMs`.
 */
export interface Presence {
  touch(guideId: string, connectionId: string, now: number): Promise<void>;
  leave(guideId: string, connectionId: string): Promise<void>;
  isOnline(guideId: string, now: number): Promise<boolean>;
}

export function createPresence(redis: RedisClient, keys: Keys, ttlMs: number): Presence {
  return {
    async touch(guideId, connectionId, now) {
      const key = keys.presence(guideId);
      await redis.multi().zadd(key, now + ttlMs, connectionId).zremrangebyscore(key, 0, now).pexpire(key, ttlMs).exec();
    },
    async leave(guideId, connectionId) {
      await redis.zrem(keys.presence(guideId), connectionId);
    },
    async isOnline(guideId, now) {
      return (await redis.zcount(keys.presence(guideId), now, '+inf')) > 0;
    },
  };
}
