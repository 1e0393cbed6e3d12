import { describe, expect, it } from 'vitest';
import { formatCount, formatDayLabel, formatDuration, formatMoment, formatRange, formatRate, formatWaiting } from '../../web/review/src/format.ts';

const at = (y: number, m: number, d: number, h = 0, min = 0): number => new Date(y, m - 1, d, h, min).getTime();

describe('durations', () => {
  it('reads median reply and approval times at a useful precision', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(-5)).toBe('—');
    expect(formatDuration(400)).toBe('不到 1 秒');
    expect(formatDuration(45_000)).toBe('45 秒');
    expect(formatDuration(200_000)).toBe('3 分 20 秒');
    expect(formatDuration(180_000)).toBe('3 分钟');
    expect(formatDuration(65 * 60_000)).toBe('1 小时 5 分');
    expect(formatDuration(2 * 3_600_000)).toBe('2 小时');
    expect(formatDuration(51 * 3_600_000)).toBe('2 天 3 小时');
    expect(formatDuration(48 * 3_600_000)).toBe('2 天');
  });

  it('says how long an item has waited, to the minute', () => {
    expect(formatWaiting(20_000)).toBe('刚刚提交');
    expect(formatWaiting(12 * 60_000 + 59_000)).toBe('已等待 12 分钟');
    expect(formatWaiting(65 * 60_000 + 30_000)).toBe('已等待 1 小时 5 分');
    expect(formatWaiting(26 * 3_600_000)).toBe('已等待 1 天 2 小时');
  });
});

describe('moments and ranges', () => {
  const now = at(2025, 3, 8, 15, 0);
  it('names today and yesterday, the date otherwise, always with the time', () => {
    expect(formatMoment(at(2025, 3, 8, 9, 5), now)).toBe('今天 09:05');
    expect(formatMoment(at(2025, 3, 7, 23, 59), now)).toBe('昨天 23:59');
    expect(formatMoment(at(2025, 3, 2, 14, 5), now)).toBe('3月2日 14:05');
    expect(formatMoment(at(2024, 12, 1, 8, 0), now)).toBe('2024年12月1日 08:00');
  });

  it('shows the figures range from calendar days or epoch bounds (an end at midnight is exclusive)', () => {
    expect(formatRange('2025-03-02', '2025-03-08')).toBe('3月2日 – 3月8日');
    expect(formatRange('2025-03-08', '2025-03-08')).toBe('3月8日');
    expect(formatRange(at(2025, 3, 2), at(2025, 3, 9))).toBe('3月2日 – 3月8日');
    expect(formatRange('本周', '本周')).toBe('本周');
    expect(formatDayLabel('2025-03-02')).toBe('3/2');
    expect(formatDayLabel('W10')).toBe('W10');
  });
});

describe('counts and rates', () => {
  it('groups thousands and never shows a small non-zero rate as 0%', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(0)).toBe('0');
    expect(formatRate(null)).toBe('—');
    expect(formatRate(0)).toBe('0%');
    expect(formatRate(0.823)).toBe('82%');
    expect(formatRate(0.003)).toBe('<1%');
    expect(formatRate(0.998)).toBe('>99%');
    expect(formatRate(1)).toBe('100%');
    expect(formatRate(1.4)).toBe('100%');
  });
});
