import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { inboxLength } from '../../src/jobs/inbox-pump.ts';
import { Journal } from '../../src/jobs/journal.ts';
import { startService } from '../../src/main.ts';
import { chooseDurability } from '../../src/ops/choose-durability.ts';
import { startRedisChild } from '../../src/ops/ensure-redis.ts';
import { createLogger } from '../../src/ops/logger.ts';
import { readPersistence, type RedisPersistence } from '../../src/ops/redis-persistence.ts';
import { eventually } from '../support/eventually.ts';
import { deleteUnder, silentLog, testConfig } from '../support/test-service.ts';

const servers: ChildProcess[] = [];

/** A private redis-server on a free port with the given settings. */
async function redisWith(...settings: string[]): Promise<string> {
  const started = await startRedisChild(mkdtempSync(join(tmpdir(), 'ga-persist-')), undefined, settings);
  if (started.child) servers.push(started.child);
  return started.url;
}

async function persistenceOf(url: string): Promise<RedisPersistence> {
  const redis = new Redis(url);
  try {
    return await readPersistence(redis);
  } finally {
    redis.disconnect();
  }
}

function captureLog(): { log: ReturnType<typeof createLogger>; lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { log: createLogger('info', sink), lines: () => chunks.join('').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

/** Starts and stops the web side against a Redis with these settings; what it logged at warn and chose. */
async function startAgainst(...settings: string[]): Promise<{ warnings: Array<Record<string, unknown>>; durability: unknown }> {
  const url = await redisWith(...settings);
  const { log, lines } = captureLog();
  const config = testConfig({ REDIS_URL: url, WORKER_ENABLED: 'false' });
  const service = await startService(config, { worker: false, pump: false, warmUp: false, log });
  await service.close();
  await deleteUnder(config.redis.prefix, url);
  return { warnings: lines().filter((l) => l.level === 'warn'), durability: service.durability };
}

afterAll(() => {
  for (const child of servers) child.kill('SIGKILL');
});

const server = (over: Partial<RedisPersistence>): RedisPersistence => ({ version: '7.0.15', runId: 'r', aof: true, appendfsync: 'everysec', waitAof: false, ...over });

describe('choosing what makes a 200 durable', () => {
  it('auto: relies on Redis when it fsyncs every write, keeps the journal otherwise', () => {
    expect(chooseDurability('auto', server({ appendfsync: 'always' }))).toEqual({ mode: 'always', durable: true });
    expect(chooseDurability('auto', server({ appendfsync: 'everysec' }))).toEqual({ mode: 'journal', durable: true });
    expect(chooseDurability('auto', server({ appendfsync: undefined, waitAof: true }))).toEqual({ mode: 'journal', durable: true });
  });

  it('warns, naming the setting, when no mode can make the answer durable', () => {
    const noAof = chooseDurability('auto', server({ aof: false }));
    expect(noAof).toMatchObject({ mode: 'journal', durable: false });
    expect(noAof.warning).toMatch(/appendonly yes/);
    const lazyKernel = chooseDurability('journal', server({ appendfsync: 'no' }));
    expect(lazyKernel).toMatchObject({ mode: 'journal', durable: false });
    expect(lazyKernel.warning).toMatch(/appendfsync everysec/);
  });

  it('holds an explicit mode to what the server can do', () => {
    expect(chooseDurability('always', server({ appendfsync: 'everysec' })).warning).toMatch(/appendfsync always/);
    expect(chooseDurability('always', server({ appendfsync: undefined })).warning).toMatch(/cannot be read/);
    expect(chooseDurability('waitaof', server({ waitAof: true }))).toEqual({ mode: 'waitaof', durable: true });
    const old = chooseDurability('waitaof', server({ waitAof: false }));
    expect(old).toMatchObject({ mode: 'off', durable: false });
    expect(old.warning).toMatch(/Redis 7\.2/);
    expect(chooseDurability('off', server({ appendfsync: 'everysec' })).warning).toMatch(/durability\.mode auto/);
    expect(chooseDurability('off', server({ appendfsync: 'always' }))).toEqual({ mode: 'off', durable: true });
  });
});

describe('reading the server', () => {
  it('reads appendonly and appendfsync, and tolerates a disabled CONFIG', async () => {
    const always = await persistenceOf(await redisWith('--appendonly', 'yes', '--appendfsync', 'always'));
    expect(always).toMatchObject({ aof: true, appendfsync: 'always' });
    expect(always.runId).toMatch(/^[0-9a-f]{40}$/);
    const managed = await persistenceOf(await redisWith('--appendonly', 'yes', '--rename-command', 'CONFIG', '""'));
    expect(managed).toMatchObject({ aof: true, appendfsync: undefined });
    expect(chooseDurability('auto', managed)).toEqual({ mode: 'journal', durable: true });
    expect(await persistenceOf(await redisWith('--appendonly', 'no'))).toMatchObject({ aof: false });
  });

  it('logs one warning naming the setting at start-up when the answer cannot be durable', async () => {
    const { warnings, durability } = await startAgainst('--appendonly', 'no');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ mode: 'journal', appendonly: 'no' });
    expect(String(warnings[0]!.msg)).toMatch(/set appendonly yes/);
    expect(durability).toMatchObject({ durable: false });
  });

  it('replays a journal an earlier run left, whatever the mode is now', async () => {
    const url = await redisWith('--appendfsync', 'always');
    const spoolDir = mkdtempSync(join(tmpdir(), 'ga-spool-'));
    const event = { type: 'text' as const, corpId: 'ww', createTime: 1, msgId: '4242', fromUser: 'guide.lin', agentId: '1', content: '在吗' };
    await new Journal({ dir: spoolDir, instanceId: 'earlier', windowMs: 10_000, now: Date.now }).append([{ dedupeKey: 'msg-4242', receivedAt: Date.now(), event }]);
    const config = testConfig({ REDIS_URL: url, WORKER_ENABLED: 'false', SPOOL_DIR: spoolDir });
    const service = await startService(config, { worker: false, pump: false, warmUp: false, log: silentLog });
    try {
      expect(service.durability).toEqual({ mode: 'always', durable: true });
      expect(await eventually(() => inboxLength(service.redis, service.keys), (n) => n === 1)).toBe(1);
      expect(await eventually(async () => readdirSync(spoolDir).filter((f) => f.endsWith('.journal')), (f) => f.length === 0)).toEqual([]);
    } finally {
      await service.close();
    }
  });

  it('logs no warning against the Redis of docker-compose.yml, and leaves durability to it', async () => {
    const compose = parseYaml(readFileSync('docker-compose.yml', 'utf8')) as { services: { redis: { command: string[] } } };
    const [binary, ...settings] = compose.services.redis.command;
    expect(binary).toBe('redis-server');
    const { warnings, durability } = await startAgainst(...settings);
    expect(warnings).toEqual([]);
    expect(durability).toEqual({ mode: 'always', durable: true });
  });
});
