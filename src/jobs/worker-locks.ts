import type { WorkerOptions } from 'bullmq';

/**
 * How fast a crashed worker's jobs are taken over (config worker.lockDurationMs, stalledIntervalMs,
 * maxStalledCount). Every worker of the service gets the same: the stalled check that finds a dead lock
 * may run in any of them.
 */
export type WorkerLocks = Required<Pick<WorkerOptions, 'lockDuration' | 'stalledInterval' | 'maxStalledCount'>>;
