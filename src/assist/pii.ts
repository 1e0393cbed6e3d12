/**
 * Personal numbers in chat text: mainland mobile numbers, landlines, 18-digit resident ID numbers and
 * bank cards. Masked before any text reaches a model, and flagged when a draft would send one.
 */

export type PiiKind = 'mobile' | 'landline' | 'id_card' | 'bank_card';

export interface PiiHit {
  kind: PiiKind;
  start: number;
  end: number;
  text: string;
}

// Checked in this order; a later pattern never overrides a span an earlier one took.
const PATTERNS: { kind: PiiKind; re: RegExp; valid?: (digits: string) => boolean }[] = [
  {
    kind: 'id_card',
    // No check-digit test: a mistyped ID number is still someone's ID number.
    re: /(?<![0-9a-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dx](?![0-9a-z])/giu,
  },
  // Card numbers pass the Luhn check; order numbers and timestamps of the same length mostly do not.
  { kind: 'bank_card', re: /(?<![\d*])\d(?:[ -]?\d){15,18}(?![\d*])/gu, valid: isLuhnValid },
  { kind: 'mobile', re: /(?<![\d*])(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?![\d*])/gu },
  { kind: 'landline', re: /(?<![\d*])0\d{2,3}[-\s]?[2-9]\d{6,7}(?![\d*])/gu },
];

function isLuhnValid(digits: string): boolean {
  if (digits.length < 16 || digits.length > 19) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits.charAt(digits.length - 1 - i));
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function findPii(text: string): PiiHit[] {
  const hits: PiiHit[] = [];
  for (const { kind, re, valid } of PATTERNS) {
    re.lastIndex = 0;
    for (const match of text.matchAll(re)) {
      const start = match.index;
      const end = start + match[0].length;
      if (hits.some((h) => start < h.end && h.start < end)) continue;
      if (valid && !valid(match[0].replace(/[\s-]/gu, ''))) continue;
      hits.push({ kind, start, end, text: match[0] });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** Keeps the first three and last four digits ("138****5678"): enough for a guide to recognise, useless to leak. */
function maskValue(value: string, kind: PiiKind): string {
  let compact = value.replace(/[\s-]/gu, '');
  // "+86 139…" keeps no country code: the mask reads like the number a guide knows.
  if (kind === 'mobile') compact = compact.replace(/^\+?86(?=1\d{10}$)/u, '');
  if (compact.length <= 7) return '*'.repeat(compact.length);
  return `${compact.slice(0, 3)}${'*'.repeat(compact.length - 7)}${compact.slice(-4)}`;
}

export function maskPii(text: string): string {
  const hits = findPii(text);
  let out = '';
  let at = 0;
  for (const hit of hits) {
    out += text.slice(at, hit.start) + maskValue(hit.text, hit.kind);
    at = hit.end;
  }
  return out + text.slice(at);
}
