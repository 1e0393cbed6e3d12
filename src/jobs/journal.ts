import { readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { EventJob } from './event-job.ts';
import { GroupCommitFile } from './group-commit-file.ts';
import { jobLines, parseJobLines } from './job-lines.ts';

export interface JournalOptions {
  /** The spool dir: one process's (Spool.claimDir), so no other live process touches these files. */
  dir: string;
  instanceId: string;
  /** How long an entry is kept at least: longer than Redis can hold a write before its AOF fsync. */
  windowMs: number;
  now: () => number;
}

const SUFFIX = '.journal';

/**
 * The acknowledgement journal (durability.mode journal): every callback the intake hands to Redis is also
 * appended here and fsync'd before the 200, one fsync for all the callbacks that arrive together. Redis with
 * `appendfsync everysec` may lose its last second of writes when the machine dies; after a Redis restart the
 * journal's entries go through the intake's dedupe script again, which adds back exactly the ones Redis lost.
 *
 * Only the window Redis might not have fsync'd is kept: the active segment is sealed every windowMs / 2 and a
 * sealed segment is deleted windowMs after it was sealed, so every entry stays at least windowMs.
 */
export class Journal {
  private readonly file: GroupCommitFile;
  private sealed: Array<{ path: string; at: number }> = [];
  private generation = 0;
  /** Trim and replay take turns: neither deletes a file the other is reading. */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: JournalOptions) {
    this.file = new GroupCommitFile(this.activePath());
  }

  private activePath(): string {
    return join(this.options.dir, `${this.options.instanceId}${SUFFIX}`);
  }

  /** Synced writes of the journal so far (one per burst of appends). */
  get syncs(): number {
    return this.file.syncs;
  }

  /** Resolves once the entries are on disk. */
  append(entries: readonly EventJob[]): Promise<void> {
    return entries.length === 0 ? Promise.resolve() : this.file.append(jobLines(entries));
  }

  private exclusive<T>(op: () => Promise<T>): Promise<T> {
    const next = this.turn.then(op);
    this.turn = next.catch(() => undefined);
    return next;
  }

  private async seal(): Promise<void> {
    const path = join(this.options.dir, `${this.options.instanceId}.${String(++this.generation).padStart(6, '0')}${SUFFIX}`);
    if (await this.file.seal(path)) this.sealed.push({ path, at: this.options.now() });
  }

  /** Seals the active segment and deletes the sealed ones past the window; resolves how many were deleted. */
  trim(): Promise<number> {
    return this.exclusive(async () => {
      await this.seal();
      const cutoff = this.options.now() - this.options.windowMs;
      const expired = this.sealed.filter((s) => s.at <= cutoff);
      this.sealed = this.sealed.filter((s) => s.at > cutoff);
      await Promise.all(expired.map((s) => unlink(s.path).catch(ignoreMissing)));
      return expired.length;
    });
  }

  /**
   * Hands every journaled entry to `replay`: this run's and what an earlier run of this process left (a crash
   * of the whole machine leaves both Redis's lost second and this journal behind). `replay` is expected to
   * journal what it hands to Redis again, so a file is deleted once `replay` resolved for its entries.
   * Entries older than `maxAgeMs` are dropped: their dedupe markers would have expired, so Redis could not
   * tell them from new callbacks.
   */
  replay(replay: (entries: EventJob[]) => Promise<void>, maxAgeMs: number): Promise<number> {
    return this.exclusive(async () => {
      await this.seal();
      const oldest = this.options.now() - maxAgeMs;
      let count = 0;
      for (const path of await this.segments()) {
        const entries = parseJobLines(await readFile(path, 'utf8')).filter((e) => e.receivedAt >= oldest);
        await replay(entries);
        await unlink(path).catch(ignoreMissing);
        this.sealed = this.sealed.filter((s) => s.path !== path);
        count += entries.length;
      }
      return count;
    });
  }

  /** Every segment but the active one, oldest first. */
  private async segments(): Promise<string[]> {
    let names: string[];
    try {
      names = (await readdir(this.options.dir)).filter((f) => f.endsWith(SUFFIX));
    } catch (error) {
      ignoreMissing(error);
      return [];
    }
    const paths = names.map((n) => join(this.options.dir, n)).filter((p) => p !== this.activePath());
    const dated = await Promise.all(paths.map(async (path) => ({ path, at: (await stat(path)).mtimeMs })));
    return dated.sort((a, b) => a.at - b.at || a.path.localeCompare(b.path)).map((d) => d.path);
  }

  close(): Promise<void> {
    return this.file.close();
  }
}

function ignoreMissing(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
}
