import { DelayedError, type Job, type Queue } from 'bullmq';
import { sendDigest, type DigestDeps } from '../lifecycle/guide-digest.ts';
import { runLifecycle, type LifecycleRunDeps } from '../lifecycle/run-lifecycle.ts';
import type { Logger } from '../ops/logger.ts';
import { SendRateLimitedError } from '../wecom/api/wecom-api-error.ts';

export const LIFECYCLE_QUEUE = 'lifecycle';
const DAILY_SCHEDULER = 'lifecycle-daily';

/** `run`: the rules as of `at` (default: when the job runs). `digest`: one guide's app message. */
export type LifecycleJob = { kind: 'run'; at?: number } | { kind: 'digest'; guideId: string };

export interface LifecycleJobDeps {
  run: LifecycleRunDeps;
  digest: DigestDeps;
  queue: Queue<LifecycleJob>;
  /** Guides whose digest set is not empty (so a retried run still announces what an earlier attempt made). */
  guidesWaiting: () => Promise<string[]>;
  now: () => number;
  /** BullMQ delays jobs on the wall clock, whatever `now` says. */
  wallClock: () => number;
  log: Logger;
}

/** The daily run at `runAt` (HH:MM) China time; removed when the reminders are switched off. */
export async function scheduleDailyRun(queue: Queue<LifecycleJob>, runAt: string, enabled: boolean): Promise<void> {
  if (!enabled) {
    await queue.removeJobScheduler(DAILY_SCHEDULER);
    return;
  }
  const [hour, minute] = runAt.split(':').map(Number);
  await queue.upsertJobScheduler(DAILY_SCHEDULER, { pattern: `${minute} ${hour} * * *`, tz: 'Asia/Shanghai' }, { name: 'run', data: { kind: 'run' } });
}

async function run(deps: LifecycleJobDeps, job: Job<LifecycleJob>, at: number | undefined): Promise<string> {
  const summary = await runLifecycle(deps.run, at ?? deps.now());
  // One digest job per guide and run: the job id makes a retried run queue it once (BullMQ ids take no ':').
  const runId = String(job.id ?? summary.day);
  for (const guideId of await deps.guidesWaiting()) {
    await deps.queue.add('digest', { kind: 'digest', guideId }, { jobId: `digest|${guideId}|${runId}`.replaceAll(':', '_') });
  }
  return `created_${summary.created}`;
}

async function digest(deps: LifecycleJobDeps, job: Job<LifecycleJob>, guideId: string, token: string | undefined): Promise<string> {
  try {
    return await sendDigest(deps.digest, guideId);
  } catch (error) {
    if (!(error instanceof SendRateLimitedError)) throw error;
    // WeCom would drop the 31st message in a minute: try again once the window has room, without using up an attempt.
    deps.log.info({ guideId, retryAfterMs: error.retryAfterMs }, 'lifecycle digest rescheduled: app message limit reached');
    await job.moveToDelayed(deps.wallClock() + error.retryAfterMs, token);
    throw new DelayedError();
  }
}

export function createLifecycleProcessor(deps: LifecycleJobDeps): (job: Job<LifecycleJob>, token?: string) => Promise<string> {
  return (job, token) => (job.data.kind === 'run' ? run(deps, job, job.data.at) : digest(deps, job, job.data.guideId, token));
}
