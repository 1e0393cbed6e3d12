import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorState, Loading } from './states.tsx';

/**
 * A view whose code is fetched the first time it is shown (an esbuild chunk), so the first load of the
 * sidebar stays small. A chunk that fails to arrive (a weak shop-floor connection) can be asked for again.
 */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>, label: string): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const fetchOnce = (): Promise<ComponentType<P>> =>
    (pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = null;
        throw error;
      },
    ));

  return function LazyView(props: P) {
    const [, setReady] = useState(loaded !== null);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded || failed) return;
      let current = true;
      fetchOnce().then(
        () => current && setReady(true),
        () => current && setFailed(true),
      );
      return () => {
        current = false;
      };
    }, [failed]);
    if (loaded) {
      const View = loaded;
      return <View {...props} />;
    }
    if (failed) return <ErrorState message="页面没有加载成功，请检查网络后重试。" onRetry={() => setFailed(false)} />;
    return <Loading label={label} />;
  };
}
