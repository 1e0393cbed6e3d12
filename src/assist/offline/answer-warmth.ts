/**
 * "轻薄短款羽绒服 零下十几度 够不够啊": whether the piece in view is warm enough for the cold they name,
 * said honestly from what it is filled with, and the warmer one of the same wearer when it is not.
 */
import type { DialogueState } from '../dialogue/dialogue-state.ts';
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import type { Product } from '../knowledge/schemas.ts';
import type { Part } from './answer-product.ts';
import { priceTag } from './describe-product.ts';
import { isMens } from './pick-products.ts';

/** Asking whether it is warm enough. */
const WARM_ASK = /够不够|够暖|够保暖|冷不冷|会不会冷|暖和吗|暖不暖|扛得住|扛不扛得住|顶得住|保暖吗|抗冻吗|抗不抗冻/u;
/** The cold they are going into: sub-zero, the far north, snow. */
const COLD = /零下[^，。]{0,4}度|-\s?\d{1,2}\s?度|东北|哈尔滨|长春|沈阳|吉林|漠河|内蒙|新疆|滑雪|冰天雪地|下雪/u;
const OUTER = new Set(['羽绒服', '棉服', '大衣', '外套', '马甲']);

/** "90%白鹅绒": what a padded piece is filled with, from its 材质. */
export function fillingOf(p: Product): string | undefined {
  return /填充\s*([^，。；,\s]+)/u.exec(String(p.attributes['材质'] ?? ''))?.[1];
}

function material(p: Product): string {
  return `${p.name} ${String(p.attributes['材质'] ?? '')}`;
}

/** How warm a piece is by its filling and cut (higher is warmer); light and short pieces lose a point. */
export function warmth(p: Product): number {
  const made = material(p);
  const base = /鹅绒/u.test(made) ? 4 : /羽绒|鸭绒/u.test(made) ? 3 : /棉服|填充/u.test(made) ? 2 : /羊绒|双面/u.test(made) ? 2 : /羊毛|毛呢/u.test(made) ? 1.5 : 0;
  return base - (/轻薄|轻量|短款/u.test(p.name) ? 1 : 0) + (/长款|过膝/u.test(p.name) ? 0.5 : 0);
}

export function answerWarmth(kb: KnowledgeBase, state: DialogueState): Part | undefined {
  const piece = state.slots.focus?.value;
  const cold = COLD.exec(state.newestText)?.[0];
  if (!piece || !cold || !WARM_ASK.test(state.newestText) || !OUTER.has(piece.subcategory)) return undefined;
  const warmer = kb.products
    .filter((p) => OUTER.has(p.subcategory) && p.sku !== piece.sku && isMens(p) === isMens(piece) && warmth(p) >= warmth(piece) + 1)
    .sort((a, b) => warmth(b) - warmth(a) || a.price - b.price)[0];
  // "零下十几度的天气", "滑雪的时候", "去哈尔滨": the cold as it can be said in a sentence.
  const where = /度/u.test(cold) ? `${cold}的天气` : /滑雪|下雪|冰天雪地/u.test(cold) ? `${cold}的时候` : `去${cold}`;
  const fill = fillingOf(piece);
  const what = fill ? `填充的是${fill}` : `是${String(piece.attributes['材质'] ?? '常规面料')}`;
  if (!warmer) return { text: `${piece.name}${what}，${where}穿的话，里面再加件毛衣或保暖内衣就够了，帽子围巾也别忘了～`, products: [piece] };
  const why = fillingOf(warmer);
  return {
    text: `说实话，${piece.name}${/轻薄|轻量/u.test(piece.name) ? '是轻薄款，' : ''}${what}，${where}单穿它不太够。去那边更建议${warmer.name}（${priceTag(warmer)}）${why ? `，填充的是${why}` : ''}，保暖好很多。`,
    products: [warmer, piece],
  };
}
