import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRedisChild } from '../../../src/ops/ensure-redis.ts';
import { stopChild } from './service-process.ts';

/**
 * A redis-server of one scenario on a free port, with its AOF (appendonly yes, appendfsync everysec) in a
 * temp dir: the shared Redis is never touched, and the whole server goes away with the scenario.
 */
export interface PrivateRedis {
  url: string;
  dir: string;
  /** A clean stop (SIGTERM: Redis writes and fsyncs its AOF, then exits). */
  stop(): Promise<void>;
  /** kill -9 of the process: what Redis had written to the OS stays in the AOF file, nothing else. */
  kill9(): Promise<void>;
  /** Starts again on the same port from what is in the dir. */
  start(): Promise<void>;
  /** Stops the server and removes its dir. */
  close(): Promise<void>;
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'ga-faults-redis-'));
  const first = await startRedisChild(dir);
  let child: ChildProcess | undefined = first.child;
  const port = Number(new URL(first.url).port);
  const end = async (signal: NodeJS.Signals): Promise<void> => {
    if (child) await stopChild(child, signal);
    child = undefined;
  };
  return {
    url: first.url,
    dir,
    stop: () => end('SIGTERM'),
    kill9: () => end('SIGKILL'),
    async start() {
      if (child) throw new Error('redis-server is already running');
      child = (await startRedisChild(dir, port)).child;
    },
    async close() {
      await end('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
