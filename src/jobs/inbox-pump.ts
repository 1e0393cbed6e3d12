import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Keys } from '../conversation/keys.ts';
import type { Logger } from '../ops/logger.ts';
import { jobIdOf, type EventJob } from './event-job.ts';

const GROUP = 'pump';

export interface InboxPumpOptions {
  /** A connection of its own: the pump blocks on XREADGROUP. */
  redis: Redis;
  queue: Queue<EventJob>;
  keys: Keys;
  log: Logger;
  consumer: string;
  batchSize?: number;
  blockMs?: number;
  /** An entry a crashed pump read but never acknowledged is taken over after this long (config worker.claimIdleMs). */
  claimIdleMs?: number;
}

type StreamEntry = [id: string, fields: string[]];

function jobsOf(entries: StreamEntry[]): EventJob[] {
  return entries.flatMap(([, fields]) => {
    const json = fields[fields.indexOf('job') + 1];
    return json ? [JSON.parse(json) as EventJob] : [];
  });
}

/**
 * Moves accepted callbacks from the inbox stream into the BullMQ queue (job id = dedupe key), off the request
 * path. At least once: entries are acknowledged and deleted only after addBulk; an entry re-read after a crash
 * is added again with the same job id, which BullMQ ignores while the job record exists.
 */
export function startInboxPump(options: InboxPumpOptions): { stop(): Promise<void> } {
  const { redis, queue, keys, log, consumer } = options;
  const batchSize = options.batchSize ?? 200;
  const inbox = keys.inbox();
  const state = { stopping: false };

  async function ensureGroup(): Promise<void> {
    try {
      await redis.xgroup('CREATE', inbox, GROUP, '0', 'MKSTREAM');
    } catch (error) {
      if (!String((error as Error).message).includes('BUSYGROUP')) throw error;
    }
  }

  async function forward(entries: StreamEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await queue.addBulk(jobsOf(entries).map((job) => ({ name: job.event.type, data: job, opts: { jobId: jobIdOf(job.dedupeKey) } })));
    const ids = entries.map(([id]) => id);
    await redis.multi().xack(inbox, GROUP, ...ids).xdel(inbox, ...ids).exec();
  }

  async function loop(): Promise<void> {
    while (!state.stopping) {
      try {
        await ensureGroup();
        const claimed = (await redis.xautoclaim(inbox, GROUP, consumer, options.claimIdleMs ?? 5000, '0-0', 'COUNT', batchSize)) as [string, StreamEntry[]];
        await forward(claimed[1] ?? []);
        const read = (await redis.xreadgroup('GROUP', GROUP, consumer, 'COUNT', batchSize, 'BLOCK', options.blockMs ?? 1000, 'STREAMS', inbox, '>')) as
          | Array<[string, StreamEntry[]]>
          | null;
        await forward(read?.[0]?.[1] ?? []);
      } catch (error) {
        if (state.stopping) break;
        log.warn({ err: error }, 'inbox pump interrupted; retrying');
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  const running = loop();
  return {
    async stop() {
      state.stopping = true;
      await running;
    },
  };
}
