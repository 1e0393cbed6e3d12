import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface Loadable<T> {
  data: T | undefined;
  error: unknown;
  /** True while a load is in flight; the previous data stays on screen meanwhile. */
  loading: boolean;
  /** Loads (again); resolves once the answer is applied. Answers to superseded loads are dropped. */
  reload(): Promise<void>;
  /** Replaces the data locally, e.g. with what an action returned. */
  set(data: T): void;
}

/**
 * One piece of server state. `key` names what is loaded: when it changes, the old data is dropped and a new
 * load starts. With `auto` false nothing loads until reload() is called (fetch on first need).
 */
export function useLoadable<T>(key: string, load: () => Promise<T>, auto = true): Loadable<T> {
  const [state, setState] = useState<{ key: string; data: T | undefined; error: unknown; loading: boolean }>({
    key,
    data: undefined,
    error: undefined,
    loading: auto,
  });
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
    if (auto) void reload();
    else setState({ key, data: undefined, error: undefined, loading: false });
  }, [reload, auto, key]);

  const set = useCallback((data: T) => {
    sequence.current++;
    setState({ key, data, error: undefined, loading: false });
  }, [key]);

  const current = state.key === key ? state : { data: undefined, error: undefined, loading: auto };
  return { data: current.data, error: current.error, loading: current.loading, reload, set };
}
