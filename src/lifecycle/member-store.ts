import { getEach, type RedisClient } from '../ops/redis-client.ts';
import type { Keys } from '../conversation/keys.ts';
import { inChunks } from '../ops/in-chunks.ts';
import type { LifecycleMember } from './member.ts';

/** Members' lifecycle data in Redis: one JSON per member plus the set of ids the daily run walks. */
export interface MemberStore {
  get(customerId: string): Promise<LifecycleMember | undefined>;
  many(customerIds: readonly string[]): Promise<Array<LifecycleMember | undefined>>;
  /**
   * Writes every member, then adds them to the index; each expires after the retention TTL. Members live in
   * slots of their own, so this is not one transaction: a write that fails halfway throws and leaves some
   * members stored, perhaps not yet indexed, and importing the same file again completes it.
   */
  putAll(members: readonly LifecycleMember[]): Promise<void>;
  /** Visits every stored member in batches; ids whose data expired are dropped from the index on the way. */
  forEach(batchSize: number, visit: (batch: LifecycleMember[]) => Promise<void>): Promise<number>;
}

const parse = (raw: string | null): LifecycleMember | undefined => (raw ? (JSON.parse(raw) as LifecycleMember) : undefined);

export function createMemberStore(redis: RedisClient, keys: Keys, ttlSec: number): MemberStore {
  const many = async (ids: readonly string[]): Promise<Array<LifecycleMember | undefined>> => {
    const out: Array<LifecycleMember | undefined> = [];
    for (const chunk of inChunks(ids)) for (const raw of await getEach(redis, chunk.map((id) => keys.lifecycleMember(id)))) out.push(parse(raw));
    return out;
  };
  return {
    get: async (customerId) => parse(await redis.get(keys.lifecycleMember(customerId))),
    many,
    async putAll(members) {
      if (members.length === 0) return;
      for (const chunk of inChunks(members)) await Promise.all(chunk.map((m) => redis.set(keys.lifecycleMember(m.customerId), JSON.stringify(m), 'EX', ttlSec)));
      const multi = redis.multi();
      for (const chunk of inChunks(members)) multi.sadd(keys.lifecycleMembers(), chunk.map((m) => m.customerId));
      await multi.expire(keys.lifecycleMembers(), ttlSec).exec();
    },
    async forEach(batchSize, visit) {
      // SSCAN may return an id twice while the set changes: each is visited once.
      const seen = new Set<string>();
      let cursor = '0';
      let visited = 0;
      do {
        const [next, ids] = await redis.sscan(keys.lifecycleMembers(), cursor, 'COUNT', batchSize);
        cursor = next;
        const fresh = ids.filter((id) => !seen.has(id));
        for (const id of fresh) seen.add(id);
        const members = await many(fresh);
        const expired = fresh.filter((_, i) => members[i] === undefined);
        for (const chunk of inChunks(expired)) await redis.srem(keys.lifecycleMembers(), chunk);
        const batch = members.filter((m): m is LifecycleMember => m !== undefined);
        if (batch.length > 0) await visit(batch);
        visited += batch.length;
      } while (cursor !== '0');
      return visited;
    },
  };
}
