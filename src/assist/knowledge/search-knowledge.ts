/** Knowledge-base search for the sidebar: products, FAQ and scripts in one ranked list. */
import { toQuery } from './bm25-index.ts';
import type { KnowledgeBase } from './build-knowledge-base.ts';
import { tokenize } from './segment.ts';

export interface KnowledgeHit {
  kind: 'product' | 'faq' | 'script';
  id: string;
  title: string;
  text: string;
  score: number;
  /** Catalog price, for products. */
  price?: number;
}

export function searchKnowledge(kb: KnowledgeBase, query: string, n = 10): KnowledgeHit[] {
  const terms = toQuery(tokenize(query));
  if (terms.size === 0 || n <= 0) return [];
  const hits: KnowledgeHit[] = [
    ...kb.productIndex.search(terms, n).flatMap(({ doc, score }) => {
      const p = kb.products[doc];
      return p ? [{ kind: 'product' as const, id: p.sku, title: p.name, text: p.description, score, price: p.price }] : [];
    }),
    ...kb.faqIndex.search(terms, n).flatMap(({ doc, score }) => {
      const f = kb.faqs[doc];
      return f ? [{ kind: 'faq' as const, id: f.id, title: f.question, text: f.answer, score }] : [];
    }),
    ...kb.scriptIndex.search(terms, n).flatMap(({ doc, score }) => {
      const s = kb.scripts[doc];
      return s ? [{ kind: 'script' as const, id: s.id, title: s.intent, text: s.text, score }] : [];
    }),
  ];
  return hits.sort((a, b) => b.score - a.score || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id)).slice(0, n);
}
