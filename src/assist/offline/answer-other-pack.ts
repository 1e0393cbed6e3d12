/**
 * "晚桂淡香精有大瓶的吗": the same product in a bigger or smaller pack. The catalog lists each pack as its
 * own product whose name starts with the same name ("晚桂淡香精 100ml"); the answer names the one asked for
 * with its size and price, or says plainly that this is the only pack.
 */
import type { DialogueState } from '../dialogue/dialogue-state.ts';
import { OTHER_PACK } from '../dialogue/intent-cues.ts';
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import type { Product } from '../knowledge/schemas.ts';
import type { Part } from './answer-product.ts';
import { priceTag } from './describe-product.ts';


function amountOf(product: Product): number | undefined {
  const raw = product.attributes['容量'];
  const amount = typeof raw === 'string' ? /(\d+(?:\.\d+)?)\s*(?:ml|g|毫升|克)/iu.exec(raw)?.[1] : undefined;
  return amount ? Number(amount) : undefined;
}

/** The product's name without a trailing pack size: "晚桂淡香精 100ml" → "晚桂淡香精". */
function baseName(product: Product): string {
  return product.name.replace(/\s*\d+(?:\.\d+)?\s*(?:ml|g|毫升|克)$/iu, '').trim();
}

export function answerOtherPack(kb: KnowledgeBase, state: DialogueState): Part | undefined {
  const product = state.slots.focus?.value;
  const asked = OTHER_PACK.exec(state.newestText)?.[0];
  if (!product || !asked) return undefined;
  const own = amountOf(product);
  if (own === undefined) return undefined;
  const bigger = !/小|旅行|便携|迷你|mini/iu.test(asked);
  const base = baseName(product);
  const packs = kb.products
    .filter((p) => p.sku !== product.sku && baseName(p) === base && p.subcategory === product.subcategory)
    .filter((p) => {
      const amount = amountOf(p);
      return amount !== undefined && (bigger ? amount > own : amount < own);
    });
  const [pack] = packs;
  const size = String(product.attributes['容量']);
  if (!pack) return { text: `${product.name}目前只有${size}这一个规格（${priceTag(product)}），没有${bigger ? '更大' : '更小'}的装。`, products: [product] };
  return {
    text: `有的，${base}有${String(pack.attributes['容量'])}的${bigger ? '大瓶装' : '小瓶装'}，${priceTag(pack)}；您看的这瓶是${size}，${priceTag(product)}。${bigger ? '常用的话大瓶更划算～' : ''}`,
    products: [pack, product],
  };
}
