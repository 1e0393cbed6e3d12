import type { Flag } from '../assist/suggestion-schema.ts';
import type { StoredSuggestion } from './suggestion-store.ts';

export type Severity = Flag['severity'];
const RANK: Record<Severity, number> = { info: 0, warn: 1, block: 2 };

/**
 * A store's own approval policy: a draft is held when one of its flags is at or above the store's
 * threshold (a cautious store may hold on `warn`). Without a store threshold, the engine's decision stands.
 */
export function applyStorePolicy(suggestion: StoredSuggestion, threshold: Severity | undefined): StoredSuggestion {
  if (!threshold) return suggestion;
  return {
    ...suggestion,
    drafts: suggestion.drafts.map((d) => ({ ...d, needsApproval: d.flags.some((f) => RANK[f.severity] >= RANK[threshold]) })),
  };
}
