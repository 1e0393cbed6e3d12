/**
 * Which catalog products a draft names: the skus the engine attached, plus every product whose name
 * appears in the text. A name inside a longer matched name counts only as the longer one, so
 * "晚桂淡香精 100ml" is not also read as "晚桂淡香精" (a different price).
 */
import type { KnowledgeBase } from '../../src/assist/knowledge/build-knowledge-base.ts';
import type { Product } from '../../src/assist/knowledge/schemas.ts';

interface Needle {
  text: string;
  product: Product;
}

const needlesByKb = new WeakMap<KnowledgeBase, Needle[]>();

/** Full names, and the part before a space ("轻透防晒乳 SPF50+ PA++++" is often written "轻透防晒乳") when no other product has that name. */
function needlesOf(kb: KnowledgeBase): Needle[] {
  const cached = needlesByKb.get(kb);
  if (cached) return cached;
  const fullNames = new Set(kb.products.map((p) => p.name));
  const needles: Needle[] = [];
  for (const product of kb.products) {
    needles.push({ text: product.name, product });
    const short = product.name.split(/\s/u)[0] ?? '';
    if (short !== product.name && short.length >= 3 && !fullNames.has(short)) needles.push({ text: short, product });
  }
  needlesByKb.set(kb, needles);
  return needles;
}

export function productsNamedInText(kb: KnowledgeBase, text: string): Product[] {
  const hits: { start: number; end: number; product: Product }[] = [];
  for (const needle of needlesOf(kb)) {
    let from = text.indexOf(needle.text);
    while (from >= 0) {
      hits.push({ start: from, end: from + needle.text.length, product: needle.product });
      from = text.indexOf(needle.text, from + 1);
    }
  }
  const kept = hits.filter((hit) => !hits.some((other) => other !== hit && other.start <= hit.start && other.end >= hit.end && other.end - other.start > hit.end - hit.start));
  return [...new Map(kept.map((hit) => [hit.product.sku, hit.product])).values()];
}

export interface NamingDraft {
  text: string;
  skus?: readonly string[];
}

export function productsNamed(kb: KnowledgeBase, draft: NamingDraft): Product[] {
  const bySku = new Map<string, Product>();
  for (const sku of draft.skus ?? []) {
    const product = kb.productBySku.get(sku);
    if (product) bySku.set(sku, product);
  }
  for (const product of productsNamedInText(kb, draft.text)) bySku.set(product.sku, product);
  return [...bySku.values()];
}
