import { Worker } from 'node:worker_threads';
import { AppError } from '../../../errors.ts';

/**
 * A few worker threads running rsa-worker.mjs. Started on the first request (a ring loaded only to check
 * the key files starts none) and unref'd, so an idle pool never keeps the process alive.
 */
export interface RsaPool {
  /** The random key, or a rejection with the worker's reason (wrong key: bad padding); a thread that died is an AppError. */
  decrypt(version: number, encryptedBase64: string): Promise<Buffer>;
  close(): Promise<void>;
}

interface Pending {
  resolve: (key: Buffer) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
}

const WORKER = new URL('./rsa-worker.mjs', import.meta.url);

export function createRsaPool(pems: ReadonlyMap<number, string>, size: number): RsaPool {
  const threads: Thread[] = [];
  let nextId = 0;

  function start(): Thread {
    const worker = new Worker(WORKER, { workerData: { pems: [...pems] } });
    worker.unref();
    const thread: Thread = { worker, pending: new Map() };
    worker.on('message', (answer: { id: number; key?: Uint8Array; error?: string }) => {
      const waiting = thread.pending.get(answer.id);
      thread.pending.delete(answer.id);
      if (thread.pending.size === 0) worker.unref();
      if (answer.key) waiting?.resolve(Buffer.from(answer.key));
      else waiting?.reject(new Error(answer.error ?? 'RSA worker failed'));
    });
    const fail = (error: AppError) => {
      for (const waiting of thread.pending.values()) waiting.reject(error);
      thread.pending.clear();
      const at = threads.indexOf(thread);
      if (at >= 0) threads.splice(at, 1);
    };
    const gone = (why: string) =>
      fail(new AppError('archive_rsa_worker_failed', `an RSA worker thread ${why}`, { status: 503, hint: 'the next pull starts a new one; if it keeps failing, check the memory limits of the worker process' }));
    worker.on('error', (error) => gone(`failed: ${error.message}`));
    worker.on('exit', (code) => gone(`exited with ${code}`));
    threads.push(thread);
    return thread;
  }

  /** The least busy thread, or a new one while the pool is not full. */
  function pick(): Thread {
    const idle = threads.find((t) => t.pending.size === 0);
    if (idle) return idle;
    if (threads.length < Math.max(1, size)) return start();
    return threads.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
  }

  return {
    decrypt(version, encryptedBase64) {
      const thread = pick();
      const id = nextId++;
      return new Promise((resolve, reject) => {
        thread.pending.set(id, { resolve, reject });
        thread.worker.ref();
        // A worker thread port, not window.postMessage: there is no origin to give.
        // oxlint-disable-next-line unicorn/require-post-message-target-origin
        thread.worker.postMessage({ id, version, encrypted: encryptedBase64 });
      });
    },
    async close() {
      await Promise.all(threads.splice(0).map((t) => t.worker.terminate()));
    },
  };
}
