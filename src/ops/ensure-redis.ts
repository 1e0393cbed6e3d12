import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { Redis, ReplyError } from 'ioredis';

export interface RedisTarget {
  url: string;
  /** The redis-server child we started, if any (stopped on shutdown). */
  child?: ChildProcess;
}

/** A server answers: PONG, or a refusal (NOAUTH and the like, which start-up then names: compose/check-redis.ts). */
async function answers(url: string): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 1000, retryStrategy: () => null });
  // A refusal while connecting (NOAUTH) arrives as an error event, and the connect itself only says "closed".
  let refused = false;
  probe.on('error', (error) => (refused ||= error instanceof ReplyError));
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch (error) {
    return refused || error instanceof ReplyError;
  } finally {
    probe.disconnect();
  }
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

export function hasRedisServer(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * Starts a redis-server child on a free port with AOF under `dir`, and waits until it answers. `settings`
 * come last, so they override the defaults (e.g. `--appendfsync always`).
 */
export async function startRedisChild(dir: string, fixedPort?: number, settings: readonly string[] = []): Promise<RedisTarget> {
  mkdirSync(dir, { recursive: true });
  const port = fixedPort ?? (await freePort());
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', resolve(dir), '--appendonly', 'yes', '--appendfsync', 'everysec', '--save', '', '--maxmemory-policy', 'noeviction', ...settings],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (await answers(url)) return { url, child };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill();
  throw new Error(`redis-server did not start on port ${port}`);
}

/**
 * Redis for `npm start`: the configured URL if it answers; otherwise, when REDIS_URL was not set and the
 * binary exists, a child redis-server under ./var/redis. Otherwise one line saying what to do.
 */
export async function ensureRedis(url: string, explicit: boolean, startLocal: boolean): Promise<RedisTarget> {
  if (await answers(url)) return { url };
  if (explicit || !startLocal) throw new Error(`Redis at ${url} does not answer: start Redis or set REDIS_URL to a reachable server.`);
  if (!hasRedisServer()) {
    throw new Error('No Redis answers on 127.0.0.1:6379 and redis-server is not installed: install Redis 7 (apt-get install redis-server) or set REDIS_URL.');
  }
  // As docker-compose.yml runs it: every reply fsync'd, so a 200 to a callback is on disk (README "Durable acknowledgement").
  return startRedisChild('var/redis', undefined, ['--appendfsync', 'always']);
}
