/**
 * A copy of a text for number detection, with a map back to the original: NFKC per character (full-width
 * １２３ and ＋ become ASCII), zero-width and other invisible formatting characters dropped, and Chinese
 * digits mapped (一…九, 〇/零 → 0, 幺 → 1, 两 → 2). Only characters are mapped, never removed from
 * the original, so a hit [i, j) in the copy is [origin[i], origin[j - 1] + 1) in the text.
 */

const CN = new Map<number, string>(
  Object.entries({ 〇: '0', 零: '0', 一: '1', 幺: '1', 二: '2', 两: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' }).map(([ch, digit]) => [ch.charCodeAt(0), digit]),
);

/** Zero-width space/joiners, bidi marks, word joiner, BOM, soft hyphen: invisible, and used to split numbers. */
function invisible(code: number): boolean {
  return code === 0xad || code === 0x180e || (code >= 0x200b && code <= 0x200f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2060 && code <= 0x2064) || code === 0xfeff;
}

export interface NormalizedDigits {
  normalized: string;
  /** origin[i] = index in the original text of normalized[i]. */
  origin: number[];
}

export function normalizeDigits(text: string): NormalizedDigits {
  const out: string[] = [];
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      out.push(text.charAt(i));
      origin.push(i);
      continue;
    }
    if (invisible(code)) continue;
    const digit = CN.get(code);
    if (digit !== undefined) {
      out.push(digit);
      origin.push(i);
      continue;
    }
    // Full-width ASCII (１２３, ＋, ｗｗｗ) directly; NFKC only where other compatibility forms live (circled
    // digits, letterlike symbols). CJK text around a number has nothing for it to change, and it is slow.
    if (code >= 0xff01 && code <= 0xff5e) {
      out.push(String.fromCharCode(code - 0xfee0));
      origin.push(i);
      continue;
    }
    const ch = text.charAt(i);
    const mapped = code < 0x2000 || (code >= 0x3400 && code < 0xf900) || (code >= 0xd800 && code < 0xe000) ? ch : ch.normalize('NFKC');
    for (let k = 0; k < mapped.length; k++) {
      out.push(mapped.charAt(k));
      origin.push(i);
    }
  }
  return { normalized: out.join(''), origin };
}
