import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { loadConfig, type Config } from '../../src/config.ts';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const silentLog = pino({ level: 'silent' });

/** A config for one test file: its own Redis prefix and spool dir, an ephemeral port, WeCom keys given. */
export function testConfig(overrides: Record<string, string> = {}, keys?: { token: string; encodingAesKey: string; corpId: string }): Config {
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    REDIS_URL,
    REDIS_PREFIX: `test:${randomUUID().slice(0, 8)}:`,
    SPOOL_DIR: mkdtempSync(join(tmpdir(), 'ga-spool-')),
    LOG_LEVEL: 'silent',
    ...(keys
      ? {
          WECOM_CORP_ID: keys.corpId,
          WECOM_TOKEN: keys.token,
          WECOM_AES_KEY: keys.encodingAesKey,
          WECOM_AGENT_ID: '1000002',
          WECOM_SECRET: 'test-secret',
          SESSION_SECRET: 'x'.repeat(32),
          PUBLIC_URL: 'https://ga.test.invalid',
        }
      : {}),
    ...overrides,
  };
  return loadConfig(env, ['config/default.yaml']);
}

/** Every key under a prefix (to prove a rejection stored nothing) and a cleanup for afterAll. */
export async function keysUnder(redis: Redis, prefix: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    found.push(...batch);
  } while (cursor !== '0');
  return found;
}

export async function deleteUnder(prefix: string, url = REDIS_URL): Promise<void> {
  const redis = new Redis(url);
  try {
    const keys = await keysUnder(redis, prefix);
    for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
  } finally {
    redis.disconnect();
  }
}
