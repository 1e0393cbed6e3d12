import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type Service } from '../../src/main.ts';
import { startRedisChild } from '../../src/ops/ensure-redis.ts';
import { postCallback, signedCallback, textMessageXml } from '../support/callbacks.ts';
import { runUntilExit } from '../support/main-process.ts';
import { silentLog, testConfig } from '../support/test-service.ts';
import { OFFICIAL_KEYS } from '../support/vectors.ts';

/**
 * A Redis the queue cannot work on for a reason no retry fixes: start-up stops with one line naming the
 * setting, and a running service answers callbacks 503 queue_unusable (WeCom sends them again) instead of
 * acknowledging and spooling what could never be replayed; /readyz says the same. A private redis-server with
 * an ACL user, so credentials and permissions can be taken away.
 */
const dir = mkdtempSync(join(tmpdir(), 'ga-refusal-'));
let child: ChildProcess | undefined;
let url: string;
let admin: Redis;

beforeAll(async () => {
  const target = await startRedisChild(join(dir, 'redis'));
  child = target.child;
  url = target.url;
  admin = new Redis(url);
  await admin.call('ACL', 'SETUSER', 'ga', 'on', '>ga-secret', '~*', '&*', '+@all');
  await admin.call('ACL', 'SETUSER', 'default', 'on', '>admin-secret');
  await admin.auth('admin-secret');
}, 60_000);

afterAll(async () => {
  admin?.disconnect();
  child?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

const env = (extra: Record<string, string> = {}) => ({ REDIS_URL: url, REDIS_USERNAME: 'ga', REDIS_PASSWORD: 'ga-secret', WORKER_ENABLED: 'false', ...extra });
const callback = (msgId: string) => signedCallback(OFFICIAL_KEYS, textMessageXml(OFFICIAL_KEYS.corpId, msgId, '有M码吗'), Math.floor(Date.now() / 1000));

describe('a Redis the queue cannot work on', () => {
  it('stops start-up with an error naming the setting when the credentials are refused', async () => {
    await expect(startService(testConfig(env({ REDIS_PASSWORD: 'wrong' }), OFFICIAL_KEYS), { log: silentLog, worker: false })).rejects.toMatchObject({
      code: 'queue_unusable',
      message: expect.stringMatching(/^REDIS_PASSWORD: Redis refused the credentials \(WRONGPASS/),
    });
  });

  it('makes `npm start` exit with one line naming REDIS_PASSWORD', async () => {
    const { code, stderr } = await runUntilExit({ ...env({ REDIS_PASSWORD: 'wrong' }), PORT: '0', HOST: '127.0.0.1', SPOOL_DIR: join(dir, 'spool-cli'), REDIS_PREFIX: 'test:refusal:' });
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Could not start: REDIS_PASSWORD: Redis refused the credentials .*\(the queue cannot work until REDIS_PASSWORD is corrected\)$/);
  });

  describe('once the service runs', () => {
    let service: Service;

    beforeAll(async () => {
      service = await startService(testConfig(env(), OFFICIAL_KEYS), { log: silentLog, worker: false });
    }, 60_000);

    afterAll(async () => {
      await service?.close();
      await admin.call('ACL', 'SETUSER', 'ga', 'allkeys');
      await admin.flushall();
    });

    it('answers 503 queue_unusable, spools nothing and is not ready when Redis refuses the queue its keys', async () => {
      expect((await postCallback(service.url, callback('7100000000000000001'))).status).toBe(200);
      expect((await fetch(`${service.url}/readyz`)).status).toBe(200);

      // The ACL user loses its keys: a refusal no retry fixes, unlike Redis being away.
      await admin.call('ACL', 'SETUSER', 'ga', 'resetkeys', '~unrelated:*');
      const refused = await postCallback(service.url, callback('7100000000000000002'));
      expect(refused.status).toBe(503);
      expect(await refused.json()).toEqual({ error: { code: 'queue_unusable', message: 'internal error' } });
      const ready = await fetch(`${service.url}/readyz`);
      expect(ready.status).toBe(503);
      const { checks } = (await ready.json()) as { checks: Record<string, string> };
      expect(checks.queue).toMatch(/^REDIS_USERNAME: /);
      const metrics = await (await fetch(`${service.url}/metrics`)).text();
      expect(metrics).toContain('wecom_spool_entries 0');
      expect(metrics).toContain('wecom_callbacks_total{result="unavailable"} 1');
      expect(metrics).toContain('wecom_callbacks_total{result="spooled"} 0');
    });
  });
});
