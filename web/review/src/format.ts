/** Chinese display formats for times, durations, counts and rates. Times use the device's local zone. */

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

const pad = (n: number): string => String(n).padStart(2, '0');

function startOfDay(ms: number): number {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/**
 * How long something took (median reply time, approval turnaround): 不到 1 秒 · 45 秒 · 3 分 20 秒 ·
 * 1 小时 5 分 · 2 天 3 小时. Seconds only matter below an hour; null (nothing measured) is a dash.
 */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return '不到 1 秒';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} 秒`;
  if (ms < HOUR_MS) {
    const minutes = Math.floor(seconds / 60);
    const rest = seconds % 60;
    return rest > 0 ? `${minutes} 分 ${rest} 秒` : `${minutes} 分钟`;
  }
  if (ms < DAY_MS) {
    const minutes = Math.round(ms / MINUTE_MS);
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return rest > 0 ? `${hours} 小时 ${rest} 分` : `${hours} 小时`;
  }
  const hours = Math.round(ms / HOUR_MS);
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return rest > 0 ? `${days} 天 ${rest} 小时` : `${days} 天`;
}

/** How long an item has waited, to the minute: 不到 1 分钟 · 已等待 12 分钟 · 已等待 1 小时 5 分. */
export function formatWaiting(ms: number): string {
  if (!Number.isFinite(ms) || ms < MINUTE_MS) return '刚刚提交';
  if (ms < HOUR_MS) return `已等待 ${Math.floor(ms / MINUTE_MS)} 分钟`;
  return `已等待 ${formatDuration(Math.floor(ms / MINUTE_MS) * MINUTE_MS)}`;
}

/** 今天 14:05 · 昨天 09:30 · 3月2日 14:05 · 2024年12月1日 14:05 */
export function formatMoment(ms: number, now: number): string {
  const d = new Date(ms);
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const days = Math.round((startOfDay(now) - startOfDay(ms)) / DAY_MS);
  if (days === 0) return `今天 ${time}`;
  if (days === 1) return `昨天 ${time}`;
  if (d.getFullYear() === new Date(now).getFullYear()) return `${d.getMonth() + 1}月${d.getDate()}日 ${time}`;
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${time}`;
}

/** 1234 → 1,234 */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '—';
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A rate (0..1) as a whole percent: 0.823 → 82%. A rate that is not zero never shows as 0% (a few risky
 * messages must not read as none), and null (nothing to divide by) is a dash rather than 0%.
 */
export function formatRate(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return '—';
  const clamped = Math.min(1, Math.max(0, rate));
  if (clamped > 0 && clamped < 0.005) return '<1%';
  if (clamped < 1 && clamped > 0.995) return '>99%';
  return `${Math.round(clamped * 100)}%`;
}

/** A calendar day `YYYY-MM-DD` as a short axis label: 3/2. Anything else is returned as it came. */
export function formatDayLabel(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? `${Number(match[2])}/${Number(match[3])}` : day;
}

/** The figures' date range, whether the server sends epoch ms or `YYYY-MM-DD`: 3月2日 – 3月8日. */
export function formatRange(from: number | string, to: number | string): string {
  const label = (value: number | string): string => {
    const ms = typeof value === 'number' ? value : /^\d{4}-\d{2}-\d{2}/.test(value) ? new Date(`${value.slice(0, 10)}T00:00:00`).getTime() : Number.NaN;
    if (!Number.isFinite(ms)) return String(value);
    const d = new Date(ms);
    return `${d.getMonth() + 1}月${d.getDate()}日`;
  };
  // An epoch end at local midnight is exclusive (the day before is the last one counted).
  const last = typeof to === 'number' && typeof from === 'number' && to > from && to === startOfDay(to) ? to - 1 : to;
  const start = label(from);
  const end = label(last);
  return start === end ? start : `${start} – ${end}`;
}
