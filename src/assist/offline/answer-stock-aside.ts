/**
 * "牛仔裤穿了两周就鼓包了 … 另外之前看的那个垂感阔腿裤还有黑色S吗": beside a complaint, a stock question
 * about another product is answered too — in plain words, without naming or pitching it, since the
 * problem comes first.
 */
import type { DialogueState } from '../dialogue/dialogue-state.ts';
import { productsInOrder } from '../dialogue/read-focus.ts';
import { saidNow } from '../dialogue/said-now.ts';
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import type { Part } from './answer-product.ts';
import { hasColour, hasSize } from './pick-products.ts';

const ASKS_STOCK = /还有|有没有|有吗|有货|有[^，。\s]{0,4}(?:码|色)(?:吗|不|没)|有没/u;

export function stockAside(kb: KnowledgeBase, state: DialogueState): Part | undefined {
  const bought = new Set(state.relationship.purchases.map((p) => p.sku));
  const product = productsInOrder(kb, state.newestText).find((p) => !bought.has(p.sku));
  if (!product) return undefined;
  const at = state.newestText.indexOf(product.name);
  const after = state.newestText.slice(at + product.name.length);
  if (!ASKS_STOCK.test(after)) return undefined;
  const size = saidNow(state, 'size');
  const colour = saidNow(state, 'colour');
  const asked = `${colour ?? ''}${size ? `${size}码` : ''}`;
  if (!asked) return undefined;
  const has = (!size || hasSize(product, size)) && (!colour || hasColour(product, colour));
  const said = saidNow(state, 'category')?.word;
  const kind = said && product.name.includes(said) ? said : product.subcategory;
  return { text: has ? `您问的那款${kind}${asked}是有的，我先帮您留意着，这边处理好了再把细节发您。` : `您问的那款${kind}暂时没有${asked}，有到货我第一时间告诉您。`, products: [] };
}
