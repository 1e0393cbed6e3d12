import { configDefaults, defineConfig, type ViteUserConfig } from 'vitest/config';

/** Shared with vitest.cluster.config.ts. */
export const testOptions: NonNullable<ViteUserConfig['test']> = {
  testTimeout: 30_000,
  hookTimeout: 60_000,
  pool: 'forks',
  fileParallelism: true,
  maxWorkers: 2,
  reporters: ['default'],
};

export default defineConfig({
  test: {
    ...testOptions,
    include: ['tests/**/*.test.ts'],
    // Run against a Redis Cluster by vitest.cluster.config.ts (`npm run test:cluster`); the fault scenarios run
    // on their own: `npm run test:faults` (vitest.faults.config.ts).
    exclude: [...configDefaults.exclude, 'tests/cluster/**', 'tests/faults/**'],
  },
});
