import { mkdir, open, readdir, readFile, rename, unlink, writeFile, type FileHandle } from 'node:fs/promises';
import { AppError } from '../errors.ts';
import { join } from 'node:path';
import type { EventJob } from './event-job.ts';

/**
 * The local spool: callbacks we acknowledged while Redis could not take them. Appends are grouped and
 * fsync'd before the caller's promise resolves, so an acknowledged callback survives a crash.
 * A spool dir belongs to one running process (SPOOL_DIR per process); a restart replays what the last run left.
 */
export class Spool {
  private handle: FileHandle | undefined;
  private pending: Array<{ line: string; done: (error?: Error) => void }> = [];
  private flushScheduled = false;
  /** Serializes every file operation (grouped writes, rotation, close): no write lands in a file being drained. */
  private chain: Promise<void> = Promise.resolve();
  private generation = 0;

  constructor(
    private readonly dir: string,
    private readonly instanceId: string,
  ) {}

  private activePath(): string {
    return join(this.dir, `${this.instanceId}.ndjson`);
  }

  /**
   * Takes the spool dir for this process (a pid file). A dir held by another live process is refused:
   * draining files another process is still appending to would lose its acknowledged callbacks.
   */
  async claimDir(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const lock = join(this.dir, 'owner.pid');
    const holder = Number((await readFile(lock, 'utf8').catch(() => '')).trim());
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new AppError('spool_dir_in_use', `spool dir ${this.dir} belongs to running process ${holder}`, {
        hint: 'give each web process its own SPOOL_DIR',
      });
    }
    await writeFile(lock, String(process.pid));
  }

  private serial(op: () => Promise<void>): Promise<void> {
    const next = this.chain.then(op);
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** Resolves once the entry is on disk (written and fsync'd). Appends arriving together share one fsync. */
  append(entry: EventJob): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ line: `${JSON.stringify(entry)}\n`, done: (error) => (error ? reject(error) : resolve()) });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        void this.serial(() => this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    this.flushScheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    try {
      if (!this.handle) {
        await mkdir(this.dir, { recursive: true });
        this.handle = await open(this.activePath(), 'a');
      }
      await this.handle.write(batch.map((b) => b.line).join(''));
      await this.handle.datasync();
      for (const b of batch) b.done();
    } catch (error) {
      for (const b of batch) b.done(error as Error);
    }
  }

  /** Closes the active file and renames it so drain() can take it while new appends start a fresh file. */
  private rotate(): Promise<void> {
    return this.serial(async () => {
      if (!this.handle) return;
      await this.handle.close();
      this.handle = undefined;
      await rename(this.activePath(), join(this.dir, `${this.instanceId}.${String(++this.generation).padStart(6, '0')}.ready`));
    });
  }

  /**
   * Replays every spooled entry in order: this run's, and any a previous run of this process left behind.
   * A file is deleted only after `replay` resolved for all its entries.
   */
  async drain(replay: (entries: EventJob[]) => Promise<void>): Promise<number> {
    await this.rotate();
    let count = 0;
    for (const name of await this.listFiles()) {
      if (join(this.dir, name) === this.activePath()) continue;
      const path = join(this.dir, name);
      const entries = parseLines(await readFile(path, 'utf8'));
      await replay(entries);
      await unlink(path);
      count += entries.length;
    }
    return count;
  }

  private async listFiles(): Promise<string[]> {
    try {
      return (await readdir(this.dir)).filter((f) => /\.(ndjson|ready)$/.test(f)).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  /** Number of entries waiting on disk (for metrics and readiness). */
  async size(): Promise<number> {
    let total = 0;
    for (const name of await this.listFiles()) {
      total += parseLines(await readFile(join(this.dir, name), 'utf8').catch(() => '')).length;
    }
    return total;
  }

  close(): Promise<void> {
    return this.serial(async () => {
      await this.handle?.close();
      this.handle = undefined;
    });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A torn last line (crash mid-write, never acknowledged) is skipped. */
function parseLines(text: string): EventJob[] {
  const entries: EventJob[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      entries.push(JSON.parse(line) as EventJob);
    } catch {
      // not fsync'd, so never acknowledged
    }
  }
  return entries;
}
