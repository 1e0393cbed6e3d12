/**
 * How long ago the thing complained about was bought, in days, from what the customer says ("穿了不到一个月",
 * "这才一个多月", "上周买的", "十月中旬买的") or else the newest purchase on record: inside the 30 days an
 * exchange is the remedy, after them a repair.
 */
const DAY = 86_400_000;

const NUMERALS: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 半: 0.5 };

function count(word: string): number | undefined {
  if (/^\d+$/u.test(word)) return Number(word);
  return word.length === 1 ? NUMERALS[word] : undefined;
}

/** Said spans, each to days: the first that matches decides. */
const SPANS: [RegExp, (m: RegExpExecArray) => number | undefined][] = [
  [/(?:不到|没到|还没到|不满|没满)(?:一)?个月/u, () => 20],
  [/(?:一)?个半月/u, () => 45],
  [/(一|两|二|三|四|五|六|七|八|九|十|半|\d+)个多?月/u, (m) => ((count(m[1] ?? '') ?? 1) * 30 + (m[0].includes('多') ? 10 : 0))],
  [/半年|大半年|一年|去年|前年/u, () => 180],
  [/(一|两|二|三|四|五|六|七|八|九|十|\d+)(?:个)?(?:礼拜|星期|周)/u, (m) => (count(m[1] ?? '') ?? 1) * 7],
  [/(一|两|二|三|四|五|六|七|八|九|十|几|\d+)天/u, (m) => count(m[1] ?? '') ?? 5],
  [/上周|上礼拜|上个?星期|前几天|前两天|昨天|前天|刚买|才买/u, () => 7],
  [/上个月/u, () => 30],
];

/** "十月中旬买的" in late November: the month said, against today. */
function fromMonth(text: string, now: number): number | undefined {
  const m = /(十[一二]|[一二三四五六七八九十]|1[0-2]|[1-9])月(初|上旬|中旬|中|下旬|底|末)?[^，。？?]{0,3}(?:买|拍|下单|入)/u.exec(text);
  if (!m?.[1]) return undefined;
  const month = /^\d+$/u.test(m[1]) ? Number(m[1]) : m[1].startsWith('十') ? 10 + (NUMERALS[m[1].slice(1)] ?? 0) : (NUMERALS[m[1]] ?? 0);
  const day = /初|上旬/u.test(m[2] ?? '') ? 5 : /中/u.test(m[2] ?? '') ? 15 : /下旬|底|末/u.test(m[2] ?? '') ? 25 : 15;
  const today = new Date(now + 8 * 3_600_000);
  let year = today.getUTCFullYear();
  if (month > today.getUTCMonth() + 1) year -= 1;
  const bought = Date.UTC(year, month - 1, day) - 8 * 3_600_000;
  return Math.max(0, Math.round((now - bought) / DAY));
}

export function readPurchaseAge(texts: readonly string[], purchasedAt: readonly number[], now: number): number | undefined {
  for (const text of texts.toReversed()) {
    const month = fromMonth(text, now);
    if (month !== undefined) return month;
    for (const [pattern, days] of SPANS) {
      const m = pattern.exec(text);
      if (m) return days(m);
    }
  }
  const newest = Math.max(...purchasedAt);
  return Number.isFinite(newest) ? Math.round((now - newest) / DAY) : undefined;
}
