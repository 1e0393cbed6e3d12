import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SuggestJob } from '../../src/jobs/suggest-job.ts';
import { startService, type Service } from '../../src/main.ts';
import { startRedisChild } from '../../src/ops/ensure-redis.ts';
import { eventually } from '../support/eventually.ts';
import { startFakeLlmServer, json, type FakeLlmServer } from '../support/fake-llm-server.ts';
import { llmEnv } from '../support/risky-model.ts';
import { spawnService, stopChild, type ServiceProcess } from '../faults/support/service-process.ts';
import { silentLog, testConfig } from '../support/test-service.ts';

// Worker processes (`npm run worker`) against a private redis-server on a free port: one is killed with
// SIGKILL while it holds a suggestion job, another must finish that job within the recovery bound of
// config/default.yaml (lockDurationMs + stalledIntervalMs = 7.5 s; the waits below allow 10 s).
const dir = mkdtempSync(join(tmpdir(), 'ga-crash-'));
// Two worker processes start one after the other; on a busy machine each takes seconds to boot.
const PROCESS_TEST_MS = 60_000;
const DRAFTS = { drafts: [{ text: '您好，这款有M码，要帮您留一件吗？', source_id: null }], tags: [], summary: '顾客问尺码', next_action: '确认尺码' };
let redisChild: ChildProcess | undefined;
let redisUrl = '';
let model: FakeLlmServer;
const workers: ServiceProcess[] = [];

/** `npm run worker` as a child process against the private Redis. */
function startWorker(prefix: string, extraEnv: Record<string, string> = {}): ServiceProcess {
  const worker = spawnService('worker', {
    ...llmEnv(model),
    REDIS_URL: redisUrl,
    REDIS_PREFIX: prefix,
    LLM_TIMEOUT_MS: '60000',
    SPOOL_DIR: mkdtempSync(join(dir, 'spool-')),
    LIFECYCLE_ENABLED: 'false',
    ...extraEnv,
  });
  workers.push(worker);
  return worker;
}

/** The producing side only (no worker, no pump): it records the customer's message and queues the suggestion. */
async function producer(prefix: string): Promise<Service> {
  const config = testConfig({ REDIS_URL: redisUrl, REDIS_PREFIX: prefix, ...llmEnv(model), ASSIST_DEBOUNCE_MS: '0' });
  return startService(config, { web: false, worker: false, pump: false, warmUp: false, log: silentLog });
}

async function askAboutSize(service: Service, customerId: string): Promise<Job<SuggestJob>> {
  await service.record([{ id: `crash-${customerId}`, guideId: 'guide.lin', customerId, speaker: 'customer', text: '这件大衣有M码吗？', source: 'paste', at: Date.now() }]);
  const [job] = await eventually(() => service.suggestQueue.getJobs(['waiting', 'active', 'completed']), (jobs) => jobs.length === 1);
  return job!;
}

beforeAll(async () => {
  const started = await startRedisChild(join(dir, 'redis'));
  redisChild = started.child;
  redisUrl = started.url;
  model = await startFakeLlmServer();
});

afterAll(async () => {
  for (const worker of workers) await worker.stop('SIGKILL');
  await model.close();
  if (redisChild) await stopChild(redisChild);
  rmSync(dir, { recursive: true, force: true });
});

describe('a worker process that dies holding a job', () => {
  it('has its suggestion job finished by another worker within the bound, once', async () => {
    const prefix = 'crash:';
    const service = await producer(prefix);
    try {
      const first = startWorker(prefix);
      await first.ready;
      model.enqueue({ kind: 'hang', release: new Promise(() => undefined), answer: json(DRAFTS) });
      model.setDefault(() => json(DRAFTS));
      const job = await askAboutSize(service, 'wmCrash001');
      // The first worker holds the job: its model call hangs.
      await eventually(async () => model.requests.length, (n) => n === 1, 400);
      expect(await job.getState()).toBe('active');

      const second = startWorker(prefix);
      await second.ready;
      await first.stop('SIGKILL');
      const state = await eventually(() => service.suggestQueue.getJobCounts('completed', 'failed', 'active', 'waiting'), (c) => c.completed === 1, 100, 100);
      expect(state).toEqual({ completed: 1, failed: 0, active: 0, waiting: 0 });
      const done = await service.suggestQueue.getJob(job.id!);
      expect(done?.stalledCounter).toBe(1);
      expect(done?.returnvalue).toBe('suggested');
      expect(model.requests).toHaveLength(2);
      expect(await service.stores.suggestions.get('guide.lin', 'wmCrash001')).toMatchObject({ engine: 'llm', modelStatus: 'done' });
      await second.stop();
    } finally {
      await service.close();
    }
  }, PROCESS_TEST_MS);
});

describe('a long suggestion job with another worker alive', () => {
  it('keeps its lock (renewed) and is run once, though it outlasts the lock three times', async () => {
    const prefix = 'renew:';
    // Short locks so the job outlasts them quickly; the renewal is what is tested, not the bound.
    const file = join(dir, 'short-locks.yaml');
    writeFileSync(file, 'worker:\n  lockDurationMs: 1000\n  stalledIntervalMs: 500\n');
    const service = await producer(prefix);
    try {
      const a = startWorker(prefix, { CONFIG_FILE: file });
      const b = startWorker(prefix, { CONFIG_FILE: file });
      await Promise.all([a.ready, b.ready]);
      const before = model.requests.length;
      model.enqueue(json(DRAFTS, 3000));
      const job = await askAboutSize(service, 'wmRenew001');
      await eventually(() => service.suggestQueue.getJobCounts('completed'), (c) => c.completed === 1, 100, 100);
      const done = await service.suggestQueue.getJob(job.id!);
      expect(done?.stalledCounter).toBe(0);
      expect(done?.attemptsStarted).toBe(1);
      expect(model.requests.length - before).toBe(1);
      expect(await service.suggestQueue.getJobCounts('failed', 'active', 'waiting')).toEqual({ failed: 0, active: 0, waiting: 0 });
    } finally {
      await service.close();
    }
  }, PROCESS_TEST_MS);
});
