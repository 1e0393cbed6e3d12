import { defineConfig } from 'vitest/config';

// `npm run test:faults`: scenarios with private redis-server and service processes, killed and restarted
// under load. One file at a time: each runs several processes on a small machine. A scenario takes 15-30 s
// on an idle 2-core machine; the bound leaves room for one shared with other work (process starts slow most).
export default defineConfig({
  test: {
    include: ['tests/faults/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    reporters: ['default'],
  },
});
