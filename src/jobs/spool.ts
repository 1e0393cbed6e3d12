import { mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { AppError } from '../errors.ts';
import { join } from 'node:path';
import type { EventJob } from './event-job.ts';
import { GroupCommitFile } from './group-commit-file.ts';
import { jobLines, parseJobLines } from './job-lines.ts';

/**
 * The local spool: callbacks we acknowledged while Redis could not take them. Appends are grouped and
 * fsync'd before the caller's promise resolves, so an acknowledged callback survives a crash.
 * A spool dir belongs to one running process (SPOOL_DIR per process); a restart replays what the last run left.
 */
export class Spool {
  private readonly file: GroupCommitFile;
  private generation = 0;

  constructor(
    private readonly dir: string,
    private readonly instanceId: string,
  ) {
    this.file = new GroupCommitFile(this.activePath());
  }

  private activePath(): string {
    return join(this.dir, `${this.instanceId}.ndjson`);
  }

  /**
   * Takes the spool dir for this process (a pid file). A dir held by another live process is refused:
   * draining files another process is still appending to would lose its acknowledged callbacks.
   * The acknowledgement journal (journal.ts) lives in the same dir under the same claim.
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

  /** Resolves once the entry is on disk (written and fsync'd). Appends arriving together share one fsync. */
  append(entry: EventJob): Promise<void> {
    return this.file.append(jobLines([entry]));
  }

  /** Closes the active file and renames it so drain() can take it while new appends start a fresh file. */
  private async rotate(): Promise<void> {
    await this.file.seal(join(this.dir, `${this.instanceId}.${String(++this.generation).padStart(6, '0')}.ready`));
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
      const entries = parseJobLines(await readFile(path, 'utf8'));
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
      total += parseJobLines(await readFile(join(this.dir, name), 'utf8').catch(() => '')).length;
    }
    return total;
  }

  close(): Promise<void> {
    return this.file.close();
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
