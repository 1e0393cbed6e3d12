/**
 * "上次买的驼色A字裙 上面配啥好看": what goes with a piece they have or are looking at — pieces of
 * another kind (tops for a skirt, bottoms for a top, a knit under a coat), in colours that sit well
 * with it, never the same kind again.
 */
import type { CustomerProfile } from '../../conversation/model.ts';
import type { DialogueState } from '../dialogue/dialogue-state.ts';
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import type { Product } from '../knowledge/schemas.ts';
import type { Part } from './answer-product.ts';
import { colourNames } from '../dialogue/read-needs.ts';
import { countWord, priceTag } from './describe-product.ts';
import { isMens, wearerGender, withinBudget } from './pick-products.ts';

const BOTTOMS = ['半身裙', '裤装'];
const TOPS = ['毛衣', '针织开衫', '衬衫', 'T恤', 'Polo衫'];
const OUTER = ['大衣', '西装外套', '外套', '夹克', '风衣', '羽绒服', '棉服'];

/** The kinds that go with a kind, in the order a guide would suggest them. */
function partnersOf(kb: KnowledgeBase, product: Product, text: string): string[] {
  // "配啥鞋", "配什么包": the kind named, from the shoes or the bags.
  if (/鞋/u.test(text)) return [...new Set(kb.products.filter((p) => p.category === '鞋履').map((p) => p.subcategory))];
  if (/包(?!装)/u.test(text)) return ['包袋'];
  // "配什么首饰", "配条丝巾": the accessory named.
  if (/首饰|饰品|项链|耳环|耳钉|手链|胸针/u.test(text)) return ['首饰'];
  if (/丝巾|围巾|披肩/u.test(text)) return ['丝巾', '围巾'];
  if (/腰带|皮带/u.test(text)) return ['腰带'];
  if (/上面|上衣|上身|里面|里边|内搭/u.test(text)) return TOPS;
  if (/下面|下身|裤子|裙子/u.test(text)) return BOTTOMS;
  if (/外面|外套/u.test(text)) return OUTER;
  if (BOTTOMS.includes(product.subcategory)) return TOPS;
  if (TOPS.includes(product.subcategory)) return BOTTOMS;
  if (OUTER.includes(product.subcategory)) return ['毛衣', '裤装', '半身裙'];
  if (product.subcategory === '连衣裙') return ['针织开衫', '外套', '西装外套'];
  return [];
}

/** With a dress or a top, jewellery at the neckline and the ears first (a brooch is for a coat's lapel). */
function nearFace(product: Product): number {
  return product.subcategory === '首饰' && /项链|耳钉|耳环|吊坠/u.test(product.name) ? 1 : 0;
}

/** Colours that sit well with the piece's colour; neutrals for anything. */
const WITH_COLOUR: [RegExp, string[]][] = [
  [/驼|卡其|焦糖|咖啡|棕/u, ['白色', '米白', '奶白', '燕麦色', '黑色', '浅蓝']],
  [/黑|炭|灰|藏青/u, ['白色', '米白', '驼色', '燕麦色', '酒红', '浅蓝']],
  [/白|米|燕麦|奶/u, ['驼色', '黑色', '藏青', '浅蓝', '卡其']],
];
const NEUTRALS = ['白色', '米白', '黑色', '燕麦色', '灰色'];

export function answerPairing(kb: KnowledgeBase, state: DialogueState, profile: CustomerProfile | undefined): Part | undefined {
  const piece = state.slots.focus?.value ?? state.relationship.purchases[0];
  if (!piece || piece.category !== '服装') return undefined;
  const kinds = partnersOf(kb, piece, state.newestText);
  if (kinds.length === 0) return undefined;
  const colours = colourNames(kb, piece);
  const colour = state.slots.colour?.value ?? colours[0] ?? '';
  // The colour of theirs is said only when they said it or the piece comes in one.
  const theirs = state.slots.colour || colours.length === 1 ? colour : '';
  const palette = WITH_COLOUR.find(([said]) => said.test(colour))?.[1] ?? NEUTRALS;
  // "我衣柜里全是黑的": something other than black, then.
  const notBlack = /全是黑|都是黑|太多黑|黑的太多/u.test(state.newestText);
  const gender = wearerGender(state, profile);
  const budget = state.slots.budget?.value;
  const candidates = kb.products
    .filter((p) => kinds.includes(p.subcategory) && p.sku !== piece.sku)
    .filter((p) => (gender === 'male' ? isMens(p) : !isMens(p)) && (!budget || withinBudget(p.price, budget)))
    .map((p) => ({ p, shade: colourNames(kb, p).find((c) => palette.includes(c) && !(notBlack && /黑/u.test(c))) }))
    .filter((c) => c.shade !== undefined)
    .sort((a, b) => kinds.indexOf(a.p.subcategory) - kinds.indexOf(b.p.subcategory) || nearFace(b.p) - nearFace(a.p) || a.p.price - b.p.price);
  // One of each kind first, so the two picks are not the same sort of piece.
  const picks = (kinds.length === 1 ? candidates : [...new Map(candidates.map((c) => [c.p.subcategory, c])).values()]).slice(0, 2);
  if (picks.length === 0) return undefined;
  const lines = picks.map(({ p, shade }) => `${shade}的${p.name}（${priceTag(p)}）`).join('，或者');
  const own = state.relationship.purchases.some((p) => p.sku === piece.sku) ? `您那${countWord(piece)}` : '';
  return {
    text: `${own}${theirs}${piece.name}${/上面/u.test(state.newestText) ? '上面' : ''}配${lines}都好看${notBlack ? '，比全黑更亮眼' : ''}。需要的话我拍几张搭配图发您看看～`,
    products: picks.map(({ p }) => p),
  };
}
