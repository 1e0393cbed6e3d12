import { defineConfig } from 'vitest/config';

// `npm run test:faults`: scenarios with private redis-server and service processes, killed and restarted
// under load. One file at a time: each runs several processes on a small machine.
export default defineConfig({
  test: {
    include: ['tests/faults/**/*.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    reporters: ['default'],
  },
});
