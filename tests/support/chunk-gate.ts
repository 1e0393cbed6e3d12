/**
 * Holds a streamed answer between chunks: `gate` goes into a fake model step, the test opens the pieces
 * one at a time (`open(i)` lets pieces up to i through) and so knows what the client has seen.
 */
export interface ChunkGate {
  gate: (index: number) => Promise<unknown>;
  open: (upTo: number) => void;
  openAll: () => void;
}

export function chunkGate(): ChunkGate {
  let opened = -1;
  const waiting = new Map<number, () => void>();
  const release = (): void => {
    for (const [i, resolve] of waiting) {
      if (i <= opened) {
        waiting.delete(i);
        resolve();
      }
    }
  };
  return {
    gate: (index) => (index <= opened ? Promise.resolve() : new Promise<void>((resolve) => waiting.set(index, resolve))),
    open: (upTo) => {
      opened = Math.max(opened, upTo);
      release();
    },
    openAll: () => {
      opened = Number.MAX_SAFE_INTEGER;
      release();
    },
  };
}
