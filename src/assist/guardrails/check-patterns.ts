/** Regex-driven checks: refund/compensation promises, the operator's extra rules, personal numbers. */
import type { Policy, Severity } from '../knowledge/schemas.ts';
import { findPii } from '../pii.ts';
import type { Flag } from '../suggestion-schema.ts';
import { covers, findAll, findRegex, normalizeAligned } from '../tags/find-phrases.ts';
import { makeFlag } from './flag.ts';

export interface PatternRule {
  rule: string;
  pattern: RegExp;
  reason: string;
  severity: Severity;
}

export function checkPatterns(text: string, rules: readonly PatternRule[]): Flag[] {
  const normalized = normalizeAligned(text);
  return rules.flatMap((r) => findRegex(normalized, r.pattern).map((span) => makeFlag(r.rule, text, span, r.reason, r.severity)));
}

/** A promise inside one of the policy's own promises ("七天无理由退换") is the policy, not a promise. */
export function checkPromises(text: string, patterns: readonly RegExp[], policy: Policy, reason: string, severity: Severity): Flag[] {
  const normalized = normalizeAligned(text);
  const kept = policy.promises.flatMap((p) => p.phrases).flatMap((phrase) => findAll(normalized, normalizeAligned(phrase)));
  const flags: Flag[] = [];
  for (const pattern of patterns) {
    for (const span of findRegex(normalized, pattern)) {
      if (kept.some((k) => covers(k, span))) continue;
      if (flags.some((f) => f.span[0] < span.end && span.start < f.span[1])) continue;
      flags.push(makeFlag('promise', text, span, reason, severity));
    }
  }
  return flags;
}

export function checkPii(text: string, reason: string, severity: Severity): Flag[] {
  return findPii(text).map((hit) => makeFlag('pii', text, hit, reason, severity));
}
