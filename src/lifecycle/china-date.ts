/**
 * Calendar days as stores see them: China Standard Time (UTC+8, no daylight saving). A day is written
 * `YYYY-MM-DD`; day numbers count days since 1970-01-01 so differences are plain subtraction.
 */
import { businessDay } from '../suggestions/business-day.ts';

const DAY_MS = 86400_000;
const OFFSET_MS = 8 * 3600_000;

/** Today in China for an epoch-ms instant. */
export const chinaDay = (now: number): string => businessDay(now);

export function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / DAY_MS;
}

/** Epoch ms of 00:00 China time on `day`. */
export function startOfDay(day: string): number {
  return dayNumber(day) * DAY_MS - OFFSET_MS;
}

/** "3月12日", as a draft writes a date. */
export function monthDay(day: string): string {
  const [, m, d] = day.split('-').map(Number);
  return `${m}月${d}日`;
}

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function validDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * A calendar date as spreadsheets export it: 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, or an ISO
 * timestamp (taken as the China day of that instant). Undefined when it is not a real date.
 */
export function parseDay(raw: string): string | undefined {
  const text = raw.trim();
  const plain = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/u.exec(text);
  if (plain) {
    const [y, m, d] = [Number(plain[1]), Number(plain[2]), Number(plain[3])];
    return validDay(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : undefined;
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/.test(text)) {
    const at = Date.parse(text);
    return Number.isFinite(at) ? chinaDay(at) : undefined;
  }
  return undefined;
}

/** A birthday: `MM-DD` (also 3/5, 3月5日) or a full date; the year is kept when given. */
export function parseBirthday(raw: string): string | undefined {
  const text = raw.trim();
  const short = /^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/u.exec(text);
  if (short) {
    const [m, d] = [Number(short[1]), Number(short[2])];
    return validDay(2000, m, d) ? `${pad(m)}-${pad(d)}` : undefined;
  }
  return parseDay(text);
}

/** The next birthday on or after `today`; 02-29 falls on 02-28 in other years. */
export function nextBirthday(birthday: string, today: string): string {
  const [m, d] = birthday.slice(-5).split('-').map(Number) as [number, number];
  const year = Number(today.slice(0, 4));
  const inYear = (y: number): string => `${y}-${pad(m)}-${pad(m === 2 && d === 29 && !isLeap(y) ? 28 : d)}`;
  const thisYear = inYear(year);
  return dayNumber(thisYear) >= dayNumber(today) ? thisYear : inYear(year + 1);
}
