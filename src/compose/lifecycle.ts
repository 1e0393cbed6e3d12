import { readFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { Queue, Worker } from 'bullmq';
import type { Config } from '../config.ts';
import { createKeys, type Keys } from '../conversation/keys.ts';
import { isAppError } from '../errors.ts';
import type { Mount } from '../http/create-app.ts';
import { mountLifecycleAdminRoutes } from '../http/lifecycle-admin-routes.ts';
import type { LifecycleApiDeps } from '../http/lifecycle-deps.ts';
import { mountLifecycleReviewRoutes } from '../http/lifecycle-review-routes.ts';
import type { CookieSigner } from '../http/session-cookie.ts';
import { mountTaskRoutes } from '../http/task-routes.ts';
import { createLifecycleProcessor, LIFECYCLE_QUEUE, scheduleDailyRun, type LifecycleJob } from '../jobs/lifecycle-jobs.ts';
import { createDigestStore, type DigestStore } from '../lifecycle/guide-digest.ts';
import { importMembers, type ImportReport } from '../lifecycle/import-members.ts';
import { createLifecycleCounts, type LifecycleCounts } from '../lifecycle/lifecycle-counts.ts';
import type { LifecycleSettings } from '../lifecycle/member.ts';
import { createMemberStore, type MemberStore } from '../lifecycle/member-store.ts';
import { createOnceMarkers, type OnceMarkers } from '../lifecycle/once-markers.ts';
import { DEFAULT_TEMPLATES, loadTemplates } from '../lifecycle/templates.ts';
import type { Logger } from '../ops/logger.ts';
import { loadOrg } from '../org/org.ts';
import type { RedisClient } from '../ops/redis-client.ts';
import { queueOptions, workerLocks } from './queues.ts';
import { connectRedis } from './redis-connections.ts';
import { createCallOnce } from '../wecom/api/call-once.ts';
import type { Runtime } from './runtime.ts';

/** The member-lifecycle reminders (flow 5): stores, queue, HTTP routes, worker and the import CLI. */
export interface LifecycleParts {
  members: MemberStore;
  counts: LifecycleCounts;
  digests: DigestStore;
  once: OnceMarkers;
  queue: Queue<LifecycleJob>;
  settings: LifecycleSettings;
  /** Queues a run of the rules as of `at` (default: when the worker takes it); returns the job id. */
  requestRun(at?: number): Promise<string>;
  close(): Promise<void>;
}

export function buildLifecycle(config: Config, redis: RedisClient, keys: Keys, log: Logger): LifecycleParts {
  const ttlSec = config.retention.conversationTtlDays * 86400;
  const queue = new Queue<LifecycleJob>(LIFECYCLE_QUEUE, queueOptions(config, redis, keys, LIFECYCLE_QUEUE, { attempts: 5, backoff: { type: 'exponential', delay: 5000 } }));
  queue.on('error', (err) => log.debug({ err }, 'lifecycle queue error'));
  return {
    members: createMemberStore(redis, keys, config.lifecycle.memberTtlDays * 86400),
    counts: createLifecycleCounts(redis, keys, ttlSec),
    digests: createDigestStore(redis, keys, ttlSec),
    once: createOnceMarkers(redis, keys),
    queue,
    settings: config.lifecycle,
    requestRun: async (at) => (await queue.add('run', { kind: 'run', ...(at === undefined ? {} : { at }) })).id ?? '',
    close: () => queue.close(),
  };
}

export function lifecycleMounts(rt: Runtime, signer: CookieSigner): Mount[] {
  const deps: LifecycleApiDeps = {
    signer,
    sessions: rt.sessions,
    org: rt.org,
    members: rt.lifecycle.members,
    tasks: rt.stores.tasks,
    counts: rt.lifecycle.counts,
    store: rt.stores.store,
    feed: rt.stores.feed,
    claimClose: async (taskId) => (await rt.redis.set(rt.keys.done('task-close', taskId), '1', 'EX', rt.config.retention.conversationTtlDays * 86400, 'NX')) === 'OK',
    requestRun: () => rt.lifecycle.requestRun(),
    importMaxBytes: rt.config.lifecycle.importMaxBytes,
    log: rt.log,
    now: rt.now,
  };
  return [(r) => mountTaskRoutes(r, deps), (r) => mountLifecycleAdminRoutes(r, deps), (r) => mountLifecycleReviewRoutes(r, deps)];
}

/** `connection`: a `blocking` one (redis-connections.ts), shared with the other workers. */
export async function startLifecycleWorker(rt: Runtime, connection: RedisClient): Promise<() => Promise<unknown>> {
  const { config, log, stores, lifecycle } = rt;
  const processor = createLifecycleProcessor({
    run: {
      members: lifecycle.members,
      store: stores.store,
      tasks: stores.tasks,
      org: rt.org,
      knowledge: rt.assist.knowledge,
      tags: rt.assist.tagDirectory,
      templates: () =>
        loadTemplates(config.assist.knowledgeDir).catch((err: unknown) => {
          log.error({ err }, 'lifecycle.yaml is invalid; using the built-in wording');
          return DEFAULT_TEMPLATES;
        }),
      settings: lifecycle.settings,
      threshold: (storeId) => config.review.approvalSeverity[storeId],
      once: lifecycle.once,
      counts: lifecycle.counts,
      onCreated: async (task) => {
        await lifecycle.digests.add(task.guideId, task.id);
        await stores.feed.publish(task.guideId, { type: 'task', customerId: task.customerId, taskId: task.id });
      },
      log,
    },
    digest: {
      digests: lifecycle.digests,
      tasks: stores.tasks,
      api: rt.wecom.api,
      once: createCallOnce(rt.redis, rt.keys, config.retention.dedupeTtlSec),
      customerName: async (id) => (await lifecycle.members.get(id))?.name ?? (await stores.store.getProfile(id))?.name ?? '',
      sidebarUrl: () => `${rt.publicUrl()}/sidebar/?view=tasks`,
    },
    queue: lifecycle.queue,
    guidesWaiting: () => lifecycle.digests.waiting(rt.org.guidesOf([]).map((g) => g.userId)),
    now: rt.now,
    wallClock: Date.now,
    log,
  });
  const worker = new Worker<LifecycleJob, string>(LIFECYCLE_QUEUE, processor, {
    connection,
    prefix: rt.keys.bull(LIFECYCLE_QUEUE),
    concurrency: 1,
    ...workerLocks(config),
  });
  worker.on('completed', (job) => rt.metrics.jobs.inc({ type: `lifecycle_${job.data.kind}`, outcome: 'completed' }));
  worker.on('failed', (job, err) => {
    rt.metrics.jobs.inc({ type: `lifecycle_${job?.data.kind ?? 'unknown'}`, outcome: 'failed' });
    log.warn({ kind: job?.data.kind, err }, 'lifecycle job failed; will retry');
  });
  worker.on('error', (err) => log.error({ err }, 'lifecycle worker error'));
  await scheduleDailyRun(lifecycle.queue, config.lifecycle.runAt, config.lifecycle.enabled);
  return () => worker.close();
}

function describeReport(file: string, r: ImportReport): string[] {
  return [
    `${file} (${r.format}${r.dryRun ? ', dry run: nothing written' : ''}): ${r.rows} rows — ${r.imported} new, ${r.updated} updated, ${r.unchanged} unchanged, ${r.rejected.length} rejected`,
    ...r.rejected.map((x) => `  ${r.format === 'csv' ? 'line' : 'item'} ${x.line}${x.customerId ? ` (${x.customerId})` : ''}: ${x.reasons.join('；')}`),
    ...(r.ignoredColumns.length > 0 ? [`ignored columns: ${r.ignoredColumns.join(', ')}`] : []),
  ];
}

/**
 * `npm run import-members -- FILE [--dry-run] [--run]`: the same import as the admin API, from a file (.json
 * is JSON, anything else CSV); `--run` then queues a lifecycle run for the service's worker. Exit code 0 all
 * rows imported, 2 some rows rejected, 1 nothing imported.
 */
export async function importMembersCli(config: Config, args: string[], io: { now: () => number; out: (line: string) => void }): Promise<number> {
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    io.out('usage: npm run import-members -- FILE.csv|FILE.json [--dry-run] [--run]');
    return 1;
  }
  const redis = connectRedis(config, 'oneShot');
  redis.on('error', () => undefined);
  try {
    const text = await readFile(file, 'utf8');
    const org = await loadOrg(config.org.file);
    await redis.connect();
    const keys = createKeys(config.redis.prefix);
    const members = createMemberStore(redis, keys, config.lifecycle.memberTtlDays * 86400);
    const dryRun = args.includes('--dry-run');
    const report = await importMembers({ members, org }, { text, format: extname(file).toLowerCase() === '.json' ? 'json' : 'csv', now: io.now(), dryRun });
    for (const line of describeReport(file, report)) io.out(line);
    if (args.includes('--run') && !dryRun) {
      const queue = new Queue<LifecycleJob>(LIFECYCLE_QUEUE, queueOptions(config, redis, keys, LIFECYCLE_QUEUE, { attempts: 5, backoff: { type: 'exponential', delay: 5000 } }));
      const job = await queue.add('run', { kind: 'run' });
      await queue.close();
      io.out(`lifecycle run queued (job ${job.id}); the service's worker sends the guides their digests`);
    }
    return report.rejected.length > 0 ? 2 : 0;
  } catch (error) {
    io.out(isAppError(error) ? `${error.code}: ${error.message}${error.hint ? `\n(${error.hint})` : ''}` : `import failed: ${(error as Error).message}`);
    return 1;
  } finally {
    redis.disconnect();
  }
}

/**
 * Demo mode: the demo tenant's member file (birthdays, last purchases, points) is imported at start and the
 * rules run once, so the sidebar shows lifecycle tasks without an admin step. Real tenants import their own.
 */
export async function seedDemoMembers(rt: Runtime): Promise<void> {
  const file = join(dirname(rt.config.org.file), 'members.csv');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return;
  }
  const report = await importMembers({ members: rt.lifecycle.members, org: rt.org }, { text, format: 'csv', now: rt.now() });
  rt.log.info({ imported: report.imported, updated: report.updated, rejected: report.rejected.length }, 'demo members imported');
  await rt.lifecycle.requestRun();
}
