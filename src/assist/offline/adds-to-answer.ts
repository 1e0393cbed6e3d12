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
  // A figure inside a product's name ("925银…") was never said as a fact.
  const said = before.map((p) => p.products.reduce((t, q) => t.split(q.name).join(''), p.text)).join('');
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

/** Words that change no fact: "这款只有M/L码" says what "这款是M/L码" says. */
const FILLER = /[只都就也还是有的了呢哦啦～]/gu;

/**
 * The part without the clauses the parts before already say ("我们统一使用顺丰快递发货…" twice); none
 * when what is left says nothing of its own or is the lesser part of it ("可以寄的，全国都能发").
 */
export function withoutRepeats(part: Part, before: readonly Part[]): Part | undefined {
  if (before.length === 0) return part;
  const said = before.map((p) => p.text.replace(FILLER, '')).join('');
  const pieces = part.text.match(/[^，。！？；,!?;]+[，。！？；,!?;]*/gu) ?? [part.text];
  const kept = pieces.filter((piece) => {
    const core = piece.replace(/[，。！？；,!?;]+$/u, '').replace(FILLER, '');
    return core.length < 5 || !said.includes(core);
  });
  if (kept.length === pieces.length) return part;
  const text = kept.join('').replace(/[，,](?=还有想了解的随时问我～$|$)/u, '。');
  const own = text.replace(/^(?:另外|可以|可以的|是的|能|好的)[，,。]?/u, '').replace(/[，。！？；,!?;\s]/gu, '');
  return own.length >= 6 && text.length * 2 >= part.text.length ? { ...part, text } : undefined;
}
