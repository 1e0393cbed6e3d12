import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureRedis } from '../../src/ops/ensure-redis.ts';
import { stopChild } from '../faults/support/service-process.ts';
import { deleteUnder, REDIS_URL } from '../support/test-service.ts';

async function unusedPort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

describe('ensureRedis', () => {
  it('uses a Redis that answers and starts nothing', async () => {
    const target = await ensureRedis(REDIS_URL, true, true);
    expect(target).toEqual({ url: REDIS_URL });
  });

  it('explains in one line when an explicit REDIS_URL does not answer', async () => {
    const url = `redis://127.0.0.1:${await unusedPort()}`;
    await expect(ensureRedis(url, true, true)).rejects.toThrow(`Redis at ${url} does not answer: start Redis or set REDIS_URL to a reachable server.`);
  });

  it('starts a local redis-server child when REDIS_URL is unset and nothing answers', async () => {
    const target = await ensureRedis(`redis://127.0.0.1:${await unusedPort()}`, false, true);
    try {
      expect(target.child?.pid).toBeGreaterThan(0);
      expect(target.url).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
      expect(await ensureRedis(target.url, true, true)).toEqual({ url: target.url });
    } finally {
      target.child?.kill();
    }
  });
});

describe('npm start', () => {
  it('starts in demo mode, answers, and exits cleanly on SIGTERM', async () => {
    const port = await unusedPort();
    const prefix = `test:start${port}:`;
    const spoolDir = mkdtempSync(join(tmpdir(), 'spool-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1', REDIS_URL, REDIS_PREFIX: prefix, SPOOL_DIR: spoolDir, DEMO_EMULATOR_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      child.stdout.on('data', (d) => (out += String(d)));
      child.stderr.on('data', (d) => (out += String(d)));
      for (let i = 0; i < 400 && !out.includes('guide assistant started'); i++) await new Promise((r) => setTimeout(r, 50));
      expect(out).toContain('"mode":"demo"');
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      const code = await new Promise<number | null>((ok) => {
        child.once('exit', (c) => ok(c));
        child.kill('SIGTERM');
      });
      expect(code).toBe(0);
      expect(out).toContain('shutting down');
    } finally {
      await stopChild(child, 'SIGKILL');
      await deleteUnder(prefix);
      rmSync(spoolDir, { recursive: true, force: true });
    }
  });

  it('refuses to start with one message listing every configuration problem', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env.PATH, PORT: 'x', WECOM_CORP_ID: 'ww1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => (err += String(d)));
    const code = await new Promise<number | null>((ok) => child.once('exit', (c) => ok(c)));
    expect(code).toBe(1);
    expect(err).toContain('Invalid configuration:');
    expect(err).toContain('PORT (server.port)');
    expect(err).toContain('WECOM_TOKEN is required');
  });
});

describe('npm start when something is in the way', () => {
  it('exits with one line naming the problem when the port is taken', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const { port } = blocker.address() as { port: number };
    const prefix = `test:busy${port}:`;
    const spoolDir = mkdtempSync(join(tmpdir(), 'spool-'));
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        env: { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1', REDIS_URL, REDIS_PREFIX: prefix, SPOOL_DIR: spoolDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let err = '';
      child.stderr.on('data', (d) => (err += String(d)));
      const code = await new Promise<number | null>((ok) => child.once('exit', (c) => ok(c)));
      expect(code).toBe(1);
      expect(err).toMatch(/^Could not start: .*EADDRINUSE/m);
    } finally {
      blocker.close();
      await deleteUnder(prefix);
      rmSync(spoolDir, { recursive: true, force: true });
    }
  });
});
