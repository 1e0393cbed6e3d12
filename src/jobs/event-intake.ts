import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Keys } from '../conversation/keys.ts';
import { jobIdOf, type EventJob } from './event-job.ts';
import type { Spool } from './spool.ts';

export type IntakeResult = 'accepted' | 'duplicate' | 'spooled';

export interface EventIntakeOptions {
  /** The producer connection: fails fast (no offline queue, no per-command retries). */
  redis: Redis;
  queue: Queue<EventJob>;
  keys: Keys;
  spool: Spool;
  dedupeTtlSec: number;
  /** Past this the entry goes to the spool instead. */
  timeoutMs: number;
}

/**
 * Dedupe + enqueue for the callback route. Callbacks arriving together are folded into one pipelined
 * round trip: one addBulk (BullMQ dedupes on jobId while the job record exists) and one SET NX per key
 * (tells accepted from duplicate for WeCom's retries after the job record is gone). The job goes first, so a
 * crash between the two can only miscount a retry, never lose it. If Redis cannot take the batch in time,
 * the entries are fsync'd to the spool and still acknowledged; the replayer re-adds them with the same job id.
 */
export class EventIntake {
  private batch: Array<{ job: EventJob; resolve: (r: 'accepted' | 'duplicate') => void; reject: (e: Error) => void }> = [];
  private scheduled = false;

  constructor(private readonly options: EventIntakeOptions) {}

  async accept(job: EventJob): Promise<IntakeResult> {
    const { redis, timeoutMs, spool } = this.options;
    if (redis.status !== 'ready') {
      await spool.append(job);
      return 'spooled';
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    try {
      const result = await Promise.race([this.enqueue(job), timeout]);
      if (result !== 'timeout') return result;
    } catch {
      // Redis refused or dropped the connection: fall through to the spool.
    } finally {
      clearTimeout(timer);
    }
    await spool.append(job);
    return 'spooled';
  }

  private enqueue(job: EventJob): Promise<'accepted' | 'duplicate'> {
    return new Promise((resolve, reject) => {
      this.batch.push({ job, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    this.scheduled = false;
    const { redis, queue, keys, dedupeTtlSec } = this.options;
    try {
      const pipeline = redis.pipeline();
      for (const { job } of batch) pipeline.set(keys.dedupe(job.dedupeKey), '1', 'EX', dedupeTtlSec, 'NX');
      const [, marks] = await Promise.all([
        queue.addBulk(batch.map(({ job }) => ({ name: job.event.type, data: job, opts: { jobId: jobIdOf(job.dedupeKey) } }))),
        pipeline.exec(),
      ]);
      batch.forEach((entry, i) => {
        const [error, reply] = marks?.[i] ?? [new Error('no reply'), null];
        if (error) entry.reject(error);
        else entry.resolve(reply === 'OK' ? 'accepted' : 'duplicate');
      });
    } catch (error) {
      for (const entry of batch) entry.reject(error as Error);
    }
  }

  /** Re-adds spooled entries (replayer): same job ids, markers set, so dedupe holds across the outage. */
  async replay(entries: EventJob[]): Promise<void> {
    if (entries.length === 0) return;
    const { redis, queue, keys, dedupeTtlSec } = this.options;
    await queue.addBulk(entries.map((job) => ({ name: job.event.type, data: job, opts: { jobId: jobIdOf(job.dedupeKey) } })));
    const pipeline = redis.pipeline();
    for (const job of entries) pipeline.set(keys.dedupe(job.dedupeKey), '1', 'EX', dedupeTtlSec);
    await pipeline.exec();
  }
}
