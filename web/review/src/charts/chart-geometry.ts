/** Pixel geometry for the small SVG charts; pure so it can be tested without a browser. */

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  width: number;
  height: number;
  /** Space for axis labels. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** x of the i-th of n evenly spaced points inside the plot (a single point sits in the middle). */
export function xAt(box: Box, index: number, count: number): number {
  const inner = Math.max(0, box.width - box.left - box.right);
  if (count <= 1) return box.left + inner / 2;
  return box.left + (inner * index) / (count - 1);
}

/** y of a 0..1 value (clamped): 0 at the bottom of the plot, 1 at the top. */
export function yAt(box: Box, value: number): number {
  const inner = Math.max(0, box.height - box.top - box.bottom);
  const clamped = Math.min(1, Math.max(0, value));
  return box.top + inner * (1 - clamped);
}

/**
 * The line through the values, broken where a value is missing (a day with nothing shown is not 0%):
 * one SVG path per unbroken run, plus every point for the dots (a lone point has no line to show it).
 */
export function linePaths(box: Box, values: ReadonlyArray<number | null>): { paths: string[]; points: Array<Point & { index: number }> } {
  const paths: string[] = [];
  const points: Array<Point & { index: number }> = [];
  let run: Point[] = [];
  const flush = (): void => {
    if (run.length > 1) paths.push(run.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)},${round(p.y)}`).join(' '));
    run = [];
  };
  values.forEach((value, index) => {
    if (value === null || !Number.isFinite(value)) {
      flush();
      return;
    }
    const point = { x: xAt(box, index, values.length), y: yAt(box, value) };
    run.push(point);
    points.push({ ...point, index });
  });
  flush();
  return { paths, points };
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

/** The length of a 0..1 bar in a track of `trackPx`; a non-zero value always shows at least a sliver. */
export function barLength(value: number | null, trackPx: number): number {
  if (value === null || !Number.isFinite(value) || value <= 0) return 0;
  return Math.max(2, Math.min(1, value) * trackPx);
}

const round = (n: number): number => Math.round(n * 10) / 10;
