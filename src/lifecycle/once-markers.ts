import type { RedisClient } from '../ops/redis-client.ts';
import type { Keys } from '../conversation/keys.ts';

const DAY_MS = 86400_000;

/**
 * "This member already had this rule's task for this period." The task store's own once-key expires with
 * the task (the retention TTL); a win-back window or a birthday year can outlast that, so the lifecycle
 * keeps its own marker until the period is over.
 */
export interface OnceMarkers {
  has(onceKey: string): Promise<boolean>;
  mark(onceKey: string, keepMs: number): Promise<void>;
}

export function createOnceMarkers(redis: RedisClient, keys: Keys): OnceMarkers {
  return {
    has: async (onceKey) => (await redis.exists(keys.lifecycleOnce(onceKey))) === 1,
    mark: async (onceKey, keepMs) => void (await redis.set(keys.lifecycleOnce(onceKey), '1', 'PX', Math.max(keepMs, DAY_MS))),
  };
}
