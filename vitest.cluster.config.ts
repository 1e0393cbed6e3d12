import { defineConfig } from 'vitest/config';
import { testOptions } from './vitest.config.ts';

/**
 * `npm run test:cluster`: the Redis-backed suites again, against a 3-master Redis Cluster (REDIS_CLUSTER_NODES,
 * or one started for the run by tests/support/cluster-setup.ts), plus the tests only a cluster can run. The
 * rest of the suite (the engine, the pages, the browser) does not touch Redis and runs once, in `npm test`.
 */
export const CLUSTER_SUITES = [
  'tests/conversation/store-contract.test.ts',
  'tests/conversation/group-store.test.ts',
  'tests/suggestions/stores.test.ts',
  'tests/wecom/seen-ids.test.ts',
  'tests/wecom/api/access-token.test.ts',
  'tests/wecom/api/message-endpoints.test.ts',
  'tests/wecom/api/kf-sync.test.ts',
  'tests/jobs/inbox-pump.test.ts',
  'tests/jobs/queue-bounds.test.ts',
  'tests/jobs/message-order.test.ts',
  'tests/jobs/wecom-flows.test.ts',
  'tests/jobs/no-repeated-sends.test.ts',
  'tests/http/callback-route.test.ts',
  'tests/http/review-api.test.ts',
  'tests/http/guide-api.test.ts',
  'tests/http/auth.test.ts',
  'tests/http/live.test.ts',
  'tests/lifecycle/rules.test.ts',
  'tests/lifecycle/schedule.test.ts',
  'tests/lifecycle/lifecycle-api.test.ts',
  'tests/archive/pull-archive.test.ts',
  'tests/archive/archive-flow.test.ts',
  'tests/archive/archive-consent.test.ts',
  'tests/cluster/**/*.test.ts',
];

export default defineConfig({ test: { ...testOptions, include: CLUSTER_SUITES, globalSetup: ['tests/support/cluster-setup.ts'] } });
