import { setTimeout as delay } from 'node:timers/promises';
import { AppError } from '../../errors.ts';
import { describeCredential, type CredentialId, type TokenCache } from './token-cache.ts';

/** What gettoken / get_jsapi_ticket / ticket/get answered. */
export interface FetchedCredential {
  value: string;
  expiresInSeconds: number;
}

export interface CredentialOptions {
  cache: TokenCache;
  now: () => number;
  /** How long a refresh may hold the lock before another process may take over. */
  lockTtlMs: number;
  /** Pause between looks at the cache while another process refreshes. */
  pollMs: number;
}

/** WeCom may revoke a token early; we stop using it 300 s before its announced expiry (doc 91039). */
const SAFETY_MS = 300_000;

function lifetimeMs(expiresInSeconds: number): number {
  const full = expiresInSeconds * 1000;
  // Very short lifetimes (tests, an emulator fault) keep half their life rather than none.
  return full > 2 * SAFETY_MS ? full - SAFETY_MS : Math.max(1000, full / 2);
}

async function readValid(options: CredentialOptions, id: CredentialId): Promise<string | undefined> {
  const cached = await options.cache.get(id);
  return cached && cached.expiresAt > options.now() ? cached.value : undefined;
}

/**
 * Cached value, or one refresh across all processes: the lock winner fetches and stores, everyone else
 * polls the cache until the value appears (or the winner's lock lapses and someone retries).
 */
export async function obtainCredential(
  options: CredentialOptions,
  id: CredentialId,
  fetchFresh: () => Promise<FetchedCredential>,
): Promise<string> {
  const cached = await readValid(options, id);
  if (cached) return cached;
  const maxPolls = Math.ceil((options.lockTtlMs * 2) / options.pollMs);
  for (let poll = 0; ; poll++) {
    const handle = await options.cache.tryLock(id, options.lockTtlMs);
    if (handle) {
      try {
        // Another process may have stored a fresh value between our miss and our lock.
        const again = await readValid(options, id);
        if (again) return again;
        const fresh = await fetchFresh();
        const ttlMs = lifetimeMs(fresh.expiresInSeconds);
        await options.cache.set(id, { value: fresh.value, expiresAt: options.now() + ttlMs }, ttlMs);
        return fresh.value;
      } finally {
        await options.cache.unlock(id, handle);
      }
    }
    if (poll >= maxPolls) {
      throw new AppError('credential_refresh_timeout', `timed out waiting for ${describeCredential(id)} refresh`, {
        status: 503,
        expose: false,
        hint: 'another process holds the refresh lock without finishing: check WeCom reachability from every process',
      });
    }
    await delay(options.pollMs);
    const seen = await readValid(options, id);
    if (seen) return seen;
  }
}

/** Shares one in-flight refresh per credential inside this process. */
export function createInflight(): <T>(key: string, run: () => Promise<T>) => Promise<T> {
  const pending = new Map<string, Promise<unknown>>();
  return <T>(key: string, run: () => Promise<T>): Promise<T> => {
    const existing = pending.get(key);
    if (existing) return existing as Promise<T>;
    const started = run().finally(() => pending.delete(key));
    pending.set(key, started);
    return started;
  };
}
