import { startCluster, stopCluster } from '../../scripts/redis-cluster.mjs';

/**
 * Global setup of vitest.cluster.config.ts: the Redis-backed suites run against the cluster REDIS_CLUSTER_NODES
 * names (.ci/run starts one), or, when it is unset, against a 3-master cluster started here for the run.
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.REDIS_CLUSTER_NODES) return undefined;
  const cluster = await startCluster({ masters: 3 });
  // Set before vitest forks its workers, which inherit it (tests/support/test-service.ts reads it).
  process.env.REDIS_CLUSTER_NODES = cluster.nodes;
  return () => stopCluster(cluster.dir);
}
