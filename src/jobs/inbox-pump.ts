import type { Queue } from 'bullmq';
import { INBOX_SHARDS, type Keys } from '../conversation/keys.ts';
import type { Logger } from '../ops/logger.ts';
import type { RedisClient } from '../ops/redis-client.ts';
import { jobIdOf, type EventJob } from './event-job.ts';

const GROUP = 'pump';

export interface InboxPumpOptions {
  /** Opens a connection of the pump's own (one per inbox stream: each blocks on XREADGROUP). */
  connect: () => RedisClient;
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
 * Moves accepted callbacks from the inbox streams (INBOX_SHARDS of them, keys.ts) into the BullMQ queue (job
 * id = dedupe key), off the request path. One loop per stream, each on its own connection: a blocking read
 * names streams of one slot only on a cluster, and the streams are spread over slots on purpose. At least
 * once: entries are acknowledged and deleted only after addBulk; an entry re-read after a crash is added again
 * with the same job id, which BullMQ ignores while the job record exists.
 */
export function startInboxPump(options: InboxPumpOptions): { stop(): Promise<void> } {
  const { queue, keys, log, consumer } = options;
  const batchSize = options.batchSize ?? 200;
  const state = { stopping: false };
  const connections: RedisClient[] = [];

  async function drain(redis: RedisClient, inbox: string): Promise<void> {
    const ensureGroup = async (): Promise<void> => {
      try {
        await redis.xgroup('CREATE', inbox, GROUP, '0', 'MKSTREAM');
      } catch (error) {
        if (!String((error as Error).message).includes('BUSYGROUP')) throw error;
      }
    };
    const forward = async (entries: StreamEntry[]): Promise<void> => {
      if (entries.length === 0) return;
      await queue.addBulk(jobsOf(entries).map((job) => ({ name: job.event.type, data: job, opts: { jobId: jobIdOf(job.dedupeKey) } })));
      const ids = entries.map(([id]) => id);
      await redis.multi().xack(inbox, GROUP, ...ids).xdel(inbox, ...ids).exec();
    };
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
        log.warn({ err: error, inbox }, 'inbox pump interrupted; retrying');
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  const running = Array.from({ length: INBOX_SHARDS }, (_, shard) => {
    const redis = options.connect();
    redis.on('error', (err) => log.debug({ err }, 'pump connection error'));
    connections.push(redis);
    return drain(redis, keys.inbox(shard));
  });
  return {
    async stop() {
      state.stopping = true;
      await Promise.all(running);
      for (const redis of connections) redis.disconnect();
    },
  };
}

/** Entries waiting in all the inbox streams together. */
export async function inboxLength(redis: RedisClient, keys: Keys): Promise<number> {
  const lengths = await Promise.all(Array.from({ length: INBOX_SHARDS }, (_, shard) => redis.xlen(keys.inbox(shard))));
  return lengths.reduce((sum, n) => sum + n, 0);
}
