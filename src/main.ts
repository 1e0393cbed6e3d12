import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { loadConfig, ConfigError, type Config } from './config.ts';
import type { ConversationStore } from './conversation/conversation-store.ts';
import { createKeys, type Keys } from './conversation/keys.ts';
import { createRedisConversationStore } from './conversation/redis-conversation-store.ts';
import { mountCallbackRoutes } from './http/callback-routes.ts';
import { createApp } from './http/create-app.ts';
import { mountOpsRoutes } from './http/ops-routes.ts';
import { EventIntake } from './jobs/event-intake.ts';
import { EVENT_QUEUE, type EventJob } from './jobs/event-job.ts';
import { startEventWorker } from './jobs/event-worker.ts';
import { startInboxPump } from './jobs/inbox-pump.ts';
import { createEventHandler } from './jobs/on-event.ts';
import { Spool } from './jobs/spool.ts';
import { startSpoolReplayer } from './jobs/spool-replayer.ts';
import { ensureRedis } from './ops/ensure-redis.ts';
import { createLogger, type Logger } from './ops/logger.ts';
import { createMetrics, type Metrics } from './ops/metrics.ts';
import type { CallbackKeys } from './wecom/crypto.ts';

/**
 * The composition root: configuration → clients (Redis, queue) → HTTP app and workers → shutdown.
 * Nothing else in src/ reads the environment or constructs a client.
 */

export interface ServiceOptions {
  web?: boolean;
  worker?: boolean;
  /** Move inbox entries into the queue (defaults to wherever the worker runs). */
  pump?: boolean;
  now?: () => number;
  log?: Logger;
  /** Demo mode passes the emulator's callback keys; with WeCom credentials they come from config. */
  callbackKeys?: CallbackKeys;
  /** Distinguishes this process's spool file. */
  instanceId?: string;
}

export interface Service {
  url: string;
  keys: Keys;
  redis: Redis;
  queue: Queue<EventJob>;
  store: ConversationStore;
  metrics: Metrics;
  replaySpool(): Promise<number>;
  close(): Promise<void>;
}

const replayNothing = async (): Promise<number> => 0;

/** Demo mode: the emulator signs callbacks with these public, demo-only keys. */
export const DEMO_CALLBACK_KEYS: CallbackKeys = {
  token: 'demo-token',
  encodingAesKey: 'DemoOnlyAesKeyForTheBuiltInWeComEmulator123',
  corpId: 'wwlanting0001demo',
};

function callbackKeysFrom(config: Config): CallbackKeys {
  if (config.mode === 'demo') return DEMO_CALLBACK_KEYS;
  return { token: config.secrets.wecomToken, encodingAesKey: config.secrets.wecomAesKey, corpId: config.wecom.corpId };
}

export async function startService(config: Config, options: ServiceOptions = {}): Promise<Service> {
  const now = options.now ?? Date.now;
  const log = options.log ?? createLogger(config.log.level);
  const keys = createKeys(config.redis.prefix);
  const ttlSec = config.retention.conversationTtlDays * 86400;
  // The producer fails fast so a Redis outage turns into spooling within enqueueTimeoutMs, not a hung callback.
  const producer = new Redis(config.redis.url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 2000 });
  const redis = new Redis(config.redis.url, { maxRetriesPerRequest: 3 });
  for (const client of [producer, redis]) client.on('error', (err) => log.debug({ err }, 'redis connection error'));
  await new Promise<void>((ok) => (producer.status === 'ready' ? ok() : producer.once('ready', () => ok())));

  const queue = new Queue<EventJob>(EVENT_QUEUE, {
    connection: producer,
    prefix: keys.bull(),
    defaultJobOptions: {
      attempts: config.worker.attempts,
      backoff: { type: 'exponential', delay: 1000 },
      // Kept for an hour so BullMQ's own jobId dedupe still covers WeCom's retries after the job ran.
      removeOnComplete: { age: 3600 },
      removeOnFail: { age: 7 * 86400 },
    },
  });
  queue.on('error', (err) => log.debug({ err }, 'queue error'));
  const store = createRedisConversationStore(redis, keys, { ttlSec, maxMessages: config.retention.conversationMaxMessages });
  const spool = new Spool(config.spool.dir, options.instanceId ?? 'web');
  const metrics = createMetrics({
    queueCounts: async () => ({ ...(await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized')), inbox: await redis.xlen(keys.inbox()) }),
    spoolSize: () => spool.size(),
  });
  const intake = new EventIntake({
    redis: producer,
    keys,
    spool,
    dedupeTtlSec: config.retention.dedupeTtlSec,
    inboxTtlSec: ttlSec,
    timeoutMs: config.redis.enqueueTimeoutMs,
  });
  const closers: Array<() => Promise<unknown>> = [];
  let url = '';
  let replayNow = replayNothing;
  if (options.web ?? true) {
    await spool.claimDir();
    const replayer = startSpoolReplayer({ spool, intake, redis: producer, log, intervalMs: config.spool.replayIntervalMs });
    producer.on('ready', () => void replayer.replayNow());
    void replayer.replayNow();
    replayNow = () => replayer.replayNow();
    const app = createApp(log, [
      (router) =>
        mountCallbackRoutes(router, {
          keys: options.callbackKeys ?? callbackKeysFrom(config),
          intake,
          metrics,
          bodyLimitBytes: config.server.bodyLimitBytes,
          timestampWindowSec: config.wecom.timestampWindowSec,
          now,
        }),
      (router) =>
        mountOpsRoutes(router, {
          metrics,
          checks: [
            { name: 'redis', check: async () => void (await redis.ping()) },
            { name: 'queue', check: async () => void (await queue.getJobCounts('waiting')) },
          ],
        }),
    ]);
    const server: Server = await new Promise((ok) => {
      const s = app.listen(config.server.port, config.server.host, () => ok(s));
    });
    const { port } = server.address() as AddressInfo;
    url = `http://127.0.0.1:${port}`;
    closers.push(
      () =>
        new Promise<void>((ok) => {
          server.close(() => ok());
          server.closeIdleConnections();
          setTimeout(() => server.closeAllConnections(), config.server.shutdownGraceMs).unref();
        }),
    );
    closers.push(async () => {
      await replayer.stop();
      await spool.close();
    });
  }
  const workerOn = options.worker ?? config.worker.enabled;
  if (options.pump ?? workerOn) {
    const pumpRedis = new Redis(config.redis.url, { maxRetriesPerRequest: null });
    pumpRedis.on('error', (err) => log.debug({ err }, 'pump connection error'));
    const pump = startInboxPump({ redis: pumpRedis, queue, keys, log, consumer: options.instanceId ?? 'pump', blockMs: 500 });
    closers.push(async () => {
      await pump.stop();
      pumpRedis.disconnect();
    });
  }
  if (workerOn) {
    const worker = startEventWorker({
      connection: { url: config.redis.url, maxRetriesPerRequest: null },
      prefix: keys.bull(),
      concurrency: config.worker.concurrency,
      handle: createEventHandler({ store, log, now }),
      log,
      metrics,
    });
    closers.push(() => worker.close());
  }

  return {
    url,
    keys,
    redis,
    queue,
    store,
    metrics,
    replaySpool: () => replayNow(),
    async close() {
      for (const close of closers) await close();
      await queue.close();
      producer.disconnect();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

async function main(): Promise<void> {
  const role = process.argv.find((a) => a.startsWith('--role='))?.slice('--role='.length) ?? 'all';
  let config: Config;
  try {
    config = loadConfig(process.env, ['config/default.yaml', ...(process.env.CONFIG_FILE ? [process.env.CONFIG_FILE] : [])]);
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : String(error));
    process.exit(1);
  }
  const log = createLogger(config.log.level);
  let target;
  try {
    target = await ensureRedis(config.redis.url, config.redisUrlExplicit, config.redis.startLocal);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  if (target.child) log.info({ url: target.url }, 'started a local redis-server under ./var/redis');
  const effective: Config = { ...config, redis: { ...config.redis, url: target.url } };
  const service = await startService(effective, {
    web: role !== 'worker',
    worker: role === 'worker' || (role === 'all' && config.worker.enabled),
    log,
    instanceId: `${role}-${process.pid}-${randomUUID().slice(0, 8)}`,
  });
  log.info({ url: service.url, mode: config.mode, role }, 'guide assistant started');
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing in-flight work');
    await service.close();
    target.child?.kill('SIGTERM');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
