import { describe, expect, it } from 'vitest';
import { formatConfidence, formatDate, formatDuration, formatMoment, formatPrice } from '../../web/sidebar/src/format.ts';

// Built from local-time parts so the expectations hold in any time zone.
const at = (y: number, m: number, d: number, h = 12, min = 0): number => new Date(y, m - 1, d, h, min).getTime();
const now = at(2025, 3, 10, 15, 30);

describe('formatPrice', () => {
  it('groups thousands and keeps significant decimals', () => {
    expect(formatPrice(1299)).toBe('¥1,299');
    expect(formatPrice(6999)).toBe('¥6,999');
    expect(formatPrice(129900)).toBe('¥129,900');
    expect(formatPrice(89.5)).toBe('¥89.5');
    expect(formatPrice(89.05)).toBe('¥89.05');
    expect(formatPrice(0)).toBe('¥0');
  });
});

describe('formatMoment', () => {
  it('says 今天 / 昨天 with the time, a date otherwise', () => {
    expect(formatMoment(at(2025, 3, 10, 9, 5), now)).toBe('今天 09:05');
    expect(formatMoment(at(2025, 3, 9, 23, 59), now)).toBe('昨天 23:59');
    expect(formatMoment(at(2025, 2, 1), now)).toBe('2月1日');
    expect(formatMoment(at(2024, 12, 31), now)).toBe('2024年12月31日');
  });
});

describe('formatDuration and formatDate', () => {
  it('describes how long a relationship has lasted', () => {
    expect(formatDuration(at(2025, 3, 10, 8), now)).toBe('今天添加');
    expect(formatDuration(at(2025, 3, 1), now)).toBe('9 天');
    expect(formatDuration(at(2024, 12, 1), now)).toBe('3 个月');
    expect(formatDuration(at(2023, 12, 1), now)).toBe('1 年 3 个月');
    expect(formatDuration(at(2024, 3, 5), now)).toBe('1 年');
    expect(formatDate(at(2025, 1, 1))).toBe('2025年1月1日');
  });
});

describe('formatConfidence', () => {
  it('shows a rounded, clamped percentage', () => {
    expect(formatConfidence(0.823)).toBe('82%');
    expect(formatConfidence(1.2)).toBe('100%');
    expect(formatConfidence(-1)).toBe('0%');
  });
});
