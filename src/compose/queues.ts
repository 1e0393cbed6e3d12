import { Queue, type DefaultJobOptions, type QueueOptions } from 'bullmq';
import type { RedisClient } from '../ops/redis-client.ts';
import type { Config } from '../config.ts';
import type { Keys } from '../conversation/keys.ts';
import { EVENT_QUEUE, type EventJob } from '../jobs/event-job.ts';
import { REVIEW_QUEUE, type ReviewJob } from '../jobs/review-jobs.ts';
import { SUGGEST_QUEUE, type SuggestJob } from '../jobs/suggest-job.ts';
import type { WorkerLocks } from '../jobs/worker-locks.ts';
import type { Logger } from '../ops/logger.ts';

type Retry = Pick<DefaultJobOptions, 'attempts' | 'backoff'>;

/**
 * Options of every queue: finished and failed jobs are removed by age and by count (BullMQ keeps them
 * forever otherwise, and its events stream holds 10,000 entries a queue), so the queues' share of Redis
 * stays fixed however many conversations pass through. Every `new Queue` writes its events bound into the
 * queue's meta hash, so every one must be built with these options.
 *
 * Completed event jobs also serve BullMQ's jobId dedupe when a crashed pump re-reads its inbox entries
 * (worker.claimIdleMs later); past the count a re-read job runs again, which the handlers tolerate: the
 * conversation append is idempotent by id and replies are guarded by done markers.
 *
 * `queue` names the queue these options are for: its prefix carries its hash tag (keys.ts), and its workers
 * must use the same prefix.
 */
export function queueOptions(config: Config, redis: RedisClient, keys: Keys, queue: string, retry: Retry): QueueOptions {
  const q = config.queues;
  return {
    connection: redis,
    prefix: keys.bull(queue),
    streams: { events: { maxLen: q.eventsMaxLen } },
    defaultJobOptions: {
      ...retry,
      removeOnComplete: { age: q.completedAgeSec, count: q.completedCount },
      removeOnFail: { age: q.failedAgeSec, count: q.failedCount },
    },
  };
}

export interface Queues {
  eventQueue: Queue<EventJob>;
  suggestQueue: Queue<SuggestJob>;
  reviewQueue: Queue<ReviewJob>;
}

export function createQueues(config: Config, redis: RedisClient, keys: Keys, log: Logger): Queues {
  const queues: Queues = {
    eventQueue: new Queue<EventJob>(EVENT_QUEUE, queueOptions(config, redis, keys, EVENT_QUEUE, { attempts: config.worker.attempts, backoff: { type: 'exponential', delay: 1000 } })),
    suggestQueue: new Queue<SuggestJob>(SUGGEST_QUEUE, queueOptions(config, redis, keys, SUGGEST_QUEUE, { attempts: 3, backoff: { type: 'exponential', delay: 500 } })),
    reviewQueue: new Queue<ReviewJob>(REVIEW_QUEUE, queueOptions(config, redis, keys, REVIEW_QUEUE, { attempts: 6, backoff: { type: 'exponential', delay: 5000 } })),
  };
  for (const q of [queues.eventQueue, queues.suggestQueue, queues.reviewQueue]) q.on('error', (err: Error) => log.debug({ err }, 'queue error'));
  return queues;
}

/** Lock and stalled-check settings of every worker (config/default.yaml explains the bound they give). */
export function workerLocks(config: Config): WorkerLocks {
  const w = config.worker;
  return { lockDuration: w.lockDurationMs, stalledInterval: w.stalledIntervalMs, maxStalledCount: w.maxStalledCount };
}
