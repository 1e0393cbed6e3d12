/** Per-property pass rates over the judged lines, each with the number of lines it applied to. */
import { PROPERTIES } from './check-properties.ts';
import type { Checks, Property } from './check-properties.ts';

export interface PropertyRates {
  properties: Partial<Record<Property, number>>;
  counts: Partial<Record<Property, number>>;
}

export function rateProperties(all: readonly Checks[]): PropertyRates {
  const properties: Partial<Record<Property, number>> = {};
  const counts: Partial<Record<Property, number>> = {};
  for (const property of PROPERTIES) {
    const applied = all.filter((checks) => checks[property] !== undefined);
    if (applied.length === 0) continue;
    const passed = applied.filter((checks) => checks[property] === true).length;
    properties[property] = Math.round((passed / applied.length) * 10_000) / 10_000;
    counts[property] = applied.length;
  }
  return { properties, counts };
}

export function formatRates(rates: PropertyRates): string[] {
  return PROPERTIES.filter((p) => rates.counts[p] !== undefined).map((p) => `  ${p.padEnd(22)} ${(rates.properties[p] ?? 0).toFixed(4)}  (n=${rates.counts[p] ?? 0})`);
}
