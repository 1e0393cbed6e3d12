import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { createKeys, INBOX_SHARDS, inboxShardOf } from '../../src/conversation/keys.ts';
import { EVENT_QUEUE, type EventJob } from '../../src/jobs/event-job.ts';
import { inboxLength, startInboxPump } from '../../src/jobs/inbox-pump.ts';
import { eventually } from '../support/eventually.ts';
import { deleteUnder, silentLog, testRedis } from '../support/test-service.ts';

const prefix = `test:${randomUUID().slice(0, 8)}:`;
const keys = createKeys(prefix);
const redis = testRedis();
const queue = new Queue<EventJob>(EVENT_QUEUE, { connection: testRedis('blocking'), prefix: keys.bull(EVENT_QUEUE) });

afterAll(async () => {
  await queue.close();
  await deleteUnder(prefix);
  redis.disconnect();
});

const job = (n: number): EventJob => ({
  dedupeKey: `msg-${n}`,
  receivedAt: n,
  event: { type: 'text', corpId: 'ww', createTime: n, msgId: String(n), fromUser: 'u', agentId: '1', content: 'x' },
});

describe('inbox pump', () => {
  it('moves inbox entries into the queue once, including what a crashed pump left unacknowledged', async () => {
    const inbox = keys.inboxOf('msg-1');
    await redis.xgroup('CREATE', inbox, 'pump', '0', 'MKSTREAM');
    for (const n of [1, 2, 3]) await redis.xadd(inbox, '*', 'job', JSON.stringify(job(n)));
    // A pump that read two entries and died before acknowledging them.
    await redis.xreadgroup('GROUP', 'pump', 'dead', 'COUNT', 2, 'STREAMS', inbox, '>');
    // The same event appended twice (a replay racing a retry) still gives one job.
    await redis.xadd(inbox, '*', 'job', JSON.stringify(job(3)));

    const pump = startInboxPump({ connect: () => testRedis('blocking'), queue, keys, log: silentLog, consumer: 'alive', blockMs: 50, claimIdleMs: 1 });
    try {
      const waiting = await eventually(() => queue.getJobs(['waiting']), (jobs) => jobs.length === 3);
      expect(waiting.map((j) => j.id).sort()).toEqual(['msg-1', 'msg-2', 'msg-3']);
      expect(await eventually(() => redis.xlen(inbox), (n) => n === 0)).toBe(0);
      const pending = (await redis.xpending(inbox, 'pump')) as [number, ...unknown[]];
      expect(pending[0]).toBe(0);
    } finally {
      await pump.stop();
      await queue.obliterate({ force: true });
    }
  });

  it('drains every inbox stream, and callbacks spread over all of them', async () => {
    const jobs = Array.from({ length: 200 }, (_, i) => job(1000 + i));
    const shards = new Set(jobs.map((j) => inboxShardOf(j.dedupeKey)));
    expect(shards.size).toBe(INBOX_SHARDS);
    for (const j of jobs) await redis.xadd(keys.inboxOf(j.dedupeKey), '*', 'job', JSON.stringify(j));
    expect(await inboxLength(redis, keys)).toBe(200);
    const pump = startInboxPump({ connect: () => testRedis('blocking'), queue, keys, log: silentLog, consumer: 'alive', blockMs: 50 });
    try {
      await eventually(() => queue.getJobCounts('waiting'), (c) => c.waiting === 200);
      expect(await eventually(() => inboxLength(redis, keys), (n) => n === 0)).toBe(0);
    } finally {
      await pump.stop();
    }
  });
});
