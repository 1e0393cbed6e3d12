import { startService, type Service, type ServiceOptions } from '../../src/main.ts';
import { deleteUnder, silentLog, testConfig } from './test-service.ts';

/**
 * A whole service for one test file: its own Redis prefix, spool dir and ports (demo mode unless `keys` are
 * given), silent logs. `stop` closes it and deletes every key it wrote.
 */
export async function startTestService(
  env: Record<string, string> = {},
  options: ServiceOptions = {},
  keys?: Parameters<typeof testConfig>[1],
): Promise<{ service: Service; stop: () => Promise<void> }> {
  const config = testConfig(env, keys);
  const service = await startService(config, { log: silentLog, ...options });
  return {
    service,
    stop: async () => {
      await service.close();
      await deleteUnder(config.redis.prefix);
    },
  };
}
