import { readFileSync } from 'node:fs';
import type { Cluster } from 'ioredis';
import type { RedisClient } from '../ops/redis-client.ts';
import { AppError } from '../errors.ts';
import type { Keys } from '../conversation/keys.ts';
import { queueUnusable, redisMisconfiguration } from '../ops/redis-fault.ts';
import type { EventJob } from './event-job.ts';
import type { Journal } from './journal.ts';
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
  /**
   * What makes the 200 durable besides Redis's reply (README "Durable acknowledgement"; chosen at start-up by
   * compose/durability.ts). `journal`: each callback is also fsync'd to the local journal, in parallel with the
   * Redis call. `waitAof`: each batch ends with `WAITAOF 1 0 <timeoutMs>` (Redis ≥ 7.2), and a batch whose
   * AOF fsync is not confirmed is spooled. Neither: Redis's reply is the acknowledgement (durable with
   * `appendfsync always`).
   */
  journal?: Journal;
  waitAof?: { timeoutMs: number };
}

/**
 * Dedupe + enqueue for the callback route, in one Lua call per callback (SET NX marker + XADD to the inbox,
 * atomic, so no crash can separate them; both keys in one hash slot, keys.ts). Callbacks arriving together
 * share one round trip per Redis node: the producer connection auto-pipelines (a pipeline object would have to
 * name keys of one node only on a cluster).
 * The inbox pump turns inbox entries into BullMQ jobs whose id is the dedupe key, off the request path.
 * If Redis cannot take the entry in time it is fsync'd to the spool and still acknowledged; the replayer
 * runs the same script later, so a callback that also got through is not appended twice.
 * With a journal, whatever goes to Redis through the script (a callback, a spooled or journaled entry
 * replayed) is journaled first or alongside, so Redis losing its unsynced tail never loses an acknowledged one.
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
    const { timeoutMs, spool, journal, waitAof } = this.options;
    if (this.redis.status !== 'ready') {
      await spool.append(job);
      return 'spooled';
    }
    // Started now, so its fsync overlaps the Redis round trip; awaited before any answer built on Redis.
    const journaled = journal?.append([job]);
    journaled?.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs + (waitAof?.timeoutMs ?? 0));
    });
    let result: 'accepted' | 'duplicate' | 'timeout' | 'failed';
    try {
      result = await Promise.race([this.enqueue(job), timeout]);
    } catch (error) {
      // Redis refused or dropped the connection, or did not confirm its fsync: fall through to the spool. A
      // refusal no retry can fix (a setting is wrong, ops/redis-fault.ts) is not acknowledged at all: the spool
      // could never replay it.
      const unusable = redisMisconfiguration(error, this.redis.isCluster);
      if (unusable) throw queueUnusable(unusable, error);
      result = 'failed';
    } finally {
      clearTimeout(timer);
    }
    if (result === 'accepted' || result === 'duplicate') {
      await journaled?.catch((error: unknown) => {
        // No 200 without the fsync: WeCom retries, and the retry is journaled again.
        throw new AppError('journal_unavailable', 'the acknowledgement journal could not be written', { status: 503, cause: error, hint: 'check the disk under SPOOL_DIR' });
      });
      return result;
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
    const { keys, dedupeTtlSec, inboxTtlSec, waitAof } = this.options;
    const intakes = Promise.all(
      jobs.map((job) =>
        this.redis.intake(keys.dedupe(job.dedupeKey), keys.inboxOf(job.dedupeKey), dedupeTtlSec, JSON.stringify(job), inboxTtlSec).then(
          (reply): [null, unknown] => [null, reply],
          (error: unknown): [Error, null] => [error as Error, null],
        ),
      ),
    );
    if (!waitAof) return intakes;
    const timeout = String(waitAof.timeoutMs);
    if (this.redis.isCluster) {
      // WAITAOF covers what its own connection wrote: once the scripts answered (redirections included), ask
      // every master's connection, so whichever nodes took this batch have fsync'd it.
      const replies = await intakes;
      const confirmed = await Promise.all((this.redis as Cluster).nodes('master').map((node) => node.call('WAITAOF', '1', '0', timeout)));
      if (!confirmed.every(aofConfirmed)) throw new Error('WAITAOF: the AOF fsync was not confirmed in time');
      return replies;
    }
    // Written after the scripts on the same connection (the same round trip with auto-pipelining): Redis answers
    // once everything this connection wrote before it is fsync'd.
    const [replies, confirmed] = await Promise.all([intakes, this.redis.call('WAITAOF', '1', '0', timeout)]);
    if (!aofConfirmed(confirmed)) throw new Error('WAITAOF: the AOF fsync was not confirmed in time');
    return replies;
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
    await this.options.journal?.append(entries);
    const replies = await this.run(entries);
    const failed = replies.find(([error]) => error);
    if (failed?.[0]) throw failed[0];
  }
}

/** WAITAOF answers [local fsyncs, replica fsyncs]; this process asked for the local one. */
export function aofConfirmed(reply: unknown): boolean {
  return Array.isArray(reply) && Number(reply[0]) >= 1;
}
