import type { Config } from '../config.ts';
import type { EventIntake } from '../jobs/event-intake.ts';
import { Journal } from '../jobs/journal.ts';
import { startJournalReplayer } from '../jobs/journal-replayer.ts';
import { chooseDurability, type DurabilityChoice } from '../ops/choose-durability.ts';
import type { Logger } from '../ops/logger.ts';
import type { RedisClient } from '../ops/redis-client.ts';
import { readPersistence } from '../ops/redis-persistence.ts';

/** The acknowledgement mode of a web process and what the intake needs for it. */
export interface AckSetup {
  choice: DurabilityChoice;
  runId: string;
  /** The process's journal: written to in journal mode; in any mode, what an earlier run left is replayed. */
  journal: Journal;
  /** Whether the intake journals each callback. */
  journaling: boolean;
  waitAof?: { timeoutMs: number };
}

/**
 * Reads how the server keeps writes, picks the mode (choose-durability.ts) and says so: one warning naming
 * the setting to change when a 200 cannot be durable, one info line otherwise.
 */
export async function setUpAck(config: Config, producer: RedisClient, log: Logger, instanceId: string, now: () => number): Promise<AckSetup> {
  const persistence = await readPersistence(producer);
  const choice = chooseDurability(config.durability.mode, persistence);
  const fields = { mode: choice.mode, requested: config.durability.mode, appendonly: persistence.aof ? 'yes' : 'no', appendfsync: persistence.appendfsync ?? 'unknown' };
  if (choice.warning) log.warn(fields, choice.warning);
  else log.info(fields, 'callbacks are acknowledged once durable');
  return {
    choice,
    runId: persistence.runId,
    journal: new Journal({ dir: config.spool.dir, instanceId, windowMs: config.durability.journalWindowMs, now }),
    journaling: choice.mode === 'journal',
    ...(choice.mode === 'waitaof' ? { waitAof: { timeoutMs: config.durability.waitaofTimeoutMs } } : {}),
  };
}

/**
 * Journal mode: starts the journal's trim and its replay after Redis restarts. Any other mode: replays once what
 * an earlier run in journal mode left (its machine may have died with Redis on everysec). Returns the closers.
 */
export function startAckJournal(ack: AckSetup, intake: EventIntake, producer: RedisClient, config: Config, log: Logger): Array<() => Promise<unknown>> {
  const { journal } = ack;
  const maxAgeMs = config.retention.dedupeTtlSec * 1000;
  if (!ack.journaling) {
    const leftovers = journal
      .replay((entries) => intake.replay(entries), maxAgeMs)
      .then((count) => count > 0 && log.info({ count }, 'replayed the journal an earlier run left'))
      .catch((err: unknown) => log.warn({ err }, 'could not replay the journal an earlier run left; it is kept for the next start'));
    return [() => leftovers];
  }
  const replayer = startJournalReplayer({ journal, intake, redis: producer, runId: ack.runId, log, windowMs: config.durability.journalWindowMs, maxAgeMs });
  return [() => replayer.stop(), () => journal.close()];
}
