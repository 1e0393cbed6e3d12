import type { RedisClient } from '../../ops/redis-client.ts';
import type { Keys } from '../../conversation/keys.ts';
import { releaseLock, tryAcquireLock } from './redis-lock.ts';
import type { CachedCredential, CredentialId, TokenCache } from './token-cache.ts';

const COMPARE_AND_DELETE = "if redis.call('HGET', KEYS[1], 'value') == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

function valueKey(keys: Keys, id: CredentialId): string {
  return id.type === 'access_token' ? keys.accessToken(id.secret) : keys.ticket(id.kind);
}

function lockKey(keys: Keys, id: CredentialId): string {
  return id.type === 'access_token' ? keys.accessTokenLock(id.secret) : keys.ticketLock(id.kind);
}

/** Tokens and tickets as Redis hashes {value, expiresAt} with a PX TTL. */
export function createRedisTokenCache(redis: RedisClient, keys: Keys): TokenCache {
  return {
    async get(id) {
      const entry = await redis.hgetall(valueKey(keys, id));
      const expiresAt = Number(entry.expiresAt);
      if (!entry.value || !Number.isFinite(expiresAt)) return undefined;
      return { value: entry.value, expiresAt };
    },
    async set(id, credential: CachedCredential, ttlMs) {
      const key = valueKey(keys, id);
      await redis
        .multi()
        .del(key)
        .hset(key, 'value', credential.value, 'expiresAt', String(credential.expiresAt))
        .pexpire(key, Math.max(1, Math.round(ttlMs)))
        .exec();
    },
    async invalidate(id, value) {
      await redis.eval(COMPARE_AND_DELETE, 1, valueKey(keys, id), value);
    },
    tryLock: (id, ttlMs) => tryAcquireLock(redis, lockKey(keys, id), ttlMs),
    unlock: (id, handle) => releaseLock(redis, lockKey(keys, id), handle),
  };
}
