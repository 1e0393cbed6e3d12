/**
 * Hot reload of a knowledge directory. Editors save by rename or in several writes, so events are
 * debounced and the whole directory is reloaded; the new knowledge base replaces the old one in a
 * single assignment. A broken file keeps the last good knowledge in use and reports the error.
 */
import { watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import type { KnowledgeBase } from './build-knowledge-base.ts';
import { KNOWLEDGE_FILES, loadKnowledge } from './load-knowledge.ts';

export interface KnowledgeSource {
  current(): KnowledgeBase;
}

export interface KnowledgeWatcher extends KnowledgeSource {
  /** Reload now (also what a file change triggers after the debounce). Never throws. */
  reload(): Promise<void>;
  close(): void;
}

export interface WatchKnowledgeOptions {
  debounceMs?: number;
  onError?: (error: unknown) => void;
}

/** A fixed knowledge base as a source (tests, the eval harness, one-shot tools). */
export function staticKnowledge(kb: KnowledgeBase): KnowledgeSource {
  return { current: () => kb };
}

export async function watchKnowledge(
  dir: string,
  onReload: (kb: KnowledgeBase) => void,
  options: WatchKnowledgeOptions = {},
): Promise<KnowledgeWatcher> {
  const debounceMs = options.debounceMs ?? 200;
  let active = await loadKnowledge(dir);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;

  const runOnce = async (): Promise<void> => {
    try {
      const next = await loadKnowledge(dir);
      if (closed) return;
      active = next;
      onReload(next);
    } catch (error) {
      options.onError?.(error);
    }
  };

  // Loads never overlap: a change during a load schedules exactly one more load afterwards.
  const reload = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      for (;;) {
        again = false;
        await runOnce();
        if (!again || closed) break;
      }
      running = undefined;
    })();
    return running;
  };

  const relevant = new Set<string>(KNOWLEDGE_FILES);
  let watcher: FSWatcher | undefined = watch(dir, (_event, file) => {
    if (file !== null && !relevant.has(String(file))) return;
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), debounceMs);
  });
  watcher.on('error', (error) => options.onError?.(error));

  return {
    current: () => active,
    reload,
    close() {
      closed = true;
      clearTimeout(timer);
      watcher?.close();
      watcher = undefined;
    },
  };
}
