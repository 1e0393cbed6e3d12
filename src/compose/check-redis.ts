import type { Config } from '../config.ts';
import { slotGroups, type Keys } from '../conversation/keys.ts';
import { AppError, isAppError } from '../errors.ts';
import { EVENT_QUEUE } from '../jobs/event-job.ts';
import { LIFECYCLE_QUEUE } from '../jobs/lifecycle-jobs.ts';
import { REVIEW_QUEUE } from '../jobs/review-jobs.ts';
import { SUGGEST_QUEUE } from '../jobs/suggest-job.ts';
import { queueUnusable, redisMisconfiguration, type RedisMisconfiguration } from '../ops/redis-fault.ts';
import { connectRedis, describeRedis, isCluster } from './redis-connections.ts';

export const QUEUES = [EVENT_QUEUE, SUGGEST_QUEUE, REVIEW_QUEUE, LIFECYCLE_QUEUE] as const;
const MIN_VERSION = [6, 2];

/**
 * Before the service opens its connections: is the configured Redis one the queue can work on? Fails with one
 * line naming the setting when it is not, for reasons no retry fixes (redis-fault.ts): a cluster node given as
 * REDIS_URL, servers without cluster mode given as REDIS_CLUSTER_NODES, refused credentials, a replica, a
 * server too old, or a cluster refusing a key group (a no-op script over each, keys.ts slotGroups). Nothing
 * answering is reported too, as for one server (ops/ensure-redis.ts). Anything else (a node loading, a
 * failover in progress) is left to the connections' own retries.
 */
export async function checkRedis(config: Pick<Config, 'redis' | 'secrets'>, keys: Keys): Promise<void> {
  const probe = connectRedis(config, 'oneShot');
  // A refusal while connecting (NOAUTH, WRONGPASS) arrives as an error event; connect() only says "closed".
  let lastError: unknown;
  probe.on('error', (error) => (lastError = error));
  const refuse = (found: RedisMisconfiguration, cause?: unknown): never => {
    throw queueUnusable(found, cause);
  };
  const where = isCluster(config) ? 'REDIS_CLUSTER_NODES' : 'REDIS_URL';
  try {
    try {
      await probe.connect();
    } catch (error) {
      const found = redisMisconfiguration(error, probe.isCluster) ?? redisMisconfiguration(lastError, probe.isCluster);
      if (found) refuse(found, error);
      throw new AppError('redis_unreachable', `Redis at ${describeRedis(config)} does not answer (${(error as Error).message})`, { hint: `start Redis or correct ${where}`, cause: error });
    }
    const [server, cluster] = await Promise.all([probe.info('server'), probe.info('cluster')]);
    if (!isCluster(config) && /cluster_enabled:1/.test(cluster)) refuse({ setting: 'REDIS_URL', problem: 'points at a node of a Redis Cluster: name its nodes in REDIS_CLUSTER_NODES instead' });
    const version = /redis_version:([\d.]+)/.exec(server)?.[1] ?? '0';
    const [major = 0, minor = 0] = version.split('.').map(Number);
    if (major < (MIN_VERSION[0] ?? 0) || (major === MIN_VERSION[0] && minor < (MIN_VERSION[1] ?? 0))) refuse({ setting: where, problem: `runs Redis ${version}; the service needs ${MIN_VERSION.join('.')} or later (7 recommended)` });
    for (const group of slotGroups(keys, QUEUES)) await probe.eval('return 1', group.length, ...group);
  } catch (error) {
    if (isAppError(error)) throw error;
    const found = redisMisconfiguration(error, probe.isCluster);
    if (found) refuse(found, error);
  } finally {
    probe.disconnect();
  }
}
