import { constants } from 'node:fs';
import { mkdir, open, rename, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

// Each write returns once its data is on disk (O_DSYNC): one system call per burst instead of write + fdatasync.
const DURABLE_APPEND = constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND | constants.O_DSYNC;

/**
 * An append-only file whose appends resolve only once they are on disk (written with O_DSYNC). Appends that
 * arrive while a write is under way wait for it and then share the next write and fsync (group commit), so
 * the cost is one fsync per burst, not per entry. Every file operation runs in one chain: nothing is written
 * into a file while it is being sealed or closed.
 */
export class GroupCommitFile {
  private handle: FileHandle | undefined;
  private pending: Array<{ text: string; done: (error?: Error) => void }> = [];
  private flushScheduled = false;
  private chain: Promise<void> = Promise.resolve();
  private written = false;
  private fsyncs = 0;

  constructor(private readonly path: string) {}

  /** How many synced writes the appends so far took (fewer than appends when they came together). */
  get syncs(): number {
    return this.fsyncs;
  }

  /** Runs `op` after every file operation queued before it. */
  serial<T>(op: () => Promise<T>): Promise<T> {
    const next = this.chain.then(op);
    this.chain = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }

  /** Resolves once `text` is on disk. */
  append(text: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ text, done: (error) => (error ? reject(error) : resolve()) });
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
        await mkdir(dirname(this.path), { recursive: true });
        this.handle = await open(this.path, DURABLE_APPEND, 0o600);
      }
      const bytes = Buffer.from(batch.map((b) => b.text).join(''));
      for (let at = 0; at < bytes.length; ) at += (await this.handle.write(bytes, at)).bytesWritten;
      this.fsyncs++;
      this.written = true;
      for (const b of batch) b.done();
    } catch (error) {
      for (const b of batch) b.done(error as Error);
    }
  }

  /**
   * Closes the file and renames it to `to` (when anything was written to it), so appends after this start a
   * new file at the same path. Resolves whether a file was sealed.
   */
  seal(to: string): Promise<boolean> {
    return this.serial(async () => {
      await this.closeHandle();
      if (!this.written) return false;
      this.written = false;
      await rename(this.path, to);
      return true;
    });
  }

  close(): Promise<void> {
    return this.serial(() => this.closeHandle());
  }

  private async closeHandle(): Promise<void> {
    await this.handle?.close();
    this.handle = undefined;
  }
}
