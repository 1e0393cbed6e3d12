import { randomUUID } from 'node:crypto';
import type { RedisClient } from '../../ops/redis-client.ts';

// Compare-then-act on one key, so a process never releases or extends a lock it no longer owns.
const RELEASE = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";
const EXTEND = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0";

/** SET NX PX: returns the handle when acquired. The lock expires by itself if its owner dies. */
export async function tryAcquireLock(redis: RedisClient, key: string, ttlMs: number): Promise<string | undefined> {
  const handle = randomUUID();
  const ok = await redis.set(key, handle, 'PX', ttlMs, 'NX');
  return ok === 'OK' ? handle : undefined;
}

export async function releaseLock(redis: RedisClient, key: string, handle: string): Promise<void> {
  await redis.eval(RELEASE, 1, key, handle);
}

/** True while we still own the lock. */
export async function extendLock(redis: RedisClient, key: string, handle: string, ttlMs: number): Promise<boolean> {
  return (await redis.eval(EXTEND, 1, key, handle, String(ttlMs))) === 1;
}

/** Polls for the lock until `waitMs` has passed; then throws what `busy` makes (a typed "try later" error). */
export async function waitForLock(redis: RedisClient, key: string, ttlMs: number, waitMs: number, busy: () => Error, pollMs = 50): Promise<string> {
  for (let waited = 0; ; waited += pollMs) {
    const handle = await tryAcquireLock(redis, key, ttlMs);
    if (handle) return handle;
    if (waited >= waitMs) throw busy();
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
