import { useEffect, useState } from 'preact/hooks';

/** The current time, advancing every `stepMs` (waiting times on screen keep counting). */
export function useNow(stepMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), stepMs);
    return () => window.clearInterval(timer);
  }, [stepMs]);
  return now;
}
