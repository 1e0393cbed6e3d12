/**
 * Numbers as customers type them: "800", "1.5k", "2w", "五百", "一千五", "两千", "三千五百".
 */

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Chinese numerals up to 亿 excluded; "一千五" means 1500 (the trailing digit takes the next lower unit). */
export function parseChineseNumeral(text: string): number | undefined {
  if (text.length === 0) return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let lastUnit = 0;
  let zero = false;
  for (const ch of text) {
    if (ch in DIGITS) {
      digit = DIGITS[ch];
      if (digit === 0) zero = true;
    } else if (ch in UNITS) {
      const unit = UNITS[ch] ?? 1;
      section += (digit ?? 1) * unit;
      digit = undefined;
      lastUnit = unit;
    } else if (ch === '万') {
      section += digit ?? 0;
      total += (section === 0 ? 1 : section) * 10_000;
      section = 0;
      digit = undefined;
      lastUnit = 10_000;
    } else {
      return undefined;
    }
  }
  // "一百零五" is 105 but "一千五" is 1500: a bare trailing digit takes the next lower unit unless a 零 came first.
  if (digit !== undefined) section += lastUnit >= 10 && !zero ? (digit * lastUnit) / 10 : digit;
  return total + section;
}

const ARABIC = /^(\d+(?:\.\d+)?)\s*([kKwW千万]?)$/u;

/** "1.5k" → 1500, "2w" → 20000, "800" → 800, "五百" → 500. */
export function parseAmount(text: string): number | undefined {
  const trimmed = text.trim();
  const arabic = ARABIC.exec(trimmed);
  if (arabic) {
    const base = Number(arabic[1]);
    const unit = arabic[2]?.toLowerCase() ?? '';
    const factor = unit === 'k' || unit === '千' ? 1000 : unit === 'w' || unit === '万' ? 10_000 : 1;
    return base * factor;
  }
  return parseChineseNumeral(trimmed);
}

/** A number token in either notation, for building larger patterns. */
export const AMOUNT_SOURCE = String.raw`(?:\d+(?:\.\d+)?\s*[kKwW千万]?|[零〇一二两三四五六七八九十百千万]{1,8})`;
