import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboxLength } from '../../src/jobs/inbox-pump.ts';
import { startService, type Service } from '../../src/main.ts';
import { startRedisChild } from '../../src/ops/ensure-redis.ts';
import { postCallback, signedCallback, textMessageXml } from '../support/callbacks.ts';
import { eventually as until } from '../support/eventually.ts';
import { silentLog, testConfig } from '../support/test-service.ts';
import { OFFICIAL_KEYS } from '../support/vectors.ts';

// Fault tests run their own redis-server on a free port and never touch the shared one.
const NOW_SEC = 1_700_000_000;
const dir = mkdtempSync(join(tmpdir(), 'ga-redis-'));
let child: ChildProcess | undefined;
let port = 0;
let service: Service;

async function stopRedis(): Promise<void> {
  const proc = child;
  if (!proc || proc.exitCode !== null) return;
  await new Promise<void>((ok) => {
    proc.once('exit', () => ok());
    proc.kill('SIGTERM');
  });
}

async function metric(result: string): Promise<number> {
  const text = await (await fetch(`${service.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`wecom_callbacks_total{result="${result}"}`));
  return Number(line?.split(' ').at(-1));
}

beforeAll(async () => {
  const started = await startRedisChild(dir);
  child = started.child;
  port = Number(new URL(started.url).port);
  const config = testConfig({ REDIS_URL: started.url, WORKER_ENABLED: 'false' }, OFFICIAL_KEYS);
  service = await startService(config, { now: () => NOW_SEC * 1000, log: silentLog, worker: false, pump: true, warmUp: false });
});

afterAll(async () => {
  await service.close();
  await stopRedis();
});

describe('a Redis outage', () => {
  const callbacks = [1, 2, 3, 4, 5].map((i) => signedCallback(OFFICIAL_KEYS, textMessageXml(OFFICIAL_KEYS.corpId, `900000000000000000${i}`, `消息${i}`), NOW_SEC));

  it('still answers 200, spools, and replays each callback exactly once when Redis is back', async () => {
    expect((await postCallback(service.url, callbacks[0]!)).status).toBe(200);
    await stopRedis();
    await until(async () => service.redis.status, (s) => s !== 'ready');

    for (const cb of callbacks.slice(1)) expect((await postCallback(service.url, cb)).status).toBe(200);
    // WeCom retries one of them during the outage: acknowledged again, replayed once.
    expect((await postCallback(service.url, callbacks[2]!)).status).toBe(200);
    expect(await metric('spooled')).toBe(5);
    expect(await (await fetch(`${service.url}/readyz`)).json()).toMatchObject({ status: 'not_ready' });

    child = (await startRedisChild(dir, port)).child;
    const jobs = await until(
      () => service.eventQueue.getJobs(['waiting']),
      (list) => list.length >= 5,
    );
    const ids = jobs.map((j) => j.data.dedupeKey).sort();
    expect(ids).toEqual(callbacks.map((_, i) => `msg-900000000000000000${i + 1}`));

    // A retry after the replay is a duplicate, not a second job.
    expect((await postCallback(service.url, callbacks[3]!)).status).toBe(200);
    expect(await metric('duplicate')).toBe(1);
    await until(() => inboxLength(service.redis, service.keys), (n) => n === 0);
    expect(await service.eventQueue.getJobs(['waiting'])).toHaveLength(5);
  });
});
