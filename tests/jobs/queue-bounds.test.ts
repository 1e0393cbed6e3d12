import { Queue, Worker } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { createQueues, queueOptions } from '../../src/compose/queues.ts';
import { createKeys } from '../../src/conversation/keys.ts';
import { eventually } from '../support/eventually.ts';
import { deleteUnder, keysUnder, silentLog, testConfig, testRedis } from '../support/test-service.ts';

const base = testConfig();
const config = { ...base, queues: { ...base.queues, completedCount: 5, failedCount: 3, eventsMaxLen: 10 } };
const keys = createKeys(config.redis.prefix);
const redis = testRedis('blocking');

afterAll(async () => {
  await deleteUnder(config.redis.prefix);
  redis.disconnect();
});

describe('queue bounds', () => {
  it('keeps only the newest finished and failed jobs and a short events stream, however many ran', async () => {
    const queue = new Queue<{ n: number }>('bounded', queueOptions(config, redis, keys, 'bounded', { attempts: 1 }));
    const worker = new Worker<{ n: number }>(
      'bounded',
      async (job) => {
        if (job.data.n % 4 === 0) throw new Error('refused');
        return 'ok';
      },
      { connection: redis, prefix: keys.bull('bounded'), concurrency: 8 },
    );
    try {
      await queue.addBulk(Array.from({ length: 200 }, (_, n) => ({ name: 'job', data: { n } })));
      await eventually(() => queue.getJobCounts('waiting', 'active'), (c) => Object.values(c).every((n) => n === 0), 400);
      const counts = await queue.getJobCounts('completed', 'failed');
      expect(counts).toEqual({ completed: 5, failed: 3 });
      // Stream trimming is approximate (whole nodes of 100 entries); unbounded, 200 jobs leave 800+ entries.
      expect(await redis.xlen(`${keys.bull('bounded')}:bounded:events`)).toBeLessThanOrEqual(200);
      const jobHashes = (await keysUnder(redis, `${keys.bull('bounded')}:bounded:`)).filter((k) => /:bounded:\d+$/.test(k));
      expect(jobHashes).toHaveLength(8);
    } finally {
      await worker.close();
      await queue.close();
    }
  });

  it('gives every service queue an age and a count bound for finished and failed jobs', async () => {
    const queues = createQueues(base, redis, keys, silentLog);
    try {
      for (const queue of Object.values(queues)) {
        expect(queue.defaultJobOptions.removeOnComplete, queue.name).toEqual({ age: base.queues.completedAgeSec, count: base.queues.completedCount });
        expect(queue.defaultJobOptions.removeOnFail, queue.name).toEqual({ age: base.queues.failedAgeSec, count: base.queues.failedCount });
        await queue.waitUntilReady();
        await eventually(() => redis.hget(`${keys.bull(queue.name)}:${queue.name}:meta`, 'opts.maxLenEvents'), (v) => v === String(base.queues.eventsMaxLen));
      }
    } finally {
      await Promise.all(Object.values(queues).map((q) => q.close()));
    }
  });
});
