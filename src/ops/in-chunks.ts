/**
 * Splits a list for bulk Redis calls. A spread of 100k+ arguments (`mget(...ids)`) overflows the call stack
 * and a single huge command blocks Redis for everyone else; 1000 keys a call is neither.
 */
export function inChunks<T>(items: readonly T[], size = 1000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
