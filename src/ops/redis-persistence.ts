import type { Cluster, Redis } from 'ioredis';
import type { RedisClient } from './redis-client.ts';

/** What a Redis server says about how it keeps writes (read at start-up, see choose-durability.ts). */
export interface RedisPersistence {
  version: string;
  /** Changes with every start of the server: how a restart (and a possibly lost AOF tail) is noticed. */
  runId: string;
  /** INFO persistence `aof_enabled` (the `appendonly` setting in force). */
  aof: boolean;
  /** CONFIG GET appendfsync; undefined where CONFIG is disabled or not permitted (managed Redis). */
  appendfsync: 'always' | 'everysec' | 'no' | undefined;
  /** The server knows WAITAOF (Redis ≥ 7.2). */
  waitAof: boolean;
}

export function infoField(info: string, field: string): string | undefined {
  return new RegExp(`^${field}:(.*)$`, 'm').exec(info)?.[1]?.trim();
}

/** The servers that hold the data: the one server, or every master of a cluster (each keeps its own AOF). */
function servers(redis: RedisClient): Redis[] {
  return redis.isCluster ? (redis as Cluster).nodes('master') : [redis as Redis];
}

/**
 * The server's run id (INFO server); one round trip, for the restart check on every reconnection. On a
 * cluster, the masters' run ids together: a restarted or newly promoted master changes it.
 */
export async function readRunId(redis: RedisClient): Promise<string> {
  const ids = await Promise.all(servers(redis).map(async (server) => infoField(await server.info('server'), 'run_id') ?? ''));
  return ids.sort().join(',');
}

function atLeast(version: string, major: number, minor: number): boolean {
  const [a = 0, b = 0] = version.split('.').map(Number);
  return a > major || (a === major && b >= minor);
}

async function readServer(redis: Redis): Promise<RedisPersistence> {
  const server = await redis.info('server');
  const persistence = await redis.info('persistence');
  const version = infoField(server, 'redis_version') ?? '';
  const appendfsync = await redis
    .call('CONFIG', 'GET', 'appendfsync')
    .then((reply) => {
      const value = Array.isArray(reply) ? String(reply[1] ?? '') : '';
      return value === 'always' || value === 'everysec' || value === 'no' ? value : undefined;
    })
    .catch(() => undefined);
  const waitAof = await redis
    .call('COMMAND', 'INFO', 'WAITAOF')
    .then((reply) => Array.isArray(reply) && reply[0] !== null)
    .catch(() => atLeast(version, 7, 2));
  return { version, runId: infoField(server, 'run_id') ?? '', aof: infoField(persistence, 'aof_enabled') === '1', appendfsync, waitAof };
}

const FSYNC_ORDER = ['no', 'everysec', 'always'] as const;

/** What the server keeps; on a cluster what every master keeps (the weakest setting of any master counts). */
export async function readPersistence(redis: RedisClient): Promise<RedisPersistence> {
  const all = await Promise.all(servers(redis).map(readServer));
  const [first, ...rest] = all;
  if (!first) throw new Error('no Redis server to read the persistence settings of');
  if (rest.length === 0) return first;
  const weakest = all.some((p) => p.appendfsync === undefined)
    ? undefined
    : FSYNC_ORDER[Math.min(...all.map((p) => FSYNC_ORDER.indexOf(p.appendfsync ?? 'no')))];
  return {
    version: all.map((p) => p.version).reduce((low, v) => (atLeast(v, ...majorMinor(low)) ? low : v)),
    runId: all.map((p) => p.runId).sort().join(','),
    aof: all.every((p) => p.aof),
    appendfsync: weakest,
    waitAof: all.every((p) => p.waitAof),
  };
}

function majorMinor(version: string): [number, number] {
  const [a = 0, b = 0] = version.split('.').map(Number);
  return [a, b];
}
