import type { RedisClient } from '../ops/redis-client.ts';
import type { Logger } from '../ops/logger.ts';
import type { EventIntake } from './event-intake.ts';
import { singleFlight } from './single-flight.ts';
import type { Spool } from './spool.ts';

/**
 * Drains the spool into the queue whenever Redis is reachable. Entries keep their job ids and dedupe keys,
 * so a callback that also got through (or that WeCom retried) is still processed once.
 */
export function startSpoolReplayer(deps: { spool: Spool; intake: EventIntake; redis: RedisClient; log: Logger; intervalMs: number }): {
  replayNow(): Promise<number>;
  stop(): Promise<void>;
} {
  const { spool, intake, redis, log } = deps;
  const drain = singleFlight(() =>
    spool
      .drain((entries) => intake.replay(entries))
      .then((count) => {
        if (count > 0) log.info({ count }, 'replayed spooled callbacks into the queue');
        return count;
      })
      .catch((error: unknown) => {
        log.warn({ err: error }, 'spool replay interrupted; will retry');
        return 0;
      }),
  );
  const replayNow = (): Promise<number> => (redis.status === 'ready' ? drain.start() : Promise.resolve(0));

  const timer = setInterval(() => void replayNow(), deps.intervalMs);
  timer.unref();
  return {
    replayNow,
    async stop() {
      clearInterval(timer);
      await drain.settled();
    },
  };
}
