/**
 * Sizes as customers give them: letter sizes ("M码", "穿L的"), GB/T 1335 号型 ("160/84A"), shoe
 * sizes ("鞋码37", "37码的鞋"). Letter sizes map to size tags; 号型 maps by height to a letter;
 * shoe sizes have no letter and are kept as a mention for the summary.
 */
import type { Span } from './find-phrases.ts';

export interface SizeMention {
  /** Canonical letter size (S, M, XL ...) when one applies. */
  letter: string | undefined;
  /** The size as written, normalised: "M", "160/84A", "37". */
  value: string;
  kind: 'letter' | 'height' | 'shoe';
  span: Span;
  strength: number;
}

const LETTERS = ['XXS', 'XS', 'S', 'M', 'L', 'XL', 'XXL', 'XXXL'];
const LETTER_ALIASES: Record<string, string> = { '2XL': 'XXL', '3XL': 'XXXL', '2XS': 'XXS' };

export function canonicalLetter(raw: string): string | undefined {
  const upper = raw.toUpperCase();
  const letter = LETTER_ALIASES[upper] ?? upper;
  return LETTERS.includes(letter) ? letter : undefined;
}

/** A size tag group is one whose tag names are mostly letter sizes. */
export function isLetterSizeName(name: string): boolean {
  return canonicalLetter(name.trim()) !== undefined;
}

// Latin letters glued to other Latin letters are words (MAC, SK-II), not sizes.
const LETTER_SIZE = /(?<![a-z])(xxxl|xxl|xxs|[2-3]xl|2xs|xl|xs|s|m|l)(?![a-z])\s*(码|号|size|的)?/giu;
const LETTER_CUE_BEFORE = /(?:穿|要|拿|选|换|换成|估计|应该|这次|改成?|尺码|码数|尺寸|是|一件|来件|平时|买|上衣|裤子|裙子|一般|常穿|下身|上身|色|款|[一两二三四五六七八九十\d](?:条|件|套|双)|(?<![a-z])(?:XXL|XL|XS|S|M|L)\s*(?:[和跟、/]|还是)\s*[一两二三四五六七八九十\d]?(?:条|件|套)?)\s*$/iu;
const LETTER_CUE_AFTER = /^\s*(?:还有|有吗|有没有|有货|的|吗|就行|就可以|就够|应该可以|合适|(?:[和跟、/]|还是)\s*[一两二三四五六七八九十\d]?(?:条|件|套)?\s*(?:XXL|XL|XS|S|M|L)(?![a-z]))/iu;
const HEIGHT_SIZE = /(1[4-9]\d)\s*\/\s*(\d{2,3})\s*([ABCY])?/giu;
// "渔夫鞋399元" is a price: a shoe size is two digits standing alone.
const SHOE_SIZE = /(?:鞋码|鞋子?|穿)\s*(3[4-9]|4[0-6])(?!\d)(?:\.5)?\s*码?|(?<!\d)(3[4-9]|4[0-6])(?:\.5)?\s*码(?:的)?鞋/gu;

// 号型 by height: women's and men's charts differ by about one size.
const FEMALE_BY_HEIGHT: [number, string][] = [[150, 'XS'], [155, 'S'], [160, 'M'], [165, 'L'], [170, 'XL'], [175, 'XXL']];
const MALE_BY_HEIGHT: [number, string][] = [[160, 'XS'], [165, 'S'], [170, 'M'], [175, 'L'], [180, 'XL'], [185, 'XXL']];

function letterForHeight(height: number, male: boolean): string | undefined {
  const chart = male ? MALE_BY_HEIGHT : FEMALE_BY_HEIGHT;
  let best: string | undefined;
  for (const [min, letter] of chart) if (height >= min - 2) best = letter;
  return best;
}

export function extractSizes(text: string, options: { male?: boolean } = {}): SizeMention[] {
  const found: SizeMention[] = [];
  for (const match of text.matchAll(HEIGHT_SIZE)) {
    const height = Number(match[1]);
    found.push({
      letter: letterForHeight(height, options.male ?? false),
      value: `${match[1]}/${match[2]}${(match[3] ?? '').toUpperCase()}`,
      kind: 'height',
      span: { start: match.index, end: match.index + match[0].length },
      strength: 0.6,
    });
  }
  for (const match of text.matchAll(SHOE_SIZE)) {
    found.push({
      letter: undefined,
      value: match[1] ?? match[2] ?? '',
      kind: 'shoe',
      span: { start: match.index, end: match.index + match[0].length },
      strength: 0.8,
    });
  }
  for (const match of text.matchAll(LETTER_SIZE)) {
    const letter = canonicalLetter(match[1] ?? '');
    if (!letter) continue;
    const span = { start: match.index, end: match.index + match[0].length };
    if (found.some((f) => f.span.start < span.end && span.start < f.span.end)) continue;
    const end = match.index + match[0].length;
    // "M，驼色有吗": a letter standing alone as a clause answers "穿什么码".
    const alone = /(?:^|[\s，,。.！!？?、])$/u.test(text.slice(0, match.index)) && /^\s*(?:$|[，,。.！!？?、])/u.test(text.slice(end));
    const cued = match[2] !== undefined || alone || LETTER_CUE_BEFORE.test(text.slice(0, match.index)) || LETTER_CUE_AFTER.test(text.slice(end));
    // A bare "s" or "m" in Chinese text is too often something else ("m我一下"); a cue is required.
    if (!cued && letter.length === 1) continue;
    found.push({ letter, value: letter, kind: 'letter', span, strength: cued ? 0.9 : 0.6 });
  }
  return found.sort((x, y) => x.span.start - y.span.start);
}
