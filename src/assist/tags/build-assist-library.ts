/**
 * The library the engines use: corp tags joined with the tenant's tag rules and the category keywords
 * the catalog teaches. Built once per knowledge base and corp tag content: the platform's tag cache may
 * hand over a fresh object on every call, so the corp tags are keyed by content, not identity.
 */
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import type { CorpTagLibraryInput } from '../knowledge/schemas.ts';
import { catalogCategoryRules, mergeTagRules } from './catalog-rules.ts';
import { buildTagLibrary } from './tag-library.ts';
import type { TagLibrary } from './tag-library.ts';

const KEEP = 4;
const cache = new WeakMap<KnowledgeBase, Map<string, TagLibrary>>();
const byIdentity = new WeakMap<KnowledgeBase, WeakMap<object, TagLibrary>>();

export function buildAssistLibrary(corp: CorpTagLibraryInput, kb: KnowledgeBase): TagLibrary {
  let same = byIdentity.get(kb);
  if (!same) byIdentity.set(kb, (same = new WeakMap()));
  const known = same.get(corp);
  if (known) return known;
  let byCorp = cache.get(kb);
  if (!byCorp) cache.set(kb, (byCorp = new Map()));
  const key = JSON.stringify(corp);
  let library = byCorp.get(key);
  if (!library) {
    library = buildTagLibrary(corp, mergeTagRules(kb.tagRules, catalogCategoryRules(kb.products, corp, kb.tagRules)));
    // A tag library changes rarely; keep the last few versions, oldest out first.
    if (byCorp.size >= KEEP) byCorp.delete(byCorp.keys().next().value ?? '');
    byCorp.set(key, library);
  }
  same.set(corp, library);
  return library;
}
