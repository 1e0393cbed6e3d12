/**
 * Lifecycle tasks by the day they are due. The server sets `due` to 00:00 China time of a store's calendar
 * day (src/lifecycle/china-date.ts) and the daily digest counts "today" the same way, so days here are
 * China days too, whatever zone the device is set to: a task due today never shows as overdue abroad.
 */

const DAY_MS = 86_400_000;
/** China Standard Time, UTC+8 all year (no daylight saving). */
const CHINA_OFFSET_MS = 8 * 3_600_000;
const WEEKDAY = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** Days since 1970-01-01 in China for an instant. */
export function chinaDayNumber(ms: number): number {
  return Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS);
}

/** 11月28日 周六; the year is added when it is not this year. */
export function chinaDayLabel(day: number, today: number): string {
  const date = new Date(day * DAY_MS);
  const year = date.getUTCFullYear();
  const sameYear = year === new Date(today * DAY_MS).getUTCFullYear();
  // 1970-01-01 was a Thursday.
  const weekday = WEEKDAY[(((day + 4) % 7) + 7) % 7] ?? '';
  return `${sameYear ? '' : `${year}年`}${date.getUTCMonth() + 1}月${date.getUTCDate()}日 ${weekday}`;
}

/** 今天到期 · 明天到期 · 已过期 2 天 · 12月15日到期 */
export function dueLabel(due: number, now: number): string {
  const today = chinaDayNumber(now);
  const day = chinaDayNumber(due);
  if (day === today) return '今天到期';
  if (day === today + 1) return '明天到期';
  if (day < today) return `已过期 ${today - day} 天`;
  return `${chinaDayLabel(day, today).replace(/ .*/, '')}到期`;
}

export type DueTone = 'overdue' | 'today' | 'later' | 'undated';

export interface DueGroup<T> {
  /** Stable across renders: `overdue`, `today`, `day:<n>`, `undated`. */
  key: string;
  label: string;
  tone: DueTone;
  tasks: T[];
}

/**
 * Overdue first (one group, most overdue at the top), then today, tomorrow and each later day, then tasks
 * without a due date. Within a group tasks keep the server's order apart from the due time.
 */
export function groupTasksByDue<T extends { due?: number | undefined }>(tasks: readonly T[], now: number): DueGroup<T>[] {
  const today = chinaDayNumber(now);
  const dated = tasks.filter((t) => typeof t.due === 'number' && Number.isFinite(t.due)).sort((a, b) => (a.due ?? 0) - (b.due ?? 0));
  const groups = new Map<string, DueGroup<T>>();
  const add = (key: string, label: string, tone: DueTone, task: T): void => {
    const group = groups.get(key) ?? { key, label, tone, tasks: [] };
    group.tasks.push(task);
    groups.set(key, group);
  };
  for (const task of dated) {
    const day = chinaDayNumber(task.due ?? 0);
    if (day < today) add('overdue', '已过期', 'overdue', task);
    else if (day === today) add('today', '今天', 'today', task);
    else add(`day:${day}`, day === today + 1 ? `明天 · ${chinaDayLabel(day, today)}` : chinaDayLabel(day, today), 'later', task);
  }
  for (const task of tasks) if (!dated.includes(task)) add('undated', '未定日期', 'undated', task);
  // Sorting by due put overdue, today and later days in order already; Map keeps insertion order.
  return [...groups.values()];
}

/** How many tasks need the guide today: due today or already overdue. */
export function countDueNow(tasks: readonly { due?: number | undefined }[], now: number): number {
  const today = chinaDayNumber(now);
  return tasks.filter((t) => typeof t.due === 'number' && chinaDayNumber(t.due) <= today).length;
}
