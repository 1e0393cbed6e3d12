import type { Redis } from 'ioredis';
import type { Config } from '../config.ts';
import type { EventIntake } from '../jobs/event-intake.ts';
import { Journal } from '../jobs/journal.ts';
import { startJournalReplayer } from '../jobs/journal-replayer.ts';
import { chooseDurability, type DurabilityChoice } from '../ops/choose-durability.ts';
import type { Logger } from '../ops/logger.ts';
import { readPersistence } from '../ops/redis-persistence.ts';

/** The acknowledgement mode of a web process and what the intake needs for it. */
export interface AckSetup {
  choice: DurabilityChoice;
  runId: string;
  journal?: Journal;
  waitAof?: { timeoutMs: number };
}

/**
 * Reads how the server keeps writes, picks the mode (choose-durability.ts) and says so: one warning naming
 * the setting to change when a 200 cannot be durable, one info line otherwise.
 */
export async function setUpAck(config: Config, producer: Redis, log: Logger, instanceId: string, now: () => number): Promise<AckSetup> {
  const persistence = await readPersistence(producer);
  const choice = chooseDurability(config.durability.mode, persistence);
  const fields = { mode: choice.mode, requested: config.durability.mode, appendonly: persistence.aof ? 'yes' : 'no', appendfsync: persistence.appendfsync ?? 'unknown' };
  if (choice.warning) log.warn(fields, choice.warning);
  else log.info(fields, 'callbacks are acknowledged once durable');
  return {
    choice,
    runId: persistence.runId,
    ...(choice.mode === 'journal' ? { journal: new Journal({ dir: config.spool.dir, instanceId, windowMs: config.durability.journalWindowMs, now }) } : {}),
    ...(choice.mode === 'waitaof' ? { waitAof: { timeoutMs: config.durability.waitaofTimeoutMs } } : {}),
  };
}

/** Starts the journal's trim and replay (journal mode only); returns what to close on shutdown. */
export function startAckJournal(ack: AckSetup, intake: EventIntake, producer: Redis, config: Config, log: Logger): Array<() => Promise<unknown>> {
  const journal = ack.journal;
  if (!journal) return [];
  const replayer = startJournalReplayer({
    journal,
    intake,
    redis: producer,
    runId: ack.runId,
    log,
    windowMs: config.durability.journalWindowMs,
    maxAgeMs: config.retention.dedupeTtlSec * 1000,
  });
  return [() => replayer.stop(), () => journal.close()];
}
