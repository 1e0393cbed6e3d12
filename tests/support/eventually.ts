/** Polls `probe` until `ok` holds (a probe that throws counts as not yet); returns the last value. */
export async function eventually<T>(probe: () => Promise<T>, ok: (v: T) => boolean, attempts = 200, everyMs = 25): Promise<T> {
  let last: T | undefined;
  let seen = false;
  for (let i = 0; i < attempts; i++) {
    try {
      last = await probe();
      seen = true;
      if (ok(last)) return last;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  if (!seen) throw new Error('probe never answered');
  return last as T;
}
