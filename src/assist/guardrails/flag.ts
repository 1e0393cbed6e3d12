/** Flag helpers shared by the checks. */
import type { Severity } from '../knowledge/schemas.ts';
import type { Flag } from '../suggestion-schema.ts';
import type { Span } from '../tags/find-phrases.ts';

const RANK: Record<Severity, number> = { info: 0, warn: 1, block: 2 };

export function atLeast(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] >= RANK[threshold];
}

export function makeFlag(rule: string, text: string, span: Span, reason: string, severity: Severity): Flag {
  return { rule, span: [span.start, span.end], text: text.slice(span.start, span.end), reason, severity };
}
