import { describe, expect, it } from 'vitest';
import { barLength, labelIndexes, linePaths, xAt, yAt, type Box } from '../../web/review/src/charts/chart-geometry.ts';

const box: Box = { width: 240, height: 120, left: 20, right: 20, top: 10, bottom: 10 };

describe('chart geometry', () => {
  it('spreads points across the plot and maps 0..1 from bottom to top, clamped', () => {
    expect(xAt(box, 0, 3)).toBe(20);
    expect(xAt(box, 2, 3)).toBe(220);
    expect(xAt(box, 0, 1)).toBe(120);
    expect(yAt(box, 0)).toBe(110);
    expect(yAt(box, 1)).toBe(10);
    expect(yAt(box, 1.5)).toBe(10);
    expect(yAt(box, -1)).toBe(110);
  });

  it('breaks the line where a day has no value and keeps a dot for every value', () => {
    const { paths, points } = linePaths(box, [0, 1, null, 0.5, null, 1, 0]);
    expect(paths).toHaveLength(2);
    expect(paths[0]).toBe('M20,110 L53.3,10');
    expect(points.map((p) => p.index)).toEqual([0, 1, 3, 5, 6]);
    expect(linePaths(box, [null, null]).paths).toEqual([]);
  });

  it('prints as many axis labels as fit, always the first and the last', () => {
    expect(labelIndexes(7, 400, 44)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(labelIndexes(10, 176, 44)).toEqual([0, 3, 6, 9]);
    expect(labelIndexes(8, 176, 44)).toEqual([0, 3, 7]);
    expect(labelIndexes(0, 100, 44)).toEqual([]);
  });

  it('draws no bar for no value and at least a sliver for a tiny one', () => {
    expect(barLength(null, 200)).toBe(0);
    expect(barLength(0, 200)).toBe(0);
    expect(barLength(0.001, 200)).toBe(2);
    expect(barLength(0.5, 200)).toBe(100);
    expect(barLength(3, 200)).toBe(200);
  });
});
