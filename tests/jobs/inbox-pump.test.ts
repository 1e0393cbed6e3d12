import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createKeys } from '../../src/conversation/keys.ts';
import { EVENT_QUEUE, type EventJob } from '../../src/jobs/event-job.ts';
import { startInboxPump } from '../../src/jobs/inbox-pump.ts';
import { eventually } from '../support/eventually.ts';
import { deleteUnder, REDIS_URL, silentLog } from '../support/test-service.ts';

const prefix = `test:${randomUUID().slice(0, 8)}:`;
const keys = createKeys(prefix);
const redis = new Redis(REDIS_URL);
const queue = new Queue<EventJob>(EVENT_QUEUE, { connection: new Redis(REDIS_URL, { maxRetriesPerRequest: null }), prefix: keys.bull() });

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
    await redis.xgroup('CREATE', keys.inbox(), 'pump', '0', 'MKSTREAM');
    for (const n of [1, 2, 3]) await redis.xadd(keys.inbox(), '*', 'job', JSON.stringify(job(n)));
    // A pump that read two entries and died before acknowledging them.
    await redis.xreadgroup('GROUP', 'pump', 'dead', 'COUNT', 2, 'STREAMS', keys.inbox(), '>');
    // The same event appended twice (a replay racing a retry) still gives one job.
    await redis.xadd(keys.inbox(), '*', 'job', JSON.stringify(job(3)));

    const pumpRedis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    const pump = startInboxPump({ redis: pumpRedis, queue, keys, log: silentLog, consumer: 'alive', blockMs: 50, claimIdleMs: 1 });
    try {
      const waiting = await eventually(() => queue.getJobs(['waiting']), (jobs) => jobs.length === 3);
      expect(waiting.map((j) => j.id).sort()).toEqual(['msg-1', 'msg-2', 'msg-3']);
      expect(await eventually(() => redis.xlen(keys.inbox()), (n) => n === 0)).toBe(0);
      const pending = (await redis.xpending(keys.inbox(), 'pump')) as [number, ...unknown[]];
      expect(pending[0]).toBe(0);
    } finally {
      await pump.stop();
      pumpRedis.disconnect();
    }
  });
});
