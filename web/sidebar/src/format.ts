/** Chinese display formats for prices, times and confidences. Times use the device's local zone. */

const DAY_MS = 86_400_000;

function startOfDay(ms: number): number {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Catalog prices are CNY list prices: ¥1,299 or ¥89.5. */
export function formatPrice(price: number): string {
  const fixed = Number.isInteger(price) ? String(price) : price.toFixed(2).replace(/0$/, '');
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `¥${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** 今天 14:05 · 昨天 09:30 · 3月2日 · 2024年12月1日 */
export function formatMoment(ms: number, now: number): string {
  const d = new Date(ms);
  const days = Math.round((startOfDay(now) - startOfDay(ms)) / DAY_MS);
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  if (days === 0) return `今天 ${time}`;
  if (days === 1) return `昨天 ${time}`;
  if (days === -1) return `明天 ${time}`;
  if (d.getFullYear() === new Date(now).getFullYear()) return `${d.getMonth() + 1}月${d.getDate()}日`;
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

/** 2025年1月1日 */
export function formatDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

/** How long a relationship has lasted: 今天添加 · 12 天 · 3 个月 · 1 年 2 个月 */
export function formatDuration(since: number, now: number): string {
  const days = Math.floor((startOfDay(now) - startOfDay(since)) / DAY_MS);
  if (days <= 0) return '今天添加';
  if (days < 31) return `${days} 天`;
  const months = Math.floor(days / 30.44);
  if (months < 12) return `${months} 个月`;
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return rest > 0 ? `${years} 年 ${rest} 个月` : `${years} 年`;
}

/** 0.823 → 82% */
export function formatConfidence(confidence: number): string {
  const clamped = Math.min(1, Math.max(0, confidence));
  return `${Math.round(clamped * 100)}%`;
}
