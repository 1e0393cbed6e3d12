// npm run bench:durability — the callback path under each durability.mode (README "Durable acknowledgement").
// Every option gets its own private redis-server and service process; they are measured in alternating slices
// (bare Koa, then each option, round after round) so that background load on a shared machine hits all alike.
// Prints per option: the closed-loop throughput and its ratio to bare Koa, then the CPU each callback costs the
// web process and Redis at a fixed rate. The `waitaof` rows need a redis-server >= 7.2: REDIS_72_SERVER=<path>.
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { startRedisChild, type RedisTarget } from '../../src/ops/ensure-redis.ts';
import { signedCallback, textMessageXml } from '../support/callbacks.ts';
import { OFFICIAL_KEYS } from '../support/vectors.ts';
import { closedLoop, fixedRate, type LoadRequest } from './load.ts';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const SLICE = Number(process.env.SLICE ?? 2000);
const RATE = Number(process.env.RATE ?? 500);
const REDIS_72 = process.env.REDIS_72_SERVER;

interface Option {
  name: string;
  mode: string;
  settings: string[];
  binary?: string;
}
const OPTIONS: Option[] = [
  { name: 'off (everysec)', mode: 'off', settings: [] },
  { name: 'journal (everysec)', mode: 'journal', settings: [] },
  { name: 'always', mode: 'always', settings: ['--appendfsync', 'always'] },
  ...(REDIS_72
    ? [
        { name: 'waitaof (7.2, always)', mode: 'waitaof', settings: ['--appendfsync', 'always'], binary: REDIS_72 },
        { name: 'waitaof (7.2, everysec)', mode: 'waitaof', settings: [], binary: REDIS_72 },
      ]
    : []),
];

const children: ChildProcess[] = [];
const dir = mkdtempSync(join(tmpdir(), 'ga-durability-bench-'));

async function serve(mode: 'full' | 'bare', prefix: string, env: Record<string, string> = {}): Promise<{ url: string; pid: number }> {
  const child = fork(new URL('./serve-callback.ts', import.meta.url).pathname, [mode, prefix], { execArgv: ['--import', 'tsx'], stdio: 'inherit', env: { ...process.env, ...env } });
  children.push(child);
  const url = await new Promise<string>((ok) => child.once('message', (m) => ok((m as { url: string }).url)));
  return { url, pid: child.pid ?? 0 };
}

/** A redis-server child; `binary` replaces the one on PATH (for the 7.2 rows). */
async function redisFor(option: Option, index: number): Promise<RedisTarget> {
  const path = process.env.PATH ?? '';
  if (option.binary) process.env.PATH = `${join(option.binary, '..')}:${path}`;
  try {
    return await startRedisChild(join(dir, String(index)), undefined, option.settings);
  } finally {
    process.env.PATH = path;
  }
}

let batch = 10;
function callbacks(count: number): LoadRequest[] {
  const now = Math.floor(Date.now() / 1000);
  const salt = String(batch++);
  return Array.from({ length: count }, (_, i) => {
    const cb = signedCallback(OFFICIAL_KEYS, textMessageXml(OFFICIAL_KEYS.corpId, `${salt}${String(i).padStart(9, '0')}`, '您好，请问这款羊绒大衣有M码吗？周末想到店试一下。'), now);
    return { path: `/wecom/callback?${cb.query}`, body: cb.body };
  });
}

/** CPU seconds (user + system) a process has used so far (Linux). */
function cpuOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function redisCpu(client: Redis): Promise<number> {
  const info = await client.info('cpu');
  const field = (name: string): number => Number(new RegExp(`^${name}:(.*)$`, 'm').exec(info)?.[1] ?? 0);
  return field('used_cpu_user') + field('used_cpu_sys');
}

const prefix = `bench:${randomUUID().slice(0, 8)}:`;
const redises: RedisTarget[] = [];
try {
  const running = [];
  for (const [i, option] of OPTIONS.entries()) {
    const redis = await redisFor(option, i);
    redises.push(redis);
    const server = await serve('full', prefix, { REDIS_URL: redis.url, DURABILITY_MODE: option.mode });
    running.push({ option, server, client: new Redis(redis.url), seconds: 0, count: 0, serviceCpu: 0, redisCpu: 0, paced: 0, p99: [] as number[] });
  }
  const bare = await serve('bare', prefix);
  const body = callbacks(1)[0]!;
  for (const r of running) await closedLoop(r.server.url, callbacks(1000), 20); // warm-up
  await closedLoop(bare.url, Array.from({ length: 1000 }, () => body), 20);
  let bareSeconds = 0;
  let bareCount = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const b = await closedLoop(bare.url, Array.from({ length: SLICE }, () => body), 50);
    bareSeconds += b.count / b.rps;
    bareCount += b.count;
    for (const r of running) {
      const slice = await closedLoop(r.server.url, callbacks(r.option.mode === 'waitaof' && r.option.settings.length === 0 ? SLICE / 10 : SLICE), 50);
      r.seconds += slice.count / slice.rps;
      r.count += slice.count;
    }
  }
  for (let round = 0; round < 2; round++) {
    for (const r of running) {
      const cpu0 = cpuOf(r.server.pid);
      const redis0 = await redisCpu(r.client);
      const paced = await fixedRate(r.server.url, callbacks(SLICE), RATE);
      r.serviceCpu += cpuOf(r.server.pid) - cpu0;
      r.redisCpu += (await redisCpu(r.client)) - redis0;
      r.paced += paced.count;
      r.p99.push(paced.p99);
    }
  }
  const bareRps = bareCount / bareSeconds;
  console.log(`bare Koa POST, 50 connections: ${bareRps.toFixed(0)} req/s`);
  for (const r of running) {
    const rps = r.count / r.seconds;
    const us = (s: number): string => ((s / r.paced) * 1e6).toFixed(0);
    console.log(
      `${r.option.name.padEnd(24)} ${rps.toFixed(0).padStart(5)} req/s  ratio ${(rps / bareRps).toFixed(3)}  ` +
        `CPU per callback at ${RATE}/s: ${us(r.serviceCpu)} µs web, ${us(r.redisCpu)} µs Redis; p99 ${Math.max(...r.p99).toFixed(1)} ms`,
    );
    r.client.disconnect();
  }
} finally {
  for (const child of children) child.kill('SIGKILL');
  for (const redis of redises) redis.child?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
}
