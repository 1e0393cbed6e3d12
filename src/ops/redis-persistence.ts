import type { Redis } from 'ioredis';

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

/** The server's run id (INFO server); one round trip, for the restart check on every reconnection. */
export async function readRunId(redis: Redis): Promise<string> {
  return infoField(await redis.info('server'), 'run_id') ?? '';
}

function atLeast(version: string, major: number, minor: number): boolean {
  const [a = 0, b = 0] = version.split('.').map(Number);
  return a > major || (a === major && b >= minor);
}

export async function readPersistence(redis: Redis): Promise<RedisPersistence> {
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
