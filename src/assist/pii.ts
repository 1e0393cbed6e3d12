/**
 * Personal numbers in chat text: mainland mobile numbers, landlines, 18-digit resident ID numbers and
 * bank cards. Masked before any text reaches a model, and flagged when a draft would send one.
 *
 * People and models write numbers in ways a plain digit regex misses: full-width digits (１３８…), digits
 * split by zero-width spaces or dots (138.1234.5678), Chinese numerals (一三八一二三四五六七八, 幺 for 1),
 * or a mix. Detection runs on a normalised copy (NFKC, zero-width characters dropped, Chinese digits
 * mapped) whose every character remembers where it came from, so hits still index the original text.
 */
import { normalizeDigits } from './normalize-digits.ts';

export type PiiKind = 'mobile' | 'landline' | 'id_card' | 'bank_card';

export interface PiiHit {
  kind: PiiKind;
  start: number;
  end: number;
  text: string;
}

// A separator people put between digit groups: space, dash, dot, underscore, slash, middle dot, dashes.
const SEP = String.raw`[\s\-._/·—–]?`;
const d = (n: number): string => String.raw`\d(?:${SEP}\d){${n - 1}}`;

// Checked in this order; a later pattern never overrides a span an earlier one took.
const PATTERNS: { kind: PiiKind; re: RegExp; valid?: (digits: string) => boolean }[] = [
  {
    kind: 'id_card',
    // No check-digit test: a mistyped ID number is still someone's ID number.
    re: /(?<![0-9a-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dx](?![0-9a-z])/giu,
  },
  // Card numbers pass the Luhn check; order numbers and timestamps of the same length mostly do not.
  { kind: 'bank_card', re: new RegExp(String.raw`(?<![\d*])\d(?:${SEP}\d){15,18}(?![\d*])`, 'gu'), valid: isLuhnValid },
  { kind: 'mobile', re: new RegExp(String.raw`(?<![\d*])(?:\+?86${SEP})?1${SEP}[3-9]${SEP}\d${SEP}${d(4)}${SEP}${d(4)}(?![\d*])`, 'gu') },
  { kind: 'landline', re: new RegExp(String.raw`(?<![\d*])0\d{2,3}${SEP}[2-9](?:${SEP}\d){6,7}(?![\d*])`, 'gu') },
];

const NOT_DIGIT = /[^\dx+]/giu;

function isLuhnValid(digits: string): boolean {
  if (digits.length < 16 || digits.length > 19) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits.charAt(digits.length - 1 - i));
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

export function findPii(text: string): PiiHit[] {
  const { normalized, origin } = normalizeDigits(text);
  const hits: PiiHit[] = [];
  for (const { kind, re, valid } of PATTERNS) {
    re.lastIndex = 0;
    for (const match of normalized.matchAll(re)) {
      const start = origin[match.index] ?? 0;
      const end = (origin[match.index + match[0].length - 1] ?? start) + 1;
      if (hits.some((h) => start < h.end && h.start < end)) continue;
      if (valid && !valid(match[0].replace(NOT_DIGIT, ''))) continue;
      hits.push({ kind, start, end, text: match[0] });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** Keeps the first three and last four digits ("138****5678"): enough for a guide to recognise, useless to leak. */
function maskValue(value: string, kind: PiiKind): string {
  let compact = value.replace(NOT_DIGIT, '');
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
