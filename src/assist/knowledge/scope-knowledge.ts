/**
 * The knowledge base as one set of stores sees it: a script limited to some stores is left out for a guide
 * of any other store, in drafts, in the model's prompt and in search alike. Products, FAQ and policy are
 * shared by the whole company.
 */
import { buildBm25Index } from './bm25-index.ts';
import { scriptText, type KnowledgeBase } from './build-knowledge-base.ts';
import type { Script } from './schemas.ts';
import { tokenize } from './segment.ts';

/** Every store (an admin), or the stores a member works in (none: company-wide scripts only). */
export type StoreScope = 'all' | readonly string[];

export function visibleTo(script: Script, scope: StoreScope): boolean {
  return !script.stores || scope === 'all' || script.stores.some((store) => scope.includes(store));
}

// One scoped base per knowledge base and store set: a reload drops them with the base they came from.
const cache = new WeakMap<KnowledgeBase, Map<string, KnowledgeBase>>();

export function scopeKnowledge(kb: KnowledgeBase, scope: StoreScope): KnowledgeBase {
  if (scope === 'all' || kb.scripts.every((script) => !script.stores)) return kb;
  const key = [...new Set(scope)].sort().join('\n');
  let scoped = cache.get(kb);
  if (!scoped) cache.set(kb, (scoped = new Map()));
  const known = scoped.get(key);
  if (known) return known;
  const scripts = kb.scripts.filter((script) => visibleTo(script, scope));
  const view: KnowledgeBase = {
    ...kb,
    scripts,
    scriptIndex: buildBm25Index(scripts.map((script) => tokenize(scriptText(script)))),
    scriptById: new Map(scripts.map((script) => [script.id, script])),
  };
  scoped.set(key, view);
  return view;
}
