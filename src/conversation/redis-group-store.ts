import { readFileSync } from 'node:fs';
import { decodeGroupMessage, encodeGroupMessage } from './encode-group-message.ts';
import type { CustomerGroup } from './group-model.ts';
import { corpMembersOf, type GroupStore } from './group-store.ts';
import type { Keys } from './keys.ts';
import type { RedisClient } from '../ops/redis-client.ts';

// The 1:1 conversation's append script: it reads only the three order keys every entry starts with. Its two
// keys, the group's list and id index, share the group's hash tag (keys.ts).
const APPEND = readFileSync(new URL('./lua/append-message-2.lua', import.meta.url), 'utf8');

type Scripted = RedisClient & {
  appendGroupMessage(list: string, index: string, id: string, json: string, max: number, ttl: number): Promise<number>;
};

export function createRedisGroupStore(redis: RedisClient, keys: Keys, options: { ttlSec: number; maxMessages: number }): GroupStore {
  const r = redis as Scripted;
  // Its own command name: the conversation store defines its commands together when `appendMessage` is missing.
  if (!('appendGroupMessage' in r)) redis.defineCommand('appendGroupMessage', { numberOfKeys: 2, lua: APPEND });
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
      // Each member's set is its own key (own slot): written one key at a time, the details last, so a crash
      // between steps leaves at most a member listed who has left, which the next change of the group mends.
      const member = (userId: string) => keys.memberGroups(userId);
      await Promise.all([...now].map((userId) => redis.multi().sadd(member(userId), group.chatId).expire(member(userId), ttlSec).exec()));
      const left = (before ? corpMembersOf(before) : []).filter((userId) => !now.has(userId));
      await Promise.all(left.map((userId) => redis.srem(member(userId), group.chatId)));
      await redis.set(keys.group(group.chatId), JSON.stringify(group), 'EX', ttlSec);
    },

    async appendMessage(message) {
      const added = await r.appendGroupMessage(
        keys.groupConversation(message.chatId),
        keys.groupConversationIndex(message.chatId),
        message.id,
        encodeGroupMessage(message),
        maxMessages,
        ttlSec,
      );
      // After the list (another slot): a retried append adds what a crash here left out.
      const chats = keys.groupChats();
      await redis.multi().sadd(chats, message.chatId).expire(chats, ttlSec).exec();
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
