import type { Redis } from 'ioredis';
import type { Keys } from '../conversation/keys.ts';
import type { WecomApi } from '../wecom/api/wecom-api.ts';

/**
 * Whether an external member of a group agreed to archiving (会话内容存档 consent, msgaudit/check_room_agree,
 * doc 91782). A customer who has not agreed is never stored: their lines are dropped before the group
 * conversation sees them. The answers are cached per group for `ttlSec`; a member change (add_member)
 * forgets them, and a member the cached answer does not list is asked about again once a minute at most.
 */
export interface RoomConsent {
  agreed(chatId: string, externalUserId: string): Promise<boolean>;
  forget(chatId: string): Promise<void>;
}

const FETCHED = '~fetched';
const REASK_MS = 60_000;

export function createRoomConsent(deps: { api: Pick<WecomApi, 'checkRoomAgree'>; redis: Redis; keys: Keys; ttlSec: number; now: () => number }): RoomConsent {
  const { redis, keys } = deps;
  async function fetch(chatId: string): Promise<Record<string, string>> {
    const answers = await deps.api.checkRoomAgree(chatId);
    const entries: Record<string, string> = { [FETCHED]: String(deps.now()) };
    for (const a of answers) entries[a.externalUserId] = a.agreed ? '1' : '0';
    const key = keys.roomConsent(chatId);
    await redis.multi().del(key).hset(key, entries).expire(key, deps.ttlSec).exec();
    return entries;
  }
  return {
    async agreed(chatId, externalUserId) {
      let known = await redis.hgetall(keys.roomConsent(chatId));
      const fetchedAt = Number(known[FETCHED] ?? 0);
      if (known[externalUserId] === undefined && deps.now() - fetchedAt >= REASK_MS) known = await fetch(chatId);
      return known[externalUserId] === '1';
    },
    async forget(chatId) {
      await redis.del(keys.roomConsent(chatId));
    },
  };
}
