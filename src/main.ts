import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { buildAssist } from './compose/assistant.ts';
import { buildGroups } from './compose/groups.ts';
import type { Runtime } from './compose/runtime.ts';
import { setUpAck, startAckJournal } from './compose/durability.ts';
import { buildLifecycle, importMembersCli, seedDemoMembers } from './compose/lifecycle.ts';
import { createQueues } from './compose/queues.ts';
import { checkRedis } from './compose/check-redis.ts';
import { migrateKeysCli } from './compose/migrate-keys.ts';
import { connectRedis, isCluster, whenReady } from './compose/redis-connections.ts';
import { createStores } from './compose/stores.ts';
import { setUpWecom } from './compose/wecom.ts';
import { startWeb } from './compose/web.ts';
import { startWorkers, storeOf } from './compose/workers.ts';
import { checkDraft } from './assist/guardrails/check-draft.ts';
import { createSentSampler } from './jobs/sample-sent-message.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { isAppError } from './errors.ts';
import { createKeys } from './conversation/keys.ts';
import type { Emulator } from './emulator/start-emulator.ts';
import { EventIntake } from './jobs/event-intake.ts';
import { inboxLength } from './jobs/inbox-pump.ts';
import { recordMessages } from './jobs/record-messages.ts';
import { Spool } from './jobs/spool.ts';
import { startSpoolReplayer } from './jobs/spool-replayer.ts';
import type { DurabilityChoice } from './ops/choose-durability.ts';
import { ensureRedis } from './ops/ensure-redis.ts';
import { createLogger, type Logger } from './ops/logger.ts';
import { createMetrics } from './ops/metrics.ts';
import { createRedisSessionStore } from './org/session-store.ts';
import { watchOrg } from './org/watch-org.ts';

export { DEMO_CALLBACK_KEYS } from './compose/demo.ts';

/**
 * The composition root: configuration → clients (Redis, queues, WeCom, model) → HTTP app and workers →
 * shutdown. Nothing outside main.ts and src/compose/ reads the environment or constructs a client.
 */

export interface ServiceOptions {
  web?: boolean;
  worker?: boolean;
  /** Move inbox entries into the queue (defaults to wherever the worker runs). */
  pump?: boolean;
  /** Import the tag library and existing contacts from WeCom at start (worker only; default true). */
  warmUp?: boolean;
  now?: () => number;
  log?: Logger;
  /** Distinguishes this process's spool file and stream consumer. */
  instanceId?: string;
}

export interface Service extends Runtime {
  url: string;
  /** What a 200 to a callback promises here (web processes only). */
  durability?: DurabilityChoice;
  emulator?: Emulator;
  replaySpool(): Promise<number>;
  close(): Promise<void>;
}

export async function startService(config: Config, options: ServiceOptions = {}): Promise<Service> {
  const now = options.now ?? Date.now;
  const log = options.log ?? createLogger(config.log.level);
  const keys = createKeys(config.redis.prefix);
  const ttlSec = config.retention.conversationTtlDays * 86400;
  const instanceId = options.instanceId ?? `svc-${randomUUID().slice(0, 8)}`;
  // A Redis the queue cannot work on (a setting is wrong) stops the start here, before anything is acknowledged.
  await checkRedis(config, keys);
  // The producer fails fast so a Redis outage turns into spooling within enqueueTimeoutMs, not a hung callback.
  const producer = connectRedis(config, 'producer');
  const redis = connectRedis(config, 'commands');
  for (const client of [producer, redis]) client.on('error', (err) => log.debug({ err }, 'redis connection error'));
  await whenReady(producer);

  const { eventQueue, suggestQueue, reviewQueue } = createQueues(config, redis, keys, log);
  const stores = createStores(redis, keys, ttlSec, config.retention.conversationMaxMessages, config.review.auditRetentionDays * 86400);
  const spool = new Spool(config.spool.dir, instanceId);
  const metrics = createMetrics({
    queueCounts: async () => ({ ...(await eventQueue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized')), inbox: await inboxLength(redis, keys) }),
    spoolSize: () => spool.size(),
  });
  // Only web processes acknowledge callbacks, so only they choose what makes a 200 durable.
  const ack = (options.web ?? true) ? await setUpAck(config, producer, log, instanceId, now) : undefined;
  const intake = new EventIntake({
    redis: producer,
    keys,
    spool,
    dedupeTtlSec: config.retention.dedupeTtlSec,
    inboxTtlSec: ttlSec,
    timeoutMs: config.redis.enqueueTimeoutMs,
    ...(ack?.journaling ? { journal: ack.journal } : {}),
    ...(ack?.waitAof ? { waitAof: ack.waitAof } : {}),
  });
  const sessions = createRedisSessionStore(redis, keys);
  const org = await watchOrg(config.org.file, {
    onMembersChanged: async (userIds) => {
      await Promise.all(userIds.map((userId) => sessions.endAll(userId)));
      log.info({ members: userIds.length }, 'org file changed: sessions of members who left or changed role ended');
    },
    onError: (err) => log.error({ err, file: config.org.file }, 'org file reload failed; keeping the last good one'),
  });
  const wecom = await setUpWecom(config, redis, keys, now);
  const assist = await buildAssist(config, { tagCache: stores.tagCache, org, log });
  const lifecycle = buildLifecycle(config, redis, keys, log);
  let webUrl = '';
  const rt: Runtime = {
    config, log, now, keys, redis, producer, metrics, stores, org, sessions, wecom, assist, eventQueue, suggestQueue, reviewQueue, lifecycle, intake, instanceId,
    publicUrl: () => config.server.publicUrl || webUrl,
    record: (messages) => recordMessages({ store: stores.store, suggestions: stores.suggestions, feed: stores.feed, suggestQueue, debounceMs: config.assist.debounceMs, now, onGuideMessage: sampleSent }, messages),
    groups: buildGroups({ config, redis, keys, stores, wecom, org, now, suggestQueue }, (message) => sampleSent(message)),
  };
  const sampleSent = createSentSampler({
    rate: config.review.sentSampleRate,
    check: (text) => checkDraft(assist.knowledge.current(), text, {}).flags,
    reviews: stores.sentReviews,
    storeOf: (guideId) => storeOf(rt, guideId),
  });

  const closers: Array<() => Promise<unknown>> = [];
  let url = '';
  let replayNow = async (): Promise<number> => 0;
  if (options.web ?? true) {
    await spool.claimDir();
    const web = await startWeb(rt);
    url = web.url;
    webUrl = url;
    wecom.emulator?.setWebhookUrl(`${url}/wecom/callback`);
    // Where browsers reach the sidebar (PUBLIC_URL when set): the demo page frames it, and the emulator hands
    // OAuth codes to that origin only, as WeCom does with the app's trusted domain.
    wecom.emulator?.setSidebarUrl(`${rt.publicUrl().replace(/\/+$/, '')}/sidebar/`);
    const replayer = startSpoolReplayer({ spool, intake, redis: producer, log, intervalMs: config.spool.replayIntervalMs });
    producer.on('ready', () => void replayer.replayNow());
    void replayer.replayNow();
    replayNow = () => replayer.replayNow();
    closers.push(() => web.close(), () => replayer.stop(), () => spool.close());
    if (ack) closers.push(...startAckJournal(ack, intake, producer, config, log));
  }
  const worker = options.worker ?? config.worker.enabled;
  closers.push(...(await startWorkers(rt, { pump: options.pump ?? worker, worker, warmUp: options.warmUp ?? true })));

  return {
    ...rt,
    url,
    ...(ack ? { durability: ack.choice } : {}),
    ...(wecom.emulator ? { emulator: wecom.emulator } : {}),
    replaySpool: () => replayNow(),
    async close() {
      for (const close of closers) await close();
      assist.close();
      org.close();
      await eventQueue.close();
      await suggestQueue.close();
      await reviewQueue.close();
      await lifecycle.close();
      await wecom.emulator?.close();
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
  // `npm run import-members -- FILE`: a one-shot import against the configured Redis, then exit.
  const importAt = process.argv.indexOf('--import-members');
  if (importAt >= 0) process.exit(await importMembersCli(config, process.argv.slice(importAt + 1), { now: Date.now, out: (line) => console.log(line) }));
  // `npm run migrate-keys`: the earlier single-server key layout to the cluster one, with the service stopped.
  if (process.argv.includes('--migrate-keys')) process.exit(await migrateKeysCli(config, (line) => console.log(line)));
  const log = createLogger(config.log.level);
  let target;
  try {
    // A cluster is never started locally; REDIS_CLUSTER_NODES names one that runs.
    target = isCluster(config) ? { url: config.redis.url } : await ensureRedis(config.redis.url, config.redisUrlExplicit, config.redis.startLocal);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  if (target.child) log.info({ url: target.url }, 'started a local redis-server under ./var/redis');
  let service: Service;
  try {
    service = await startService(
      { ...config, redis: { ...config.redis, url: target.url } },
      { web: role !== 'worker', worker: role === 'worker' || (role === 'all' && config.worker.enabled), log, instanceId: `${role}-${process.pid}-${randomUUID().slice(0, 8)}` },
    );
  } catch (error) {
    // One line an operator can act on (port taken, spool dir in use, knowledge files invalid ...).
    const hint = isAppError(error) && error.hint ? ` (${error.hint})` : '';
    console.error(`Could not start: ${(error as Error).message}${hint}`);
    target.child?.kill('SIGTERM');
    process.exit(1);
  }
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
  log.info({ url: service.url, mode: config.mode, role }, 'guide assistant started');
  // The service's own port serves the demo (the emulator stays on loopback behind it), so this is the one URL.
  if (service.emulator) console.log(`\n  Demo: open ${service.publicUrl().replace(/\/+$/, '')}/demo/ (an emulated WeCom chat beside the guide's sidebar)\n`);
  if (service.emulator && role !== 'web') void seedDemoMembers(service).catch((err: unknown) => log.warn({ err }, 'demo members not imported'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
