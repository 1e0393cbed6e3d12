/**
 * Term lists with benign exceptions: absolute terms (最 / 第一 but not 最近 / 第一次), efficacy claims,
 * competitor names. An exception occurrence that covers a hit clears it.
 */
import type { Severity } from '../knowledge/schemas.ts';
import type { Flag } from '../suggestion-schema.ts';
import { covers, findAll, normalizeAligned, overlaps } from '../tags/find-phrases.ts';
import type { Span } from '../tags/find-phrases.ts';
import { makeFlag } from './flag.ts';

export interface TermList {
  rule: string;
  severity: Severity;
  reason: string;
  terms: string[];
  exceptions: string[];
}

const ASCII = /[a-z0-9]/u;

/** "hm" must not match inside "html": ASCII terms need non-ASCII-word neighbours. */
function bounded(normalized: string, span: Span): boolean {
  const first = normalized.charAt(span.start);
  const last = normalized.charAt(span.end - 1);
  if (ASCII.test(first) && ASCII.test(normalized.charAt(span.start - 1))) return false;
  if (ASCII.test(last) && ASCII.test(normalized.charAt(span.end))) return false;
  return true;
}

function norm(words: readonly string[]): string[] {
  return [...new Set(words.map((w) => normalizeAligned(w)))].sort((a, b) => b.length - a.length);
}

export function compileTermList(rule: string, list: { severity: Severity; reason: string; terms: string[]; exceptions: string[] }): TermList {
  return { rule, severity: list.severity, reason: list.reason, terms: norm(list.terms), exceptions: norm(list.exceptions) };
}

export function checkTerms(list: TermList, text: string, normalized = normalizeAligned(text)): Flag[] {
  const excused: Span[] = list.exceptions.flatMap((phrase) => findAll(normalized, phrase));
  const taken: Span[] = [];
  const flags: Flag[] = [];
  // Longest terms first so "全网最低" is one flag, not also "最".
  for (const term of list.terms) {
    for (const span of findAll(normalized, term)) {
      if (!bounded(normalized, span) || taken.some((t) => overlaps(t, span))) continue;
      if (excused.some((e) => covers(e, span))) continue;
      taken.push(span);
      flags.push(makeFlag(list.rule, text, span, list.reason, list.severity));
    }
  }
  return flags;
}
