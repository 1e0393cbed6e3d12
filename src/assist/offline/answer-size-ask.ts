/**
 * A size asked: how to measure (a ring or clothes), a beauty product's shade or volume, the size for a build,
 * whether a kind named comes in the size said ("男款羽绒服有S码吗" — nothing fits is said as such), or
 * products of the kind in that size.
 */
import type { IntentHit } from '../dialogue/dialogue-state.ts';
import { asksAboutProduct, answerAboutProduct } from './answer-about-product.ts';
import { answerColourChoice } from './answer-colour-choice.ts';
import type { ComposeInput } from './answer-intent.ts';
import { answerSize } from './answer-product.ts';
import type { Part } from './answer-product.ts';
import { answerRecommend } from './answer-recommend.ts';
import { findAnyFaq } from './find-faq.ts';

export function answerSizeAsk(input: ComposeInput, hit: IntentHit): Part | undefined {
  const { kb, state, profile } = input;
  const focus = state.slots.focus;
  const male = profile?.gender === 1;
  const text = hit.clause || state.newestText;
  // "我也不知道自己戴几号 咋量啊": how to measure, for a ring or for clothes.
  if (/(?:怎么|咋|如何)(?:量|测)|不知道(?:自己)?(?:戴|穿)(?:几号|多大|什么码)/u.test(`${text} ${state.newestText}`)) {
    const ring = /戒指|指圈|圈号|手寸/u.test(`${text} ${focus?.value.name ?? ''} ${focus?.value.subcategory ?? ''}`) || /戴/u.test(text);
    const how = findAnyFaq(kb, ring ? '戒指圈号怎么量 不知道自己戴几号' : '衣服尺码怎么量 胸围 腰围 臀围');
    // "素圈戒指有哪些号 我不知道自己戴几号": the sizes it comes in, then how to measure.
    const sizes = focus && /哪些号|几个号|什么号|几号到几号/u.test(state.newestText) ? focus.value.attributes['尺寸'] : undefined;
    // "咋量啊 还有我男朋友手指粗 最大有几号": the range it comes in, after how to measure.
    const range = focus && !sizes && /最大|最小/u.test(state.newestText) ? focus.value.attributes['尺寸'] : undefined;
    if (how && range && focus) return { text: `${how.answer}${focus.value.name}是${String(range)}。`, products: [focus.value], approvedText: how.answer, faqId: how.id };
    if (how) return { text: `${sizes && focus ? `${focus.value.name}是${String(sizes)}。` : ''}${how.answer}`, products: sizes && focus ? [focus.value] : [], approvedText: how.answer, faqId: how.id };
  }
  // "一罐多大", "有深点的色号吗": a beauty product has a size in ml or a shade, not a clothing size.
  // "我偏黄 也不算白 选哪个号": the shade, for the tone told.
  if (focus?.value.category === '美妆' && focus.value.attributes['色号'] !== undefined && /号/u.test(text)) return answerColourChoice(kb, state) ?? answerAboutProduct(focus.value, text);
  if (focus?.value.category === '美妆' && asksAboutProduct(focus.value, text)) return answerAboutProduct(focus.value, text);
  // "那个体验装是多大的": a beauty product's size is its volume.
  if (focus?.value.category === '美妆' && focus.value.attributes['容量'] !== undefined && /多大|多少/u.test(text)) return answerAboutProduct(focus.value, '容量');
  // "男款羽绒服有S码吗": whether the kind named comes in the size said, answered with the ones that do (or none).
  const kindInSize = !focus && (state.slots.category?.value.subcategories.length ?? 0) > 0 && state.slots.size?.messageId === state.newestMessageId && /有[^，。？?\s]{0,4}码(?:吗|不|没|么|的)/u.test(text);
  if (kindInSize) return answerRecommend(kb, state, profile);
  // "我165 120斤穿什么码" asks for a size, not for products; "M码，驼色有吗" states one.
  return focus || (hit.question && state.slots.body) || /还是\s*(?:XXL|XL|XS|S|M|L)\b/iu.test(text) || !(state.slots.category || state.slots.occasion || state.slots.recipient) ? answerSize(state, male, kb) : answerRecommend(kb, state, profile);
}
