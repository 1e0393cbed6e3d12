import { Worker, type ConnectionOptions } from 'bullmq';
import type { Logger } from '../ops/logger.ts';
import type { Metrics } from '../ops/metrics.ts';
import type { WorkerLocks } from './worker-locks.ts';
import { runSuggestion, type SuggestionDeps } from './run-suggestion.ts';
import { SUGGEST_QUEUE, type SuggestJob } from './suggest-job.ts';

/** Runs suggestion jobs; a failed engine call is retried by the queue, the offline engine is the LLM's fallback. */
export function startSuggestWorker(options: {
  connection: ConnectionOptions;
  prefix: string;
  concurrency: number;
  deps: SuggestionDeps;
  log: Logger;
  metrics: Metrics;
  locks: WorkerLocks;
}): Worker<SuggestJob, string> {
  const { log, metrics } = options;
  const worker = new Worker<SuggestJob, string>(SUGGEST_QUEUE, async (job) => runSuggestion(options.deps, job.data), {
    connection: options.connection,
    prefix: options.prefix,
    concurrency: options.concurrency,
    ...options.locks,
  });
  worker.on('completed', (_job, outcome) => metrics.jobs.inc({ type: 'suggest', outcome }));
  worker.on('failed', (job, error) => {
    metrics.jobs.inc({ type: 'suggest', outcome: 'failed' });
    log.warn({ guideId: job?.data.guideId, customerId: job?.data.customerId, err: error }, 'suggestion failed');
  });
  worker.on('error', (error) => log.error({ err: error }, 'suggest worker error'));
  return worker;
}
