import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';
import { decodeGroupMessage, encodeGroupMessage } from './encode-group-message.ts';
import type { CustomerGroup } from './group-model.ts';
import { corpMembersOf, type GroupStore } from './group-store.ts';
import type { Keys } from './keys.ts';

// The 1:1 conversation's append script: it reads only the three order keys every entry starts with.
const APPEND = readFileSync(new URL('./lua/append-message-3.lua', import.meta.url), 'utf8');

type Scripted = Redis & {
  appendGroupMessage(k1: string, k2: string, k3: string, id: string, json: string, max: number, ttl: number, member: string): Promise<number>;
};

export function createRedisGroupStore(redis: Redis, keys: Keys, options: { ttlSec: number; maxMessages: number }): GroupStore {
  const r = redis as Scripted;
  // Its own command name: the conversation store defines its commands together when `appendMessage` is missing.
  if (!('appendGroupMessage' in r)) redis.defineCommand('appendGroupMessage', { numberOfKeys: 3, lua: APPEND });
  const { ttlSec, maxMessages } = options;
  const read = async (chatId: string): Promise<CustomerGroup | undefined> => {
    const raw = await redis.get(keys.group(chatId));
    return raw ? (JSON.parse(raw) as CustomerGroup) : undefined;
  };

  return {
    getGroup: read,

    async saveGroup(group) {
      const before = await read(group.chatId);
      const now = new Set(corpMembersOf(group));
      const multi = redis.multi().set(keys.group(group.chatId), JSON.stringify(group), 'EX', ttlSec);
      for (const userId of now) multi.sadd(keys.memberGroups(userId), group.chatId).expire(keys.memberGroups(userId), ttlSec);
      for (const userId of before ? corpMembersOf(before) : []) if (!now.has(userId)) multi.srem(keys.memberGroups(userId), group.chatId);
      await multi.exec();
    },

    async appendMessage(message) {
      const added = await r.appendGroupMessage(
        keys.groupConversation(message.chatId),
        keys.groupConversationIndex(message.chatId),
        keys.groupChats(),
        message.id,
        encodeGroupMessage(message),
        maxMessages,
        ttlSec,
        message.chatId,
      );
      return added === 1;
    },

    async lastMessages(chatId, limit) {
      if (limit <= 0) return [];
      return (await redis.lrange(keys.groupConversation(chatId), -limit, -1)).map((json) => decodeGroupMessage(json, chatId));
    },

    async groupsOf(userId) {
      return (await redis.smembers(keys.memberGroups(userId))).sort();
    },
  };
}
