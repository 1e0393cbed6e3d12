import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { loadOrg, type Member, type Org } from './org.ts';

/** The org as the service uses it: always the last good file, reloaded on change. */
export interface LiveOrg extends Org {
  /** Reload now (also what a change of the file triggers after the debounce). Never throws. */
  reload(): Promise<void>;
  close(): void;
}

export interface WatchOrgOptions {
  /** Members who left or whose role changed in a reload (their sessions must end). */
  onMembersChanged?: (userIds: string[]) => Promise<void> | void;
  onError?: (error: unknown) => void;
  debounceMs?: number;
}

/** Who is gone from `next` or has another role there: their sessions were granted for something else. */
export function changedMembers(previous: readonly Member[], next: Org): string[] {
  return previous.filter((m) => next.member(m.userId)?.role !== m.role).map((m) => m.userId);
}

/**
 * Watches the org file's directory (editors save by rename) and swaps the whole org in one assignment.
 * A broken file keeps the last good org and reports the error.
 */
export async function watchOrg(file: string, options: WatchOrgOptions = {}): Promise<LiveOrg> {
  let active = await loadOrg(file);
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<void> = Promise.resolve();
  const reloadOnce = async (): Promise<void> => {
    try {
      const next = await loadOrg(file);
      const changed = changedMembers(active.members(), next);
      active = next;
      if (changed.length > 0) await options.onMembersChanged?.(changed);
    } catch (error) {
      options.onError?.(error);
    }
  };
  // Reloads run one after another, so a quick second save is never overtaken by the first.
  const reload = (): Promise<void> => (chain = chain.then(reloadOnce));
  let watcher: FSWatcher | undefined = watch(dirname(file), (_event, name) => {
    if (name !== null && String(name) !== basename(file)) return;
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), options.debounceMs ?? 200);
  });
  watcher.on('error', (error) => options.onError?.(error));
  return {
    get corpId() {
      return active.corpId;
    },
    get corpName() {
      return active.corpName;
    },
    get stores() {
      return active.stores;
    },
    member: (userId) => active.member(userId),
    members: () => active.members(),
    guidesOf: (storeIds) => active.guidesOf(storeIds),
    channelName: (state) => active.channelName(state),
    reload,
    close() {
      clearTimeout(timer);
      watcher?.close();
      watcher = undefined;
    },
  };
}
