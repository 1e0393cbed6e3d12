/** Catalog products named in a text (by name or sku), longest names first so "羊绒围巾" beats "围巾". */
import { normalizeAligned } from '../tags/find-phrases.ts';
import type { KnowledgeBase } from './build-knowledge-base.ts';
import type { Product } from './schemas.ts';

const shortNames = new WeakMap<KnowledgeBase, Map<string, string>>();

/**
 * "轻透防晒乳" names "轻透防晒乳 SPF50+ PA++++": a name's part before its spec, when no other product
 * shares that part (normalized name → its head).
 */
function headsOf(kb: KnowledgeBase): Map<string, string> {
  let heads = shortNames.get(kb);
  if (heads) return heads;
  const count = new Map<string, number>();
  const headOf = (name: string): string | undefined => {
    const head = /^(\S{4,})\s/u.exec(name)?.[1];
    return head && !/\d/u.test(head) ? head : undefined;
  };
  for (const { name } of kb.namedProducts) {
    const head = headOf(name);
    if (head) count.set(head, (count.get(head) ?? 0) + 1);
  }
  heads = new Map();
  for (const { name } of kb.namedProducts) {
    const head = headOf(name);
    if (head && count.get(head) === 1 && !kb.namedProducts.some((n) => n.name === head)) heads.set(name, head);
  }
  shortNames.set(kb, heads);
  return heads;
}

export function findNamedProducts(kb: KnowledgeBase, text: string): Product[] {
  const normalized = normalizeAligned(text);
  // "晚桂淡香精100ml" names "晚桂淡香精 100ml": spaces inside a name are not needed to name it.
  const compact = normalized.replace(/\s+/gu, '');
  const heads = headsOf(kb);
  const found: Product[] = [];
  for (const { product, name, sku } of kb.namedProducts) {
    const head = heads.get(name);
    if (normalized.includes(name) || normalized.includes(sku) || (name.includes(' ') && compact.includes(name.replace(/\s+/gu, ''))) || (head !== undefined && normalized.includes(head))) found.push(product);
  }
  return found;
}
