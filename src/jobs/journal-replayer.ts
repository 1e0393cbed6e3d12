import type { Logger } from '../ops/logger.ts';
import type { RedisClient } from '../ops/redis-client.ts';
import { readRunId } from '../ops/redis-persistence.ts';
import type { EventIntake } from './event-intake.ts';
import type { Journal } from './journal.ts';
import { singleFlight } from './single-flight.ts';

export interface JournalReplayerDeps {
  journal: Journal;
  intake: EventIntake;
  /** The producer connection: its `ready` after a reconnection is where a restarted server shows. */
  redis: RedisClient;
  /** The server's run id when this process started. */
  runId: string;
  log: Logger;
  windowMs: number;
  /** The dedupe window: older entries are not replayed (see Journal.replay). */
  maxAgeMs: number;
}

/**
 * Keeps the journal to its window and replays it (a) once at start, for what a previous run left, and (b)
 * whenever the producer reconnects to a server with a new run id: a restarted Redis (or a promoted replica)
 * may have come back without its last unsynced writes. The dedupe script adds back only what is missing.
 * A reconnection to the same server (a network blip) loses nothing and replays nothing.
 */
export function startJournalReplayer(deps: JournalReplayerDeps): { replayNow(): Promise<number>; stop(): Promise<void> } {
  const { journal, intake, redis, log } = deps;
  let runId = deps.runId;
  let owed = true;
  const replay = singleFlight(() =>
    journal
      .replay((entries) => intake.replay(entries), deps.maxAgeMs)
      .then((count) => {
        owed = false;
        if (count > 0) log.info({ count }, 'replayed the durability journal through the dedupe script');
        return count;
      })
      .catch((error: unknown) => {
        log.warn({ err: error }, 'journal replay interrupted; will retry when Redis is back');
        return 0;
      }),
  );
  const replayNow = (): Promise<number> => replay.start();

  const onReady = (): void => {
    void (async () => {
      const current = await readRunId(redis);
      if (current && current !== runId) {
        log.warn({ previous: runId, current }, 'Redis restarted: replaying the durability journal');
        runId = current;
        owed = true;
      }
      if (!owed) return;
      await replay.settled(); // a replay that began before this restart does not count
      await replayNow();
    })().catch((error: unknown) => log.warn({ err: error }, 'could not read the Redis run id'));
  };
  // A cluster reconnects each master on its own: a new node connection is where a restarted master shows.
  const events = redis.isCluster ? ['ready', '+node'] : ['ready'];
  for (const event of events) redis.on(event, onReady);
  const trim = setInterval(() => void journal.trim().catch((error: unknown) => log.warn({ err: error }, 'journal trim failed')), Math.max(1, Math.floor(deps.windowMs / 2)));
  trim.unref();
  void replayNow();
  return {
    replayNow,
    async stop() {
      clearInterval(trim);
      for (const event of events) redis.off(event, onReady);
      await replay.settled();
    },
  };
}
