/**
 * Guardrails compiled once per knowledge base (terms normalised, patterns built) and reused for every
 * draft until the knowledge is reloaded.
 */
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import type { GuardrailsConfig, Policy } from '../knowledge/schemas.ts';
import { BUILTIN_PROMISES } from './builtin-promises.ts';
import type { PatternRule } from './check-patterns.ts';
import { compileTermList } from './check-terms.ts';
import type { TermList } from './check-terms.ts';

export interface CompiledGuardrails {
  config: GuardrailsConfig;
  policy: Policy;
  termLists: TermList[];
  promisePatterns: RegExp[];
  extraRules: PatternRule[];
  /** Amounts any draft may state: the policy's amounts, thresholds and reductions. */
  policyAmounts: ReadonlySet<number>;
}

const cache = new WeakMap<KnowledgeBase, CompiledGuardrails>();

export function compileGuardrails(config: GuardrailsConfig, policy: Policy): CompiledGuardrails {
  return {
    config,
    policy,
    termLists: [
      compileTermList('absolute', config.absolute),
      compileTermList('efficacy', config.efficacy),
      compileTermList('competitor', config.competitors),
    ],
    promisePatterns: [...config.promises.patterns, ...BUILTIN_PROMISES].map((source) => new RegExp(source, 'giu')),
    extraRules: config.rules.map((r) => ({ rule: `rule:${r.id}`, pattern: new RegExp(r.pattern, 'giu'), reason: r.reason, severity: r.severity })),
    policyAmounts: new Set([...policy.amounts, ...policy.reductions.flatMap((r) => [r.threshold, r.off])]),
  };
}

export function guardrailsFor(kb: KnowledgeBase): CompiledGuardrails {
  let compiled = cache.get(kb);
  if (!compiled) cache.set(kb, (compiled = compileGuardrails(kb.guardrails, kb.policy)));
  return compiled;
}
