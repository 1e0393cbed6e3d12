import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildServer } from '../../scripts/build-server.mjs';
import { deleteUnder, REDIS_URL } from '../support/test-service.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const round = (n: number, d = 0): number => Number(n.toFixed(d));
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Resident set of a process in MB (Linux /proc). */
function rssMb(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return kb / 1024;
}

/**
 * One start of the demo (no WeCom credentials, worker in the process, like `npm start`): ms from spawn to the
 * "guide assistant started" log line, and the resident memory once the start-up work has settled.
 */
async function startOnce(args: string[], settleMs: number): Promise<{ ms: number; rssMb: number }> {
  const prefix = `bench:start:${randomUUID().slice(0, 8)}:`;
  const spoolDir = mkdtempSync(join(tmpdir(), 'ga-start-spool-'));
  const env: Record<string, string | undefined> = { ...process.env, PORT: '0', HOST: '127.0.0.1', REDIS_URL, REDIS_PREFIX: prefix, SPOOL_DIR: spoolDir, LOG_LEVEL: 'info', DEMO_EMULATOR_PORT: '0' };
  for (const key of Object.keys(env)) if (key.startsWith('WECOM_') || key === 'CONFIG_FILE') delete env[key];
  const began = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const ms = await new Promise<number>((ok, fail) => {
      let output = '';
      const timer = setTimeout(() => fail(new Error(`no start within 60 s:\n${output.slice(-2000)}`)), 60_000);
      const read = (chunk: Buffer): void => {
        output += chunk.toString();
        if (output.includes('"guide assistant started"')) {
          clearTimeout(timer);
          ok(performance.now() - began);
        }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.once('exit', (code) => fail(new Error(`exited with ${code}:\n${output.slice(-2000)}`)));
    });
    await new Promise((r) => setTimeout(r, settleMs));
    return { ms, rssMb: rssMb(child.pid ?? 0) };
  } finally {
    await new Promise<void>((ok) => {
      if (child.exitCode !== null) return ok();
      child.once('exit', () => ok());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
    await deleteUnder(prefix);
    rmSync(spoolDir, { recursive: true, force: true });
  }
}

/**
 * `npm start` (the sources through the tsx loader) against `npm run start:prod` (dist/main.js, compiled by
 * scripts/build-server.mjs): start-up time and resident memory of the demo, median of `runs` starts each.
 */
export async function benchStartup(runs = 3, settleMs = 2000): Promise<{ startup_ms_tsx: number; startup_ms_prod: number; rss_mb_tsx: number; rss_mb_prod: number }> {
  const { main } = await buildServer({ quiet: true });
  const measure = async (args: string[]) => {
    const all = [];
    for (let i = 0; i < runs; i++) all.push(await startOnce(args, settleMs));
    return { ms: median(all.map((r) => r.ms)), rssMb: median(all.map((r) => r.rssMb)) };
  };
  const tsx = await measure(['--import', 'tsx', 'src/main.ts']);
  const prod = await measure(['--enable-source-maps', main]);
  console.log(`start-up, demo: tsx ${tsx.ms.toFixed(0)} ms / ${tsx.rssMb.toFixed(0)} MB RSS; compiled ${prod.ms.toFixed(0)} ms / ${prod.rssMb.toFixed(0)} MB RSS`);
  return { startup_ms_tsx: round(tsx.ms), startup_ms_prod: round(prod.ms), rss_mb_tsx: round(tsx.rssMb, 1), rss_mb_prod: round(prod.rssMb, 1) };
}

