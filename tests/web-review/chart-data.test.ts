import { describe, expect, it } from 'vitest';
import { barEnd, barRows, labelAnchor, labelIndexes, shortLabel, trendSeries } from '../../web/review/src/charts/chart-data.ts';

describe('chart data', () => {
  it('keeps days without data as gaps in the line and clamps rates to 0..1', () => {
    expect(trendSeries([0.5, null, 1.4, -0.2, Number.NaN])).toEqual([0.5, null, 1, 0, null]);
  });

  it('orders bars for chartist bottom-up so the best guide reads first, drawing no bar for no value', () => {
    const rows = barRows([
      { label: '林晓', value: 0.5, caption: '50%（1/2）' },
      { label: '欧阳娜娜娜娜娜娜', value: 0.1, caption: '10%（1/10）' },
      { label: '陈思雨', value: null, caption: '无展示' },
    ]);
    expect(rows.map((r) => [r.short, r.drawn, r.caption])).toEqual([
      ['陈思雨', 0, '无展示'],
      ['欧阳娜娜娜娜…', 0.1, '10%（1/10）'],
      ['林晓', 0.5, '50%（1/2）'],
    ]);
    expect(rows[1]?.label).toBe('欧阳娜娜娜娜娜娜');
    expect(shortLabel('王芳芳芳芳芳芳')).toBe('王芳芳芳芳芳芳');
  });

  it('draws at least a sliver for a tiny non-zero rate, and nothing for zero', () => {
    expect(barEnd(100, 100.2, 0.001, 2)).toBe(102);
    expect(barEnd(100, 100, 0, 2)).toBe(100);
    expect(barEnd(100, 180, 0.4, 2)).toBe(180);
  });

  it('prints as many axis labels as fit, always the first and the last', () => {
    expect(labelIndexes(7, 400, 44)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(labelIndexes(10, 176, 44)).toEqual([0, 3, 6, 9]);
    expect(labelIndexes(8, 176, 44)).toEqual([0, 3, 7]);
    expect(labelIndexes(0, 100, 44)).toEqual([]);
  });

  it('lets the first and last day labels hug the plot edges and centres the rest', () => {
    expect([0, 1, 5, 6].map((i) => labelAnchor(i, 7))).toEqual(['start', 'middle', 'middle', 'end']);
    expect(labelAnchor(0, 1)).toBe('middle');
  });
});
