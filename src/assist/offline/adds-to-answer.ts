/**
 * Whether one more part is worth adding to the top draft: not a repeat of what the parts before it say,
 * nor a restatement of the pick a recommendation just made.
 */
import type { IntentHit } from '../dialogue/dialogue-state.ts';
import type { Part } from './answer-product.ts';

const FIGURE = /\d[\d.×x*~-]*(?:cm|ml|mm|号|码)?/gu;

/** "羊绒围巾的尺寸是200×70cm…" after an answer that already gave 200×70cm: every figure in it said before. */
function saysNothingNew(part: Part, before: readonly Part[]): boolean {
  const own = part.products.reduce((t, p) => t.split(p.name).join(''), part.text);
  const figures = own.match(FIGURE) ?? [];
  const said = before.map((p) => p.text).join('');
  return figures.length > 0 && figures.every((f) => said.includes(f)) && own.replace(FIGURE, '').length < 40;
}

/** "…有藏青XL码的" after a recommendation that already said the pick has XL and 藏青. */
function restatesPick(part: Part, hit: IntentHit, before: readonly Part[]): boolean {
  if (hit.intent !== '库存咨询' && hit.intent !== '尺码咨询') return false;
  const [product] = part.products;
  return product !== undefined && before.some((p) => p.products.length > 1 && p.products.some((q) => q.sku === product.sku));
}

/** "…您看的这瓶是50ml，¥880" said already: a price answer for a product whose price the parts before gave. */
function pricedBefore(part: Part, hit: IntentHit, before: readonly Part[]): boolean {
  const [product] = part.products;
  return hit.intent === '价格咨询' && product !== undefined && before.some((p) => p.products.some((q) => q.sku === product.sku) && p.text.includes(`¥${product.price}`));
}

export function addsToAnswer(part: Part, hit: IntentHit, before: readonly Part[]): boolean {
  return !before.some((p) => p.text.includes(part.text)) && !saysNothingNew(part, before) && !restatesPick(part, hit, before) && !pricedBefore(part, hit, before);
}
