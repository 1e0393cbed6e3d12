/**
 * Precision / recall / F1 bookkeeping for the eval harness. Counts are kept so per-group and micro
 * figures come from the same numbers.
 */

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

const round = (value: number): number => Math.round(value * 10_000) / 10_000;

export function prf(counts: Counts): Prf {
  const precision = counts.tp + counts.fp === 0 ? 0 : counts.tp / (counts.tp + counts.fp);
  const recall = counts.tp + counts.fn === 0 ? 0 : counts.tp / (counts.tp + counts.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision: round(precision), recall: round(recall), f1: round(f1), support: counts.tp + counts.fn };
}

export class CountTable {
  private readonly table = new Map<string, Counts>();

  add(key: string, field: keyof Counts, by = 1): void {
    const counts = this.table.get(key) ?? { tp: 0, fp: 0, fn: 0 };
    counts[field] += by;
    this.table.set(key, counts);
  }

  keys(): string[] {
    return [...this.table.keys()].sort();
  }

  get(key: string): Counts {
    return this.table.get(key) ?? { tp: 0, fp: 0, fn: 0 };
  }

  micro(): Counts {
    const total = { tp: 0, fp: 0, fn: 0 };
    for (const counts of this.table.values()) {
      total.tp += counts.tp;
      total.fp += counts.fp;
      total.fn += counts.fn;
    }
    return total;
  }

  report(): Record<string, Prf> {
    return Object.fromEntries(this.keys().map((key) => [key, prf(this.get(key))]));
  }
}

/** Multiset comparison: every gold item matched at most once. */
export function compareMultiset(table: CountTable, keyOf: (item: string) => string, predicted: readonly string[], gold: readonly string[]): void {
  const remaining = new Map<string, number>();
  for (const item of gold) remaining.set(item, (remaining.get(item) ?? 0) + 1);
  for (const item of predicted) {
    const left = remaining.get(item) ?? 0;
    if (left > 0) {
      remaining.set(item, left - 1);
      table.add(keyOf(item), 'tp');
    } else table.add(keyOf(item), 'fp');
  }
  for (const [item, left] of remaining) if (left > 0) table.add(keyOf(item), 'fn', left);
}

export function formatPrf(name: string, value: Prf): string {
  return `${name.padEnd(18)} P ${value.precision.toFixed(3)}  R ${value.recall.toFixed(3)}  F1 ${value.f1.toFixed(3)}  (n=${value.support})`;
}
