import type { Redis } from 'ioredis';
import type { Keys } from '../conversation/keys.ts';
import { inChunks } from '../ops/in-chunks.ts';
import type { LifecycleMember } from './member.ts';

/** Members' lifecycle data in Redis: one JSON per member plus the set of ids the daily run walks. */
export interface MemberStore {
  get(customerId: string): Promise<LifecycleMember | undefined>;
  many(customerIds: readonly string[]): Promise<Array<LifecycleMember | undefined>>;
  /** Writes every member in one transaction (all or nothing); each expires after the retention TTL. */
  putAll(members: readonly LifecycleMember[]): Promise<void>;
  /** Visits every stored member in batches; ids whose data expired are dropped from the index on the way. */
  forEach(batchSize: number, visit: (batch: LifecycleMember[]) => Promise<void>): Promise<number>;
}

const parse = (raw: string | null): LifecycleMember | undefined => (raw ? (JSON.parse(raw) as LifecycleMember) : undefined);

export function createMemberStore(redis: Redis, keys: Keys, ttlSec: number): MemberStore {
  const many = async (ids: readonly string[]): Promise<Array<LifecycleMember | undefined>> => {
    const out: Array<LifecycleMember | undefined> = [];
    for (const chunk of inChunks(ids)) for (const raw of await redis.mget(chunk.map((id) => keys.lifecycleMember(id)))) out.push(parse(raw));
    return out;
  };
  return {
    get: async (customerId) => parse(await redis.get(keys.lifecycleMember(customerId))),
    many,
    async putAll(members) {
      if (members.length === 0) return;
      const multi = redis.multi();
      for (const member of members) multi.set(keys.lifecycleMember(member.customerId), JSON.stringify(member), 'EX', ttlSec);
      for (const chunk of inChunks(members)) multi.sadd(keys.lifecycleMembers(), chunk.map((m) => m.customerId));
      multi.expire(keys.lifecycleMembers(), ttlSec);
      await multi.exec();
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
