/** What the console's charts feed chartist, worked out without a browser so it can be tested. */

export interface BarInput {
  label: string;
  /** 0..1; null when there is nothing to divide by (drawn as no bar). */
  value: number | null;
  caption: string;
}

export interface BarRow extends BarInput {
  /** The label as the axis prints it (long names are cut; the full one is the tooltip). */
  short: string;
  /** The value to draw: 0 for none. */
  drawn: number;
}

/** The y axis of 0–100% charts: its ticks and the chart's bounds. */
export const RATE_TICKS = [0, 0.5, 1];

/** Guide names beyond seven characters are cut to six and an ellipsis so the label column keeps its width. */
export function shortLabel(label: string): string {
  return label.length > 7 ? `${label.slice(0, 6)}…` : label;
}

/**
 * Rows for a horizontal bar chart in the order chartist draws them: it puts the first label at the bottom,
 * so the list (best first) is reversed to read top-down.
 */
export function barRows(bars: readonly BarInput[]): BarRow[] {
  const rows: BarRow[] = [];
  for (let i = bars.length - 1; i >= 0; i--) {
    const bar = bars[i] as BarInput;
    rows.push({ ...bar, short: shortLabel(bar.label), drawn: bar.value === null || !Number.isFinite(bar.value) ? 0 : Math.min(1, Math.max(0, bar.value)) });
  }
  return rows;
}

/** A non-zero rate always shows at least a sliver of `minPx`, so a few percent never reads as none. */
export function barEnd(start: number, end: number, value: number, minPx: number): number {
  return value > 0 && end - start < minPx ? start + minPx : end;
}

/** A day's rate for the line: null (nothing shown that day) stays a gap rather than becoming 0%. */
export function trendSeries(values: ReadonlyArray<number | null>): Array<number | null> {
  return values.map((value) => (value === null || !Number.isFinite(value) ? null : Math.min(1, Math.max(0, value))));
}

/** Which of n axis labels to print so they do not overlap: every k-th, always the first and the last. */
export function labelIndexes(count: number, widthPx: number, labelPx: number): number[] {
  if (count <= 0) return [];
  const fit = Math.max(2, Math.floor(widthPx / Math.max(1, labelPx)));
  if (count <= fit) return Array.from({ length: count }, (_, i) => i);
  const step = Math.ceil((count - 1) / (fit - 1));
  const picked: number[] = [];
  for (let i = 0; i < count - 1; i += step) picked.push(i);
  // The last label replaces the one before it when they would touch.
  if (picked.length > 1 && count - 1 - (picked.at(-1) as number) < step / 2) picked.pop();
  picked.push(count - 1);
  return picked;
}

/** How an x-axis label sits on its tick: the first hugs the left edge, the last the right, the rest centred. */
export function labelAnchor(index: number, count: number): 'start' | 'middle' | 'end' {
  if (count > 1 && index === 0) return 'start';
  if (count > 1 && index === count - 1) return 'end';
  return 'middle';
}
