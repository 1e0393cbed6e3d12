import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeys } from '../../src/conversation/keys.ts';
import { aofConfirmed, EventIntake } from '../../src/jobs/event-intake.ts';
import type { EventJob } from '../../src/jobs/event-job.ts';
import { Spool } from '../../src/jobs/spool.ts';
import { startRedisChild, type RedisTarget } from '../../src/ops/ensure-redis.ts';
import { readPersistence } from '../../src/ops/redis-persistence.ts';

const dir = mkdtempSync(join(tmpdir(), 'ga-waitaof-'));
const keys = createKeys('test:waitaof:');
let server: RedisTarget;
let redis: Redis;

const job = (n: number): EventJob => ({
  dedupeKey: `msg-${n}`,
  receivedAt: Date.now(),
  event: { type: 'text', corpId: 'ww', createTime: n, msgId: String(n), fromUser: 'u', agentId: '1', content: `m${n}` },
});

beforeAll(async () => {
  server = await startRedisChild(join(dir, 'redis'));
  redis = new Redis(server.url, { enableOfflineQueue: false, maxRetriesPerRequest: 0 });
  await new Promise<void>((ok) => redis.once('ready', () => ok()));
});

afterAll(() => {
  redis.disconnect();
  server.child?.kill('SIGKILL');
});

describe('the intake with WAITAOF', () => {
  it('reads WAITAOF replies: confirmed only with the local fsync', () => {
    expect(aofConfirmed([1, 0])).toBe(true);
    expect(aofConfirmed([0, 0])).toBe(false);
    expect(aofConfirmed(null)).toBe(false);
  });

  it('answers from Redis once the AOF fsync is confirmed, and spools what Redis cannot confirm', async () => {
    const spool = new Spool(join(dir, 'spool'), 'a');
    const intake = new EventIntake({ redis, keys, spool, dedupeTtlSec: 60, inboxTtlSec: 60, timeoutMs: 300, waitAof: { timeoutMs: 2000 } });
    // Redis 7.2 and later confirm the fsync; an older one refuses WAITAOF, so the callback is fsync'd to the spool.
    const expected = (await readPersistence(redis)).waitAof ? 'accepted' : 'spooled';
    expect(await intake.accept(job(1))).toBe(expected);
    expect(await spool.size()).toBe(expected === 'spooled' ? 1 : 0);
  });
});
