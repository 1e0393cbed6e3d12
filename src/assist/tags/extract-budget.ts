/**
 * Budget expressions ("500左右", "一千以内", "300到500", "两千多", "预算800") → an amount interval,
 * and budget tag names ("200以下", "200-500", "3000以上") → bands, so any corp library whose tag
 * names read as price bands gets budget tagging without rules.
 */
import type { Span } from './find-phrases.ts';
import { AMOUNT_SOURCE, parseAmount } from './parse-amount.ts';

export interface AmountInterval {
  lo: number;
  hi: number;
  span: Span;
  /** 1 for an explicit budget phrase, lower for a bare amount ("899元吗" may be a price question). */
  strength: number;
}

export interface Band {
  lo: number;
  hi: number;
}

const N = AMOUNT_SOURCE;
const CURRENCY = String.raw`(?:元|块钱|块|蚊|rmb|¥|￥)?`;
// Ordered: the first pattern that matches a span wins, so specific shapes come before the bare amount.
const PATTERNS: { re: RegExp; interval: (a: number, b: number) => [number, number]; strength?: number }[] = [
  { re: new RegExp(String.raw`(${N})${CURRENCY}\s*(?:到|至|-|~|～|—)\s*(${N})${CURRENCY}`, 'gu'), interval: (a, b) => [Math.min(a, b), Math.max(a, b)] },
  { re: new RegExp(String.raw`(?:不超过|不要超过|不能超过|别超过|最多|控制在|封顶)\s*(${N})${CURRENCY}`, 'gu'), interval: (a) => [a * 0.6, a] },
  // "预算其实可以到八百", "能放宽到一千": the ceiling raised to.
  { re: new RegExp(String.raw`(?:能到|可以到|最多到|放宽到|加到|提到|涨到)\s*(${N})${CURRENCY}`, 'gu'), interval: (a) => [a * 0.6, a] },
  { re: new RegExp(String.raw`(${N})\s*${CURRENCY}\s*(?:以内|之内|以里|以下|内)`, 'gu'), interval: (a) => [a * 0.6, a] },
  { re: new RegExp(String.raw`(${N})\s*${CURRENCY}\s*(?:以上|起)`, 'gu'), interval: (a) => [a, a * 1.5] },
  // "一千多点": a little over.
  { re: new RegExp(String.raw`(${N})\s*多一?点`, 'gu'), interval: (a) => [a, a * 1.3] },
  { re: new RegExp(String.raw`(${N})\s*多(?!少|了|岁)\s*${CURRENCY}`, 'gu'), interval: (a) => [a, a + magnitude(a)] },
  // "一千出头": a little over, so around a tenth more.
  { re: new RegExp(String.raw`(${N})\s*${CURRENCY}\s*出头`, 'gu'), interval: (a) => [Math.round((a * 1.1) / 10) * 10, Math.round((a * 1.1) / 10) * 10] },
  { re: new RegExp(String.raw`(${N})\s*${CURRENCY}\s*(?:左右|上下|附近)`, 'gu'), interval: (a) => [a, a] },
  { re: new RegExp(String.raw`(${N})\s*来\s*(?:块钱|块|元)`, 'gu'), interval: (a) => [a, a] },
  { re: new RegExp(String.raw`(?:预算|价位|价格|价钱|预计|打算花|准备花|想花|能花|花个|凑了|凑个|加起来|合起来)[^，,。\d零〇一二两三四五六七八九十百千万]{0,4}(${N})`, 'gu'), interval: (a) => [a, a] },
  { re: new RegExp(String.raw`(?:¥|￥)\s*(${N})|(${N})\s*(?:元|块钱|块)`, 'gu'), interval: (a) => [a, a], strength: 0.3 },
];

/** "三四百" / "七八百" / "俩仨百": adjacent digits before a unit read as a range. */
const FUZZY = /([一二两三四五六七八俩])([二两三四五六七八九仨])(百|千)(?:块钱|块|元|蚊)?/gu;
const SPOKEN_DIGITS: Record<string, string> = { 俩: '两', 仨: '三' };

/** Amounts said loosely: 千几 (a thousand and some), 千把块, 千儿八百, 大几百, 小一千. */
const LOOSE: [RegExp, number, number][] = [
  [/(?<![一两二三四五六七八九\d])千几(?:百)?(?:块钱|块|元|蚊)?/gu, 1100, 1900],
  [/千儿八百/gu, 800, 1000],
  [/千把(?:块钱|块|元|蚊)?/gu, 900, 1100],
  [/大几百(?:块钱|块|元|蚊)?/gu, 600, 900],
  [/小一千|小1000/gu, 800, 1000],
];
const THOUSANDS_AND_SOME = /([一两二三四五六七八九])千几(?:百)?(?:块钱|块|元|蚊)?/gu;
/** "一千五六": a thousand five or six hundred. */
const THOUSAND_AND = /([一两二三四五六七八九])千([一二三四五六七八])([二三四五六七八九])(?![百千\d])/gu;

/** Measures, not money: a number followed by one of these is a size, a weight or a count. */
const NOT_MONEY_AFTER = /^\s*(?:cm|厘米|公分|mm|kg|公斤|斤|码|号|岁|ml|毫升|g|克|件|个|天|次|年|月(?!底|初|末|中)|w粉|分钟|小时|平|米|度|%|积分|分)/iu;
const NOT_MONEY_BEFORE = /(?:身高|体重|腰围|胸围|臀围|肩宽|鞋码|尺码|码数|年龄|第|岁|cm|积分|今年)\s*$/iu;

function magnitude(amount: number): number {
  return 10 ** Math.floor(Math.log10(Math.max(amount, 1)));
}

export function extractAmounts(text: string): AmountInterval[] {
  const found: AmountInterval[] = [];
  const taken: Span[] = [];
  const free = (span: Span): boolean => taken.every((t) => span.end <= t.start || span.start >= t.end);
  for (const [re, lo, hi] of LOOSE) {
    for (const match of text.matchAll(re)) {
      const span = { start: match.index, end: match.index + match[0].length };
      if (!free(span)) continue;
      found.push({ lo, hi, span, strength: 1 });
      taken.push(span);
    }
  }
  // "两千几", "一千几": a number of thousands and some.
  for (const match of text.matchAll(THOUSANDS_AND_SOME)) {
    const thousands = parseAmount(match[1] ?? '') ?? 0;
    const span = { start: match.index, end: match.index + match[0].length };
    if (!free(span) || thousands < 1) continue;
    found.push({ lo: thousands * 1000 + 100, hi: thousands * 1000 + 900, span, strength: 1 });
    taken.push(span);
  }
  for (const match of text.matchAll(THOUSAND_AND)) {
    const [thousands, a, b] = [match[1], match[2], match[3]].map((d) => parseAmount(d ?? '') ?? 0);
    const span = { start: match.index, end: match.index + match[0].length };
    if (b !== (a ?? 0) + 1 || !free(span)) continue;
    found.push({ lo: (thousands ?? 0) * 1000 + (a ?? 0) * 100, hi: (thousands ?? 0) * 1000 + (b ?? 0) * 100, span, strength: 1 });
    taken.push(span);
  }
  for (const match of text.matchAll(FUZZY)) {
    const unit = match[3] === '千' ? 1000 : 100;
    const a = parseAmount(SPOKEN_DIGITS[match[1] ?? ''] ?? match[1] ?? '') ?? 0;
    const b = parseAmount(SPOKEN_DIGITS[match[2] ?? ''] ?? match[2] ?? '') ?? 0;
    const span = { start: match.index, end: match.index + match[0].length };
    if (b === a + 1) {
      found.push({ lo: a * unit, hi: b * unit, span, strength: 1 });
      taken.push(span);
    }
  }
  for (const { re, interval, strength } of PATTERNS) {
    re.lastIndex = 0;
    for (const match of text.matchAll(re)) {
      const span = { start: match.index, end: match.index + match[0].length };
      if (!free(span)) continue;
      const before = text.slice(0, span.start);
      const first = parseAmount(match[1] ?? match[2] ?? '');
      // "五十多岁 一千左右": after an age, a worded amount no one is tall is a budget ("12岁 150左右" is a height).
      const agedOnly = /岁\s*$/u.test(before) && (first ?? 0) > 250 && /左右|上下|以内|之内|以下|出头|不超过|别超过|最多|预算|元|块/u.test(match[0]);
      if (NOT_MONEY_AFTER.test(text.slice(span.end)) || (NOT_MONEY_BEFORE.test(before) && !agedOnly)) continue;
      const second = match[2] !== undefined && match[1] !== undefined ? parseAmount(match[2]) : first;
      if (first === undefined || second === undefined || first < 10 || first > 1_000_000) continue;
      const [lo, hi] = interval(first, second);
      found.push({ lo, hi, span, strength: strength ?? 1 });
      taken.push(span);
    }
  }
  return found.sort((x, y) => x.span.start - y.span.start);
}

const BAND_BELOW = /^(?:¥|￥)?(\d+)\s*(?:元|块)?\s*(?:以下|以内|及以下)$/u;
const BAND_RANGE = /^(?:¥|￥)?(\d+)\s*(?:元|块)?\s*(?:-|~|～|到|至|—)\s*(\d+)\s*(?:元|块)?$/u;
const BAND_ABOVE = /^(?:¥|￥)?(\d+)\s*(?:元|块)?\s*(?:以上|及以上|\+)$/u;

/** A budget tag name as a band [lo, hi); undefined when the name is not a price band. */
export function parseBand(name: string): Band | undefined {
  const trimmed = name.trim();
  const below = BAND_BELOW.exec(trimmed);
  if (below) return { lo: 0, hi: Number(below[1]) };
  const range = BAND_RANGE.exec(trimmed);
  if (range) return { lo: Number(range[1]), hi: Number(range[2]) };
  const above = BAND_ABOVE.exec(trimmed);
  if (above) return { lo: Number(above[1]), hi: Number.POSITIVE_INFINITY };
  return undefined;
}

/** The band an interval falls in, judged by its midpoint; bands are [lo, hi). */
export function pickBand<T extends { band: Band }>(bands: readonly T[], interval: { lo: number; hi: number }): T | undefined {
  const point = (interval.lo + interval.hi) / 2;
  return bands.find(({ band }) => point >= band.lo && point < band.hi) ?? bands.find(({ band }) => point === band.hi);
}
