import { readFileSync } from 'node:fs';
import type { RedisClient } from '../ops/redis-client.ts';
import { AppError } from '../errors.ts';
import { openFollowers, type ConversationStore, type ProfileUpdate } from './conversation-store.ts';
import { decodeMessage, encodeMessage } from './encode-message.ts';
import type { Keys } from './keys.ts';
import { emptyProfile, type CustomerProfile } from './model.ts';

const lua = (name: string): string => readFileSync(new URL(`./lua/${name}`, import.meta.url), 'utf8');
const APPEND = lua('append-message-2.lua');
const SET_IF_UNCHANGED = lua('set-if-unchanged-1.lua');

type Scripted = RedisClient & {
  appendMessage(list: string, index: string, id: string, json: string, max: number, ttl: number): Promise<number>;
  setIfUnchanged(key: string, expected: string, next: string, ttl: number): Promise<number>;
};

export interface RedisStoreOptions {
  ttlSec: number;
  maxMessages: number;
}

export function createRedisConversationStore(redis: RedisClient, keys: Keys, options: RedisStoreOptions): ConversationStore {
  const r = redis as Scripted;
  if (!('appendMessage' in r)) {
    redis.defineCommand('appendMessage', { numberOfKeys: 2, lua: APPEND });
    redis.defineCommand('setIfUnchanged', { numberOfKeys: 1, lua: SET_IF_UNCHANGED });
  }
  const { ttlSec, maxMessages } = options;

  /** One guide's index at a time (each in its own slot): every step is idempotent, a retry completes it. */
  async function syncFollowIndex(profile: CustomerProfile): Promise<void> {
    const { open, closed } = openFollowers(profile);
    await Promise.all([
      ...open.map((guideId) => redis.multi().sadd(keys.guideFollows(guideId), profile.customerId).expire(keys.guideFollows(guideId), ttlSec).exec()),
      ...closed.map((guideId) => redis.srem(keys.guideFollows(guideId), profile.customerId)),
    ]);
  }

  return {
    async appendMessage(message) {
      const added = await r.appendMessage(
        keys.conversation(message.guideId, message.customerId),
        keys.conversationIndex(message.guideId, message.customerId),
        message.id,
        encodeMessage(message),
        maxMessages,
        ttlSec,
      );
      // The guide's conversation index lives in the guide's slot, so after the script; on every call (a
      // redelivered message too), so a crash between the two is repaired by the job's retry.
      const guide = keys.guideCustomers(message.guideId);
      await redis.multi().sadd(guide, message.customerId).expire(guide, ttlSec).exec();
      return added === 1;
    },

    async lastMessages(guideId, customerId, limit) {
      if (limit <= 0) return [];
      const raw = await redis.lrange(keys.conversation(guideId, customerId), -limit, -1);
      return raw.map((json) => decodeMessage(json, guideId, customerId));
    },

    async getProfile(customerId) {
      const raw = await redis.get(keys.profile(customerId));
      return raw ? (JSON.parse(raw) as CustomerProfile) : undefined;
    },

    async updateProfile(customerId: string, now: number, update: ProfileUpdate) {
      for (let attempt = 0; attempt < 20; attempt++) {
        const raw = await redis.get(keys.profile(customerId));
        const current = raw ? (JSON.parse(raw) as CustomerProfile) : emptyProfile(customerId, now);
        const next = update(structuredClone(current));
        if (!next) return current;
        const stored: CustomerProfile = { ...next, customerId, updatedAt: now };
        if ((await r.setIfUnchanged(keys.profile(customerId), raw ?? '', JSON.stringify(stored), ttlSec)) === 1) {
          await syncFollowIndex(stored);
          return stored;
        }
      }
      throw new AppError('profile_contention', `profile ${customerId} kept changing under us`, { status: 503 });
    },

    async isFollowing(guideId, customerId) {
      return (await redis.sismember(keys.guideFollows(guideId), customerId)) === 1;
    },

    async listFollowed(guideId) {
      return (await redis.smembers(keys.guideFollows(guideId))).sort();
    },
  };
}
