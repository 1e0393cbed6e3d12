import { describe, expect, it } from 'vitest';
import { chinaDayLabel, chinaDayNumber, countDueNow, dueLabel, groupTasksByDue } from '../../web/sidebar/src/task-groups.ts';

// Instants written in China time (UTC+8), as the server sets `due` (00:00 of a China calendar day).
const cst = (day: string, time = '00:00'): number => Date.parse(`${day}T${time}:00+08:00`);
// 2026-11-26 04:00 in Shanghai is still 2026-11-25 in UTC: the China day must win.
const now = cst('2026-11-26', '04:00');

const task = (id: string, due?: number) => ({ id, ...(due === undefined ? {} : { due }) });

describe('chinaDayNumber and dueLabel', () => {
  it('counts days in China time whatever the device zone', () => {
    expect(chinaDayNumber(cst('2026-11-26'))).toBe(chinaDayNumber(cst('2026-11-26', '23:59')));
    expect(chinaDayNumber(cst('2026-11-27'))).toBe(chinaDayNumber(cst('2026-11-26', '23:59')) + 1);
    expect(chinaDayNumber(now)).toBe(chinaDayNumber(cst('2026-11-26')));
  });

  it('labels today, tomorrow, overdue and later due dates', () => {
    expect(dueLabel(cst('2026-11-26'), now)).toBe('今天到期');
    expect(dueLabel(cst('2026-11-27'), now)).toBe('明天到期');
    expect(dueLabel(cst('2026-11-24'), now)).toBe('已过期 2 天');
    expect(dueLabel(cst('2026-12-15'), now)).toBe('12月15日到期');
    expect(dueLabel(cst('2027-01-15'), now)).toBe('2027年1月15日到期');
  });

  it('names the weekday of a day', () => {
    const today = chinaDayNumber(now);
    expect(chinaDayLabel(chinaDayNumber(cst('2026-11-28')), today)).toBe('11月28日 周六');
    expect(chinaDayLabel(chinaDayNumber(cst('2026-11-26')), today)).toBe('11月26日 周四');
    expect(chinaDayLabel(chinaDayNumber(cst('2027-01-04')), today)).toBe('2027年1月4日 周一');
  });
});

describe('groupTasksByDue', () => {
  it('puts overdue first, then today, tomorrow and each later day, then undated', () => {
    const tasks = [
      task('later', cst('2026-12-15')),
      task('today-b', cst('2026-11-26')),
      task('none'),
      task('tomorrow', cst('2026-11-27')),
      task('overdue-1', cst('2026-11-25')),
      task('today-a', cst('2026-11-26')),
      task('overdue-3', cst('2026-11-23')),
      task('later-same-day', cst('2026-12-15')),
    ];
    const groups = groupTasksByDue(tasks, now);
    expect(groups.map((g) => [g.key.startsWith('day:') ? 'day' : g.key, g.label, g.tone])).toEqual([
      ['overdue', '已过期', 'overdue'],
      ['today', '今天', 'today'],
      ['day', '明天 · 11月27日 周五', 'later'],
      ['day', '12月15日 周二', 'later'],
      ['undated', '未定日期', 'undated'],
    ]);
    expect(groups.map((g) => g.tasks.map((t) => t.id))).toEqual([
      ['overdue-3', 'overdue-1'],
      // Same due time: the server's order is kept.
      ['today-b', 'today-a'],
      ['tomorrow'],
      ['later', 'later-same-day'],
      ['none'],
    ]);
  });

  it('keeps a task due at 00:00 China time in today even late in the China day', () => {
    const late = cst('2026-11-26', '23:30');
    expect(groupTasksByDue([task('a', cst('2026-11-26'))], late).map((g) => g.key)).toEqual(['today']);
    expect(groupTasksByDue([task('a', cst('2026-11-26'))], cst('2026-11-27', '00:10')).map((g) => g.key)).toEqual(['overdue']);
  });

  it('gives no groups for no tasks and does not change its input', () => {
    expect(groupTasksByDue([], now)).toEqual([]);
    const tasks = [task('b', cst('2026-11-27')), task('a', cst('2026-11-26'))];
    groupTasksByDue(tasks, now);
    expect(tasks.map((t) => t.id)).toEqual(['b', 'a']);
  });

  it('counts what needs the guide today: due today or overdue', () => {
    const tasks = [task('a', cst('2026-11-26')), task('b', cst('2026-11-20')), task('c', cst('2026-11-27')), task('d')];
    expect(countDueNow(tasks, now)).toBe(2);
  });
});
