/**
 * Phrase search on text normalised one character at a time (full-width → half-width, lower case), so
 * every hit's [start, end) indexes the original text and can be quoted back as evidence.
 */

export interface Span {
  start: number;
  end: number;
}

export function normalizeAligned(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0).toLowerCase();
    else if (code === 0x3000) out += ' ';
    else out += ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch;
  }
  return out;
}

/** Every occurrence of `phrase` (already normalised) in `normalized`, non-overlapping, left to right. */
export function findAll(normalized: string, phrase: string): Span[] {
  const spans: Span[] = [];
  if (phrase.length === 0) return spans;
  let from = 0;
  for (;;) {
    const at = normalized.indexOf(phrase, from);
    if (at < 0) return spans;
    spans.push({ start: at, end: at + phrase.length });
    from = at + phrase.length;
  }
}

export function findRegex(text: string, pattern: RegExp): Span[] {
  const spans: Span[] = [];
  const global = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
  global.lastIndex = 0;
  for (const match of text.matchAll(global)) {
    if (match[0].length === 0) continue;
    spans.push({ start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function covers(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

const CLAUSE_BREAK = /[，,。.！!？?；;\n\r~～…]/u;

/**
 * The clause around a hit, for evidence the guide can read ("预算五百左右" rather than "五百"),
 * capped at `max` characters centred on the hit.
 */
export function clauseAround(text: string, span: Span, max = 24): Span {
  let start = span.start;
  while (start > 0 && !CLAUSE_BREAK.test(text.charAt(start - 1)) && span.end - (start - 1) <= max) start--;
  let end = span.end;
  while (end < text.length && !CLAUSE_BREAK.test(text.charAt(end)) && end + 1 - start <= max) end++;
  while (start < span.start && /\s/u.test(text.charAt(start))) start++;
  while (end > span.end && /\s/u.test(text.charAt(end - 1))) end--;
  return { start, end };
}
