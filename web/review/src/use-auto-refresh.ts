import { useEffect } from 'preact/hooks';

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
