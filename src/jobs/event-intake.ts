import { readFileSync } from 'node:fs';
import type { RedisClient } from '../ops/redis-client.ts';
import type { Keys } from '../conversation/keys.ts';
import { queueUnusable, redisMisconfiguration } from '../ops/redis-fault.ts';
import type { EventJob } from './event-job.ts';
import type { Spool } from './spool.ts';

export type IntakeResult = 'accepted' | 'duplicate' | 'spooled';

const INTAKE = readFileSync(new URL('./lua/intake-2.lua', import.meta.url), 'utf8');

type Scripted = RedisClient & { intake(marker: string, inbox: string, markerTtl: number, json: string, inboxTtl: number): Promise<number> };

export interface EventIntakeOptions {
  /** The producer connection: fails fast (no offline queue, no per-command retries). */
  redis: RedisClient;
  keys: Keys;
  spool: Spool;
  dedupeTtlSec: number;
  /** TTL of the inbox stream, refreshed on every append (it is drained continuously by the pump). */
  inboxTtlSec: number;
  /** Past this the entry goes to the spool instead. */
  timeoutMs: number;
}

/**
 * Dedupe + enqueue for the callback route, in one Lua call per callback (SET NX marker + XADD to the inbox,
 * atomic, so no crash can separate them; both keys in one hash slot, keys.ts). Callbacks arriving together
 * share one round trip per Redis node: the producer connection auto-pipelines (a pipeline object would have to
 * name keys of one node only on a cluster).
 * The inbox pump turns inbox entries into BullMQ jobs whose id is the dedupe key, off the request path.
 * If Redis cannot take the entry in time it is fsync'd to the spool and still acknowledged; the replayer
 * runs the same script later, so a callback that also got through is not appended twice.
 */
export class EventIntake {
  private batch: Array<{ job: EventJob; resolve: (r: 'accepted' | 'duplicate') => void; reject: (e: Error) => void }> = [];
  private scheduled = false;
  private readonly redis: Scripted;

  constructor(private readonly options: EventIntakeOptions) {
    this.redis = options.redis as Scripted;
    if (!('intake' in this.redis)) options.redis.defineCommand('intake', { numberOfKeys: 2, lua: INTAKE });
  }

  async accept(job: EventJob): Promise<IntakeResult> {
    const { timeoutMs, spool } = this.options;
    if (this.redis.status !== 'ready') {
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
    } catch (error) {
      // Redis refused or dropped the connection: fall through to the spool. A refusal no retry can fix (a
      // setting is wrong, ops/redis-fault.ts) is not acknowledged at all: the spool could never replay it.
      const unusable = redisMisconfiguration(error, this.redis.isCluster);
      if (unusable) throw queueUnusable(unusable, error);
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

  private async run(jobs: EventJob[]): Promise<Array<[Error | null, unknown]>> {
    const { keys, dedupeTtlSec, inboxTtlSec } = this.options;
    return Promise.all(
      jobs.map((job) =>
        this.redis.intake(keys.dedupe(job.dedupeKey), keys.inboxOf(job.dedupeKey), dedupeTtlSec, JSON.stringify(job), inboxTtlSec).then(
          (reply): [null, unknown] => [null, reply],
          (error: unknown): [Error, null] => [error as Error, null],
        ),
      ),
    );
  }

  private async flush(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    this.scheduled = false;
    try {
      const replies = await this.run(batch.map((b) => b.job));
      batch.forEach((entry, i) => {
        const [error, reply] = replies[i] ?? [new Error('no reply'), null];
        if (error) entry.reject(error);
        else entry.resolve(reply === 1 ? 'accepted' : 'duplicate');
      });
    } catch (error) {
      for (const entry of batch) entry.reject(error as Error);
    }
  }

  /** Re-runs spooled entries through the same script: entries that got in meanwhile are not added twice. */
  async replay(entries: EventJob[]): Promise<void> {
    if (entries.length === 0) return;
    const replies = await this.run(entries);
    const failed = replies.find(([error]) => error);
    if (failed?.[0]) throw failed[0];
  }
}
