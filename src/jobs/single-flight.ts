/** `run` wrapped so that calls made while one run is under way share that run instead of starting another. */
export function singleFlight<T>(run: () => Promise<T>): { start(): Promise<T>; settled(): Promise<void> } {
  let running: Promise<T> | undefined;
  return {
    start: () =>
      (running ??= run().finally(() => {
        running = undefined;
      })),
    /** Resolves once the run under way (if any) is over. */
    settled: async () => void (await running?.catch(() => undefined)),
  };
}
