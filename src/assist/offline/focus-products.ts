/**
 * The product a conversation is about: one named in it (by name or sku, latest first), else a catalog
 * match for a product word the customer used that clearly beats the runner-up. Quoting the wrong
 * product's price is worse than quoting none, so an unclear match gives no focus.
 */
import type { AssistContext } from '../context.ts';
import { toQuery } from '../knowledge/bm25-index.ts';
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import { findNamedProducts } from '../knowledge/find-named-products.ts';
import type { Product } from '../knowledge/schemas.ts';
import { tokenize } from '../knowledge/segment.ts';
import { extractMentions } from '../tags/extract-mentions.ts';

const CLEAR_LEAD = 1.25;

export function findFocusProducts(kb: KnowledgeBase, context: AssistContext): Product[] {
  for (let i = context.window.length - 1; i >= 0; i--) {
    const message = context.window[i];
    if (!message) continue;
    const named = findNamedProducts(kb, message.text);
    if (named.length > 0) return named.slice(0, 3);
  }
  const last = context.lastCustomer;
  if (!last) return [];
  const mentions = extractMentions(last.text).filter((m) => m.type === 'product' || m.type === 'brand' || m.type === 'material' || m.type === 'model');
  if (!mentions.some((m) => m.type === 'product' || m.type === 'model')) return [];
  const query = toQuery(tokenize(last.text));
  for (const m of mentions) toQuery(tokenize(m.text), 1, query);
  // Only products that are the kind of thing the customer named ("面霜" → a 面霜, not a 精华油).
  const named = mentions.filter((m) => m.type === 'product' || m.type === 'model').map((m) => m.text.toLowerCase());
  const hits = kb.productIndex
    .search(query, 10)
    .filter(({ doc }) => {
      const p = kb.products[doc];
      const label = p ? `${p.name} ${p.subcategory}`.toLowerCase() : '';
      return named.some((word) => label.includes(word));
    });
  const [first, second] = hits;
  if (!first) return [];
  if (second && first.score < second.score * CLEAR_LEAD) return [];
  const product = kb.products[first.doc];
  return product ? [product] : [];
}
