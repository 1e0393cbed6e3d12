/** Stores run on China Standard Time (UTC+8, no daylight saving): figures are counted per local day. */
const OFFSET_MS = 8 * 3600_000;

export function businessDay(at: number): string {
  return new Date(at + OFFSET_MS).toISOString().slice(0, 10);
}

/** The `count` business days ending with the day of `at`, oldest first. */
export function businessDays(at: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => businessDay(at - (count - 1 - i) * 86400_000));
}
