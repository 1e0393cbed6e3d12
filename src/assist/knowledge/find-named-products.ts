/** Catalog products named in a text (by name or sku), longest names first so "羊绒围巾" beats "围巾". */
import { normalizeAligned } from '../tags/find-phrases.ts';
import type { KnowledgeBase } from './build-knowledge-base.ts';
import type { Product } from './schemas.ts';

export function findNamedProducts(kb: KnowledgeBase, text: string): Product[] {
  const normalized = normalizeAligned(text);
  // "晚桂淡香精100ml" names "晚桂淡香精 100ml": spaces inside a name are not needed to name it.
  const compact = normalized.replace(/\s+/gu, '');
  const found: Product[] = [];
  for (const { product, name, sku } of kb.namedProducts) {
    if (normalized.includes(name) || normalized.includes(sku) || (name.includes(' ') && compact.includes(name.replace(/\s+/gu, '')))) found.push(product);
  }
  return found;
}
