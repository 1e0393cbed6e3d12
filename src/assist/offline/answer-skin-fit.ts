/**
 * "晨露保湿霜 油皮好用吗": whether the product the customer named suits the skin they gave, from its 肤质,
 * and when it does not, the one of its kind that does.
 */
import type { CustomerProfile } from '../../conversation/model.ts';
import type { DialogueState } from '../dialogue/dialogue-state.ts';
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import type { Part } from './answer-product.ts';
import { priceTag } from './describe-product.ts';
import { pickProducts, skinsOf } from './pick-products.ts';

/** A kind that does the same job for another skin. */
const SUBSTITUTES: Record<string, string> = { 面霜: '乳液', 乳液: '面霜', 精华: '乳液' };


export function answerSkinFit(kb: KnowledgeBase, state: DialogueState, profile: CustomerProfile | undefined): Part | undefined {
  const product = state.slots.focus?.value;
  const skin = state.slots.skinType?.value;
  // The product named now, or the one in view when the skin is given now ("她油皮能用吗").
  if (!product || !skin || (state.slots.focus?.messageId !== state.newestMessageId && state.slots.skinType?.messageId !== state.newestMessageId)) return undefined;
  const made = skinsOf(product);
  if (made.length === 0) return undefined;
  if (made.includes('全肤质') || made.includes(skin)) {
    return { text: `${product.name}${made.includes('全肤质') ? '各种肤质都可以用' : `适合${made.join('、')}肌肤`}，${skin}肌肤可以放心用～第一次用的话先在耳后或下颌试一两天更安心。`, products: [product] };
  }
  const kind = { word: product.subcategory, category: product.category, subcategories: [product.subcategory] };
  const slots = { ...state.slots, category: { value: kind, messageId: state.newestMessageId ?? '', quote: product.subcategory } };
  // None of its kind for that skin: the nearest kind that does the same job (面霜 → 乳液).
  const [same] = pickProducts(kb, { ...state, slots }, profile, { n: 1, exclude: new Set([product.sku]) }).fits;
  const instead = SUBSTITUTES[product.subcategory];
  const other = same ?? (instead ? pickProducts(kb, { ...state, slots: { ...slots, category: { ...slots.category, value: { word: instead, category: product.category, subcategories: [instead] } } } }, profile, { n: 1 }).fits[0] : undefined);
  const none = `${product.subcategory}里暂时没有专门适合${skin}肌肤的款，`;
  const advice = same ? `${skin}肌肤我更推荐${same.name}（${priceTag(same)}），` : other ? `${none}可以用${other.name}（${priceTag(other)}）代替，` : none;
  return {
    text: `${product.name}更适合${made.join('、')}肌肤，${skin}肌肤用可能会觉得偏滋润；${advice}需要的话我先给您拿小样试试～`,
    products: other ? [product, other] : [product],
  };
}
