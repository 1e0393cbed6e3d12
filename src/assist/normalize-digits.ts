/**
 * A copy of a text for number detection, with a map back to the original: NFKC per character (full-width
 * １２３ and ＋ become ASCII), zero-width and other invisible formatting characters dropped, and Chinese
 * digits mapped (一…九, 〇/零 → 0, 幺 → 1, 两 → 2). Only characters are mapped, never removed from
 * the original, so a hit [i, j) in the copy is [origin[i], origin[j - 1] + 1) in the text.
 */

const CN: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 幺: '1', 二: '2', 两: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
// Zero-width space/joiners, word joiner, BOM, soft hyphen, bidi marks: invisible, and used to split numbers.
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/u;

export interface NormalizedDigits {
  normalized: string;
  /** origin[i] = index in the original text of normalized[i]. */
  origin: number[];
}

export function normalizeDigits(text: string): NormalizedDigits {
  let normalized = '';
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    const at = i;
    i += ch.length;
    if (INVISIBLE.test(ch)) continue;
    const mapped = CN[ch] ?? ch.normalize('NFKC');
    for (const unit of mapped) {
      normalized += unit;
      for (let k = 0; k < unit.length; k++) origin.push(at);
    }
  }
  return { normalized, origin };
}
