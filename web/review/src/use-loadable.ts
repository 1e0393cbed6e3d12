import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface Loadable<T> {
  data: T | undefined;
  error: unknown;
  /** True while a load is in flight; the previous data stays on screen meanwhile. */
  loading: boolean;
  /** Loads (again); answers to superseded loads are dropped. */
  reload(): Promise<void>;
  /** Replaces the data locally, e.g. with what an action returned. */
  set(update: (data: T | undefined) => T): void;
}

/** One piece of server state, keyed by what it is (`key` changes → the old data is dropped, a new load starts). */
export function useLoadable<T>(key: string, load: () => Promise<T>): Loadable<T> {
  const [state, setState] = useState<{ key: string; data: T | undefined; error: unknown; loading: boolean }>({ key, data: undefined, error: undefined, loading: true });
  const sequence = useRef(0);
  const loader = useRef(load);
  loader.current = load;

  const reload = useCallback(async () => {
    const mine = ++sequence.current;
    setState((s) => ({ ...(s.key === key ? s : { key, data: undefined, error: undefined }), loading: true }));
    try {
      const data = await loader.current();
      if (mine === sequence.current) setState({ key, data, error: undefined, loading: false });
    } catch (error) {
      if (mine === sequence.current) setState((s) => ({ key, data: s.key === key ? s.data : undefined, error, loading: false }));
    }
  }, [key]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const set = useCallback(
    (update: (data: T | undefined) => T) => {
      sequence.current++;
      setState((s) => ({ key, data: update(s.key === key ? s.data : undefined), error: undefined, loading: false }));
    },
    [key],
  );

  const current = state.key === key ? state : { data: undefined, error: undefined, loading: true };
  return { data: current.data, error: current.error, loading: current.loading, reload, set };
}

/** Reloads every `intervalMs` while the page is visible, and at once when it becomes visible again. */
export function useAutoRefresh(reload: () => Promise<void>, intervalMs: number): void {
  useEffect(() => {
    const tick = (): void => {
      if (document.visibilityState === 'visible') void reload();
    };
    const timer = window.setInterval(tick, intervalMs);
    document.addEventListener('visibilitychange', tick);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [reload, intervalMs]);
}

/** The current time, advancing every `stepMs` (waiting times on screen keep counting). */
export function useNow(stepMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), stepMs);
    return () => window.clearInterval(timer);
  }, [stepMs]);
  return now;
}
