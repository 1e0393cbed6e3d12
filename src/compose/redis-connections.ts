import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import type { Config } from '../config.ts';
import type { RedisClient } from '../ops/redis-client.ts';

/**
 * Every Redis connection of the service is built here, for one server (REDIS_URL) or for a Redis Cluster
 * (REDIS_CLUSTER_NODES) alike, with the options its use needs:
 *
 * - `commands`: the shared connection of the stores and the queues. Retries a command over a short blip.
 *   Commands go out as they are issued (many at once are pipelined on the socket all the same), without the
 *   extra event-loop turn auto-pipelining would add to each of the stores' sequential steps.
 * - `producer`: the callback intake. No offline queue and no retries, so an outage turns into spooling within
 *   `redis.enqueueTimeoutMs` instead of a hung callback. Auto-pipelined: the callbacks of one turn go out as one
 *   write per node (on a cluster a pipeline object may only name keys of one node).
 * - `blocking`: BullMQ workers (which duplicate it for their blocking reads), the inbox pump and the live
 *   subscriber. `maxRetriesPerRequest: null`, which BullMQ requires of a worker's connection (on a cluster in
 *   `redisOptions`, where it checks).
 * - `oneShot`: CLIs and start-up checks: one attempt, no reconnect, connects on first use.
 *
 * A cluster connection gets the password (REDIS_PASSWORD), ACL user (REDIS_USERNAME) and TLS (REDIS_TLS) in
 * `redisOptions`, which ioredis applies to every node it discovers, and `natMap` (REDIS_CLUSTER_NAT_MAP) to
 * translate the addresses nodes announce into ones we reach (NAT, containers).
 */
export type ConnectionRole = 'commands' | 'producer' | 'blocking' | 'oneShot';

type Settings = Pick<Config, 'redis' | 'secrets'>;

const ROLE: Record<ConnectionRole, RedisOptions> = {
  commands: { maxRetriesPerRequest: 3 },
  producer: { maxRetriesPerRequest: 0, connectTimeout: 2000 },
  blocking: { maxRetriesPerRequest: null },
  oneShot: { maxRetriesPerRequest: 1, connectTimeout: 3000 },
};
const PIPELINED: ReadonlySet<ConnectionRole> = new Set(['producer']);

function credentials(settings: Settings): RedisOptions {
  const { username, tls } = settings.redis;
  const password = settings.secrets.redisPassword;
  return { ...(username ? { username } : {}), ...(password ? { password } : {}), ...(tls ? { tls: {} } : {}) };
}

export function isCluster(settings: Pick<Config, 'redis'>): boolean {
  return settings.redis.clusterNodes.length > 0;
}

/** Where the service's Redis is, for log lines and error messages (never with the password). */
export function describeRedis(settings: Pick<Config, 'redis'>): string {
  if (!isCluster(settings)) return `REDIS_URL=${settings.redis.url.replace(/\/\/[^@/]*@/, '//')}`;
  return `REDIS_CLUSTER_NODES=${settings.redis.clusterNodes.map((n) => `${n.host}:${n.port}`).join(',')}`;
}

/**
 * Resolves once the connection can take commands. On a cluster it also opens the connection to every master
 * (ioredis opens them on first use), so a `producer`, which has no offline queue, does not refuse the first
 * callbacks while a node connection is still being made.
 */
export async function whenReady(client: RedisClient): Promise<void> {
  if (client.status !== 'ready') await new Promise<void>((ok) => client.once('ready', () => ok()));
  if (client instanceof Cluster) await Promise.all(client.nodes('master').map((node) => node.ping()));
}

export function connectRedis(settings: Settings, role: ConnectionRole): RedisClient {
  const oneShot = role === 'oneShot';
  const autoPipelining = PIPELINED.has(role);
  if (!isCluster(settings)) {
    return new Redis(settings.redis.url, {
      ...ROLE[role],
      ...credentials(settings),
      ...(role === 'producer' ? { enableOfflineQueue: false } : {}),
      ...(oneShot ? { lazyConnect: true, retryStrategy: () => null } : {}),
      enableAutoPipelining: autoPipelining,
    });
  }
  const options: ClusterOptions = {
    redisOptions: { ...ROLE[role], ...credentials(settings) },
    natMap: settings.redis.natMap,
    // The cluster's own offline queue; the nodes' stay on (ioredis connects them on first use).
    enableOfflineQueue: role !== 'producer',
    enableAutoPipelining: autoPipelining,
    // With TLS the certificates name the nodes' hostnames: connect by the names the cluster gives.
    ...(settings.redis.tls ? { dnsLookup: (address: string, done: (err: Error | null, address: string) => void) => done(null, address) } : {}),
    ...(oneShot ? { lazyConnect: true, clusterRetryStrategy: () => null } : {}),
  };
  return new Cluster(
    settings.redis.clusterNodes.map((n) => ({ host: n.host, port: n.port })),
    options,
  );
}
