import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';
import { AppError } from '../errors.ts';
import { openFollowers, type ConversationStore, type ProfileUpdate } from './conversation-store.ts';
import { decodeMessage, encodeMessage } from './encode-message.ts';
import type { Keys } from './keys.ts';
import { emptyProfile, type CustomerProfile } from './model.ts';

const lua = (name: string): string => readFileSync(new URL(`./lua/${name}`, import.meta.url), 'utf8');
const APPEND = lua('append-message-3.lua');
const SET_IF_UNCHANGED = lua('set-if-unchanged-1.lua');

type Scripted = Redis & {
  appendMessage(k1: string, k2: string, k3: string, id: string, json: string, max: number, ttl: number, customer: string): Promise<number>;
  setIfUnchanged(key: string, expected: string, next: string, ttl: number): Promise<number>;
};

export interface RedisStoreOptions {
  ttlSec: number;
  maxMessages: number;
}

export function createRedisConversationStore(redis: Redis, keys: Keys, options: RedisStoreOptions): ConversationStore {
  const r = redis as Scripted;
  if (!('appendMessage' in r)) {
    redis.defineCommand('appendMessage', { numberOfKeys: 3, lua: APPEND });
    redis.defineCommand('setIfUnchanged', { numberOfKeys: 1, lua: SET_IF_UNCHANGED });
  }
  const { ttlSec, maxMessages } = options;

  async function syncFollowIndex(profile: CustomerProfile): Promise<void> {
    const { open, closed } = openFollowers(profile);
    const multi = redis.multi();
    for (const guideId of open) multi.sadd(keys.guideFollows(guideId), profile.customerId).expire(keys.guideFollows(guideId), ttlSec);
    for (const guideId of closed) multi.srem(keys.guideFollows(guideId), profile.customerId);
    await multi.exec();
  }

  return {
    async appendMessage(message) {
      const added = await r.appendMessage(
        keys.conversation(message.guideId, message.customerId),
        keys.conversationIndex(message.guideId, message.customerId),
        keys.guideCustomers(message.guideId),
        message.id,
        encodeMessage(message),
        maxMessages,
        ttlSec,
        message.customerId,
      );
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
