import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeys, INBOX_SHARDS } from '../../src/conversation/keys.ts';
import { EventIntake } from '../../src/jobs/event-intake.ts';
import { inboxLength } from '../../src/jobs/inbox-pump.ts';
import type { EventJob } from '../../src/jobs/event-job.ts';
import { Journal } from '../../src/jobs/journal.ts';
import { startJournalReplayer } from '../../src/jobs/journal-replayer.ts';
import { Spool } from '../../src/jobs/spool.ts';
import { startRedisChild } from '../../src/ops/ensure-redis.ts';
import { stopChild } from '../faults/support/service-process.ts';
import { readRunId } from '../../src/ops/redis-persistence.ts';
import { eventually } from '../support/eventually.ts';
import { deleteUnder, REDIS_URL, silentLog } from '../support/test-service.ts';

const prefix = `test:journal:${randomUUID().slice(0, 8)}:`;
const keys = createKeys(prefix);
let redis: Redis;

const job = (n: number, receivedAt = 1_000): EventJob => ({
  dedupeKey: `msg-${n}`,
  receivedAt,
  event: { type: 'text', corpId: 'ww', createTime: n, msgId: String(n), fromUser: 'u', agentId: '1', content: `m${n}` },
});
const keysOf = (entries: EventJob[]): string[] => entries.map((e) => e.dedupeKey);

function clock(start = 1_000): { now: () => number; advance(ms: number): void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

function intakeWith(journal: Journal, dir: string): EventIntake {
  return new EventIntake({ redis, keys, spool: new Spool(dir, 'spool'), dedupeTtlSec: 60, inboxTtlSec: 60, timeoutMs: 2000, journal });
}

async function inboxKeys(): Promise<string[]> {
  const shards = await Promise.all(Array.from({ length: INBOX_SHARDS }, (_, n) => redis.xrange(keys.inbox(n), '-', '+')));
  // Callbacks spread over the inbox shards (keys.ts): compared as a sorted list.
  return shards
    .flat()
    .map(([, fields]) => (JSON.parse(fields[1]!) as EventJob).dedupeKey)
    .sort();
}

async function clearInbox(): Promise<void> {
  for (let n = 0; n < INBOX_SHARDS; n++) await redis.del(keys.inbox(n));
}

beforeAll(() => {
  redis = new Redis(REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 0 });
  return new Promise<void>((ok) => redis.once('ready', () => ok()));
});

afterAll(async () => {
  await deleteUnder(prefix);
  redis.disconnect();
});

describe('Journal', () => {
  it('puts appends that arrive together on disk in shared synced writes, in order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'journal-'));
    const journal = new Journal({ dir, instanceId: 'a', windowMs: 10_000, now: () => 1_000 });
    await Promise.all(Array.from({ length: 50 }, (_, i) => journal.append([job(i)])));
    expect(journal.syncs).toBeLessThan(50);
    const seen: EventJob[] = [];
    expect(await journal.replay(async (entries) => void seen.push(...entries), 60_000)).toBe(50);
    expect(keysOf(seen)).toEqual(Array.from({ length: 50 }, (_, i) => `msg-${i}`));
  });

  it('keeps every entry for the window, then drops it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'journal-'));
    const time = clock();
    const journal = new Journal({ dir, instanceId: 'a', windowMs: 10_000, now: time.now });
    await journal.append([job(1)]);
    time.advance(5_000);
    expect(await journal.trim()).toBe(0); // sealed now, deleted 10 s from now
    await journal.append([job(2)]);
    time.advance(9_999);
    expect(await journal.trim()).toBe(0);
    time.advance(1);
    expect(await journal.trim()).toBe(1); // msg-1's segment, sealed 10 s ago
    const seen: EventJob[] = [];
    await journal.replay(async (entries) => void seen.push(...entries), 60_000);
    expect(keysOf(seen)).toEqual(['msg-2']);
  });

  it('replays what an earlier run left, skipping a torn last line and entries past the dedupe window', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'journal-'));
    const earlier = new Journal({ dir, instanceId: 'run1', windowMs: 10_000, now: () => 1_000 });
    await earlier.append([job(1, 90_000), job(2, 1_000)]);
    appendFileSync(join(dir, 'run1.journal'), '{"dedupeKey":"msg-3","ev'); // died mid-write: never acknowledged
    const later = new Journal({ dir, instanceId: 'run2', windowMs: 10_000, now: () => 100_000 });
    const seen: EventJob[] = [];
    expect(await later.replay(async (entries) => void seen.push(...entries), 50_000)).toBe(1);
    expect(keysOf(seen)).toEqual(['msg-1']);
    expect(readdirSync(dir).filter((f) => f.startsWith('run1'))).toEqual([]);
  });

  it('keeps a segment whose replay failed for the next replay', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'journal-'));
    const journal = new Journal({ dir, instanceId: 'a', windowMs: 10_000, now: () => 1_000 });
    await journal.append([job(1)]);
    await expect(journal.replay(() => Promise.reject(new Error('redis gone')), 60_000)).rejects.toThrow('redis gone');
    const seen: EventJob[] = [];
    await journal.replay(async (entries) => void seen.push(...entries), 60_000);
    expect(keysOf(seen)).toEqual(['msg-1']);
  });
});

describe('the intake with a journal', () => {
  it('journals each callback it acknowledges and adds back exactly the ones Redis lost', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'journal-'));
    const journal = new Journal({ dir, instanceId: 'a', windowMs: 10_000, now: Date.now });
    const intake = intakeWith(journal, dir);
    const jobs = [11, 12, 13, 14].map((n) => job(n, Date.now()));
    expect(await Promise.all(jobs.map((j) => intake.accept(j)))).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
    expect(await inboxKeys()).toEqual(['msg-11', 'msg-12', 'msg-13', 'msg-14']);

    // Redis comes back without its last writes: msg-13 and msg-14 are gone with their dedupe markers.
    await clearInbox();
    await redis.del(keys.dedupe('msg-13'), keys.dedupe('msg-14'));
    await redis.xadd(keys.inboxOf(jobs[0]!.dedupeKey), '*', 'job', JSON.stringify(jobs[0])); // …while msg-11 is still waiting in the inbox
    await journal.replay((entries) => intake.replay(entries), 60_000);
    expect(await inboxKeys()).toEqual(['msg-11', 'msg-13', 'msg-14']);
    expect(await redis.exists(keys.dedupe('msg-13'), keys.dedupe('msg-14'))).toBe(2);

    // What was replayed is journaled again: a second loss right after the replay is covered too.
    await clearInbox();
    await redis.del(keys.dedupe('msg-13'));
    await journal.replay((entries) => intake.replay(entries), 60_000);
    expect(await inboxKeys()).toEqual(['msg-13']);
    await clearInbox();
  });

  it('answers no 200 when the journal cannot be written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'journal-'));
    writeFileSync(join(dir, 'not-a-dir'), '');
    const journal = new Journal({ dir: join(dir, 'not-a-dir'), instanceId: 'a', windowMs: 10_000, now: Date.now });
    const intake = intakeWith(journal, dir);
    await expect(intake.accept(job(21, Date.now()))).rejects.toMatchObject({ code: 'journal_unavailable', status: 503 });
    await clearInbox();
  });
});

describe('the journal replayer', () => {
  it('replays the journal when the producer reconnects to a restarted Redis, and not after a mere reconnection', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'journal-'));
    // A Redis that keeps nothing across a restart: the worst case of a lost AOF tail.
    let server = await startRedisChild(join(dir, 'redis'), undefined, ['--appendonly', 'no']);
    const port = Number(new URL(server.url).port);
    const producer = new Redis(server.url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => 50 });
    producer.on('error', () => undefined);
    await new Promise<void>((ok) => producer.once('ready', () => ok()));
    const admin = new Redis(server.url, { retryStrategy: () => 50 });
    admin.on('error', () => undefined);
    const journal = new Journal({ dir, instanceId: 'a', windowMs: 10_000, now: Date.now });
    const intake = new EventIntake({ redis: producer, keys, spool: new Spool(dir, 'spool'), dedupeTtlSec: 60, inboxTtlSec: 60, timeoutMs: 2000, journal });
    const replayer = startJournalReplayer({ journal, intake, redis: producer, runId: await readRunId(producer), log: silentLog, windowMs: 10_000, maxAgeMs: 60_000 });
    try {
      await Promise.all([31, 32, 33].map((n) => intake.accept(job(n, Date.now()))));
      const inbox = (): Promise<number> => inboxLength(admin, keys);
      expect(await inbox()).toBe(3);
      await replayer.replayNow(); // the start-up replay (of what an earlier run left) is over

      // msg-31 taken out with its marker, so a replay would add it back; then a reconnection to the same server.
      const shard = keys.inboxOf('msg-31');
      const [taken] = (await admin.xrange(shard, '-', '+')).filter(([, fields]) => (JSON.parse(fields[1]!) as EventJob).dedupeKey === 'msg-31');
      await admin.xdel(shard, taken![0]);
      await admin.del(keys.dedupe('msg-31'));
      const reconnected = new Promise((ok) => producer.once('ready', ok));
      producer.disconnect(true);
      await reconnected;
      await new Promise((r) => setTimeout(r, 200));
      expect(await inbox()).toBe(2);

      // Gone before the new one binds the same port (a kill only sends the signal).
      if (server.child) await stopChild(server.child, 'SIGKILL');
      server = await startRedisChild(join(dir, 'redis'), port, ['--appendonly', 'no']);
      expect(await eventually(() => inbox(), (n) => n === 3)).toBe(3);
      expect(await admin.exists(...[31, 32, 33].map((n) => keys.dedupe(`msg-${n}`)))).toBe(3);
    } finally {
      await replayer.stop();
      producer.disconnect();
      admin.disconnect();
      server.child?.kill('SIGKILL');
    }
  });
});
