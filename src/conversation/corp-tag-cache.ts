import type { RedisClient } from '../ops/redis-client.ts';
import type { Keys } from './keys.ts';

/** The corp tag library as WeCom has it (get_corp_tag_list), in our own neutral shape. */
export interface CorpTags {
  groups: Array<{ id: string; name: string; order: number; tags: Array<{ id: string; name: string; order: number }> }>;
  refreshedAt: number;
}

/** Kept without TTL (architecture rule's one exception): it is rebuilt from WeCom on every tag event. */
export interface CorpTagCache {
  get(): Promise<CorpTags | undefined>;
  set(tags: CorpTags): Promise<void>;
}

export function createCorpTagCache(redis: RedisClient, keys: Keys): CorpTagCache {
  return {
    async get() {
      const raw = await redis.get(keys.tagLibrary());
      return raw ? (JSON.parse(raw) as CorpTags) : undefined;
    },
    async set(tags) {
      await redis.set(keys.tagLibrary(), JSON.stringify(tags));
    },
  };
}
