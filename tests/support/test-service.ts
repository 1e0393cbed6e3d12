import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cluster } from 'ioredis';
import { pino } from 'pino';
import { connectRedis, whenReady, type ConnectionRole } from '../../src/compose/redis-connections.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import type { RedisClient } from '../../src/ops/redis-client.ts';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Set when the Redis-backed suites run against a Redis Cluster (vitest.cluster.config.ts). */
export const REDIS_CLUSTER_NODES = process.env.REDIS_CLUSTER_NODES ?? '';
export const silentLog = pino({ level: 'silent' });

/** Where the tests' Redis is: the server, or the cluster when REDIS_CLUSTER_NODES is set. */
export function redisEnv(): Record<string, string> {
  return { REDIS_URL, ...(REDIS_CLUSTER_NODES ? { REDIS_CLUSTER_NODES } : {}) };
}

/** A connection to the tests' Redis, built the way the service builds its own (src/compose/redis-connections.ts). */
export function testRedis(role: ConnectionRole = 'commands'): RedisClient {
  return connectRedis(loadConfig(redisEnv(), ['config/default.yaml']), role);
}

/** A config for one test file: its own Redis prefix and spool dir, an ephemeral port, WeCom keys given. */
export function testConfig(overrides: Record<string, string> = {}, keys?: { token: string; encodingAesKey: string; corpId: string }): Config {
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    ...redisEnv(),
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

/** Every key under a prefix (to prove a rejection stored nothing) and a cleanup for afterAll; on a cluster, of every master. */
export async function keysUnder(redis: RedisClient, prefix: string): Promise<string[]> {
  const found: string[] = [];
  // A cluster client knows its masters only once it has read the slot map.
  if (redis instanceof Cluster) await whenReady(redis);
  for (const node of redis instanceof Cluster ? redis.nodes('master') : [redis]) {
    let cursor = '0';
    do {
      const [next, batch] = await node.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      found.push(...batch);
    } while (cursor !== '0');
  }
  return found;
}

/** Deletes keys one by one (a multi-key DEL must name keys of one slot on a cluster). */
export async function deleteKeys(redis: RedisClient, keys: readonly string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += 500) await Promise.all(keys.slice(i, i + 500).map((key) => redis.del(key)));
}

/** Deletes the keys under a prefix: on the tests' Redis, or on the one server at `url` (a private redis-server). */
export async function deleteUnder(prefix: string, url?: string): Promise<void> {
  const redis = url ? connectRedis(loadConfig({ REDIS_URL: url }, ['config/default.yaml']), 'commands') : testRedis();
  try {
    await deleteKeys(redis, await keysUnder(redis, prefix));
  } finally {
    redis.disconnect();
  }
}
