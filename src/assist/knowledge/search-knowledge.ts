/** Knowledge-base search for the sidebar: products, FAQ and scripts in one ranked list. */
import { toQuery } from './bm25-index.ts';
import type { KnowledgeBase } from './build-knowledge-base.ts';
import { fillSlots, type SlotValues } from './fill-slots.ts';
import { tokenize } from './segment.ts';

export interface KnowledgeHit {
  kind: 'product' | 'faq' | 'script';
  id: string;
  title: string;
  text: string;
  score: number;
  /** Catalog price, for products. */
  price?: number;
  /** Slots nothing could fill ("product_name"): not sendable until the guide picks a product. */
  slots?: string[];
}

/** FAQ answers and scripts are templates: filled from what the caller knows, the rest reported. */
function filled<T extends { text: string }>(hit: T, values: SlotValues): T & { slots?: string[] } {
  const { text, slots } = fillSlots(hit.text, values);
  return { ...hit, text, ...(slots.length > 0 ? { slots } : {}) };
}

export function searchKnowledge(kb: KnowledgeBase, query: string, n = 10, values: SlotValues = {}): KnowledgeHit[] {
  const terms = toQuery(tokenize(query));
  if (terms.size === 0 || n <= 0) return [];
  const hits: KnowledgeHit[] = [
    ...kb.productIndex.search(terms, n).flatMap(({ doc, score }) => {
      const p = kb.products[doc];
      return p ? [{ kind: 'product' as const, id: p.sku, title: p.name, text: p.description, score, price: p.price }] : [];
    }),
    ...kb.faqIndex.search(terms, n).flatMap(({ doc, score }) => {
      const f = kb.faqs[doc];
      return f ? [filled({ kind: 'faq' as const, id: f.id, title: f.question, text: f.answer, score }, values)] : [];
    }),
    ...kb.scriptIndex.search(terms, n).flatMap(({ doc, score }) => {
      const s = kb.scripts[doc];
      return s ? [filled({ kind: 'script' as const, id: s.id, title: s.intent, text: s.text, score }, values)] : [];
    }),
  ];
  return hits.sort((a, b) => b.score - a.score || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id)).slice(0, n);
}
