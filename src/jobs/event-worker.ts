import { Worker, type ConnectionOptions } from 'bullmq';
import type { Logger } from '../ops/logger.ts';
import type { Metrics } from '../ops/metrics.ts';
import type { WorkerLocks } from './worker-locks.ts';
import { EVENT_QUEUE, type EventJob } from './event-job.ts';

export interface EventWorkerOptions {
  connection: ConnectionOptions;
  prefix: string;
  concurrency: number;
  handle: (job: EventJob) => Promise<string>;
  log: Logger;
  metrics: Metrics;
  locks: WorkerLocks;
}

/** Consumes the event queue at least once; failures retry with backoff (job options set by the producer). */
export function startEventWorker(options: EventWorkerOptions): Worker<EventJob, string> {
  const { log, metrics } = options;
  const worker = new Worker<EventJob, string>(EVENT_QUEUE, async (job) => options.handle(job.data), {
    connection: options.connection,
    prefix: options.prefix,
    concurrency: options.concurrency,
    ...options.locks,
    autorun: true,
  });
  worker.on('completed', (job, outcome) => {
    metrics.jobs.inc({ type: job.data.event.type, outcome });
    log.debug({ jobId: job.id, type: job.data.event.type, outcome }, 'event processed');
  });
  worker.on('failed', (job, error) => {
    metrics.jobs.inc({ type: job?.data.event.type ?? 'unknown', outcome: 'failed' });
    log.warn({ jobId: job?.id, type: job?.data.event.type, attempt: job?.attemptsMade, err: error }, 'event processing failed');
  });
  worker.on('error', (error) => log.error({ err: error }, 'event worker error'));
  return worker;
}
