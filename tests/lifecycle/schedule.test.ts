import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { createKeys } from '../../src/conversation/keys.ts';
import { LIFECYCLE_QUEUE, scheduleDailyRun, type LifecycleJob } from '../../src/jobs/lifecycle-jobs.ts';
import { deleteUnder, testRedis } from '../support/test-service.ts';

const keys = createKeys(`test:${randomUUID()}:`);
const redis = testRedis('blocking');
const queue = new Queue<LifecycleJob>(LIFECYCLE_QUEUE, { connection: redis, prefix: keys.bull(LIFECYCLE_QUEUE) });

afterAll(async () => {
  await queue.close();
  redis.disconnect();
  await deleteUnder(keys.prefix);
});

describe('the daily schedule', () => {
  it('is one BullMQ job scheduler at the configured time in Asia/Shanghai, replaced when the time changes', async () => {
    await scheduleDailyRun(queue, '09:30', true);
    await scheduleDailyRun(queue, '09:30', true);
    expect(await queue.getJobSchedulersCount()).toBe(1);
    const scheduler = await queue.getJobScheduler('lifecycle-daily');
    expect(scheduler).toMatchObject({ pattern: '30 9 * * *', tz: 'Asia/Shanghai', template: { data: { kind: 'run' } } });
    // The next run is at 09:30 China time, i.e. 01:30 UTC.
    const next = new Date(scheduler?.next ?? 0);
    expect([next.getUTCHours(), next.getUTCMinutes()]).toEqual([1, 30]);
    expect((scheduler?.next ?? 0) - Date.now()).toBeLessThanOrEqual(86400_000);

    await scheduleDailyRun(queue, '20:05', true);
    expect(await queue.getJobScheduler('lifecycle-daily')).toMatchObject({ pattern: '5 20 * * *' });
    expect(await queue.getJobSchedulersCount()).toBe(1);
  });

  it('is removed when the reminders are switched off', async () => {
    await scheduleDailyRun(queue, '09:30', false);
    expect(await queue.getJobSchedulersCount()).toBe(0);
  });
});
