/**
 * The library the engines use: corp tags joined with the tenant's tag rules and the category keywords
 * the catalog teaches. Memoised per (corp tags, knowledge base) pair, both of which are replaced, not
 * mutated, when they change.
 */
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import type { CorpTagLibraryInput } from '../knowledge/schemas.ts';
import { catalogCategoryRules, mergeTagRules } from './catalog-rules.ts';
import { buildTagLibrary } from './tag-library.ts';
import type { TagLibrary } from './tag-library.ts';

const cache = new WeakMap<object, WeakMap<KnowledgeBase, TagLibrary>>();

export function buildAssistLibrary(corp: CorpTagLibraryInput, kb: KnowledgeBase): TagLibrary {
  let byKb = cache.get(corp);
  if (!byKb) cache.set(corp, (byKb = new WeakMap()));
  let library = byKb.get(kb);
  if (!library) {
    library = buildTagLibrary(corp, mergeTagRules(kb.tagRules, catalogCategoryRules(kb.products, corp, kb.tagRules)));
    byKb.set(kb, library);
  }
  return library;
}
