/**
 * A greeting that fits the relationship: a welcome only for a contact added today, 好久不见 only after
 * weeks of silence, otherwise a plain "在的".
 */
import type { DialogueState } from '../dialogue/dialogue-state.ts';
import type { Part } from './answer-product.ts';

export interface Names {
  customer?: string | undefined;
  guide?: string | undefined;
  store?: string | undefined;
}

function intro(names: Names): string {
  if (names.guide && names.store) return `我是${names.store}的${names.guide}，`;
  if (names.guide) return `我是${names.guide}，`;
  return '';
}

export function answerGreeting(state: DialogueState, names: Names): Part {
  const name = names.customer ?? '';
  if (state.relationship.isNew && !state.relationship.guideHasSpoken) {
    return { text: `${name}您好，很高兴加上您的微信！${intro(names)}衣服鞋包、护肤彩妆有什么想看的都可以直接问我～`, products: [] };
  }
  // "还记得我不 找你买过大衣的那个": of course, and what they bought if known.
  if (/记得我|记不记得|还认得我|认不认得我/u.test(state.newestText) && !state.relationship.isNew) {
    const bought = state.relationship.purchases[0];
    return { text: `当然记得您${name}～${bought ? `上次的${bought.subcategory}${bought.category === '服装' || bought.category === '鞋履' ? '穿着' : '用着'}还合适吗？` : ''}今天有什么想看的，直接告诉我，我帮您挑～`, products: [] };
  }
  if (state.relationship.returning) return { text: `${name}好久不见！最近还好吗？有什么想看的直接告诉我，我帮您挑～`, products: [] };
  if (!state.relationship.guideHasSpoken) return { text: `在的${name ? `，${name}` : ''}您好～${intro(names)}有什么可以帮您的吗？`, products: [] };
  return { text: `在的${name}，您请说，我马上帮您看～`, products: [] };
}

/** "那就周六三点", "明天下午两点": a time settled on, said back so both know it. */
const SETTLED_TIME = /(?:周[一二三四五六日天末]|星期[一二三四五六日天]|礼拜[一二三四五六日天]|明天|后天|今天|今晚)(?:上午|中午|下午|晚上)?(?:[一二两三四五六七八九十\d]{1,3}点(?:半|多)?)?|(?:上午|中午|下午|晚上)[一二两三四五六七八九十\d]{1,3}点(?:半|多)?/u;

export function answerFarewell(names: Names, state?: DialogueState): Part {
  const time = state ? SETTLED_TIME.exec(state.newestText)?.[0] : undefined;
  if (time && time.length >= 2) return { text: `好的${names.customer ?? ''}，那就${time}见，我提前帮您准备好～`, products: [] };
  return { text: `不客气${names.customer ?? ''}～有需要随时找我，祝您生活愉快！`, products: [] };
}

/** "你是哪位": who the guide is and how the customer came to have them. */
export function answerWhoAmI(state: DialogueState, names: Names): Part {
  const who = names.guide && names.store ? `我是${names.store}的导购${names.guide}` : names.guide ? `我是导购${names.guide}` : names.store ? `我是${names.store}的导购` : '我是澜庭的导购';
  const how = state.relationship.isNew ? '您刚添加了我的企业微信' : '之前您加过我的企业微信';
  // "你是机器人吗": the guide sending this is a person.
  if (/机器人|AI|自动回复|真人/iu.test(state.newestText)) return { text: `哈哈不是机器人哦，${who}，消息都是我自己回的～有什么想看的随时问我。`, products: [] };
  return { text: `您好，${who}，${how}～衣服鞋包、护肤彩妆有什么想看的，或者订单、售后的事，都可以直接找我。`, products: [] };
}

/** "上次推荐的大衣同事都说好看": glad, and staying in touch; never a new pitch. */
export function answerPraise(state: DialogueState, names: Names): Part {
  // "你真的好会搭配": praise for the guide is thanked for.
  // "上次你帮我搭的那套 同事都说好看": the guide's styling praised, through others.
  if (/你(?:真的|真|好|太)?(?:好|很|太|挺)?(?:会搭|会挑|专业|眼光|有眼光|懂)|谢谢你的推荐|被夸|你(?:帮我|给我)(?:搭|挑|选|推荐)的[^，。]{0,8}(?:都说|夸|好看|漂亮)/u.test(state.newestText)) {
    return { text: `谢谢${names.customer ?? '您'}～被您这么一夸我好开心！您穿得好看我就放心了，之后有合适的新款我第一时间发您看～`, products: [] };
  }
  // "收到换的新鞋了 这次码刚好 辛苦你啦": thanks for the trouble taken, the size that now fits.
  if (/辛苦|刚好|正合适|合适了/u.test(state.newestText)) {
    return { text: `不辛苦～${names.customer ?? '您'}穿着合适就好，这次让您费心了。之后穿着有什么问题，或者想看别的，随时找我！`, products: [] };
  }
  const product = state.slots.focus?.value ?? state.relationship.purchases[0];
  // The product is called what the customer called it ("这双"), not pitched by its full name again.
  const thing = product ? (state.newestText.includes(product.name) ? product.name : product.category === '鞋履' ? '这双' : product.category === '美妆' ? '这款' : '这件') : '';
  return { text: `太好了，${names.customer ?? '您'}喜欢就好～${thing ? `${thing}平时按洗标打理就能${product?.category === '美妆' ? '放心用' : '穿很久'}，` : ''}有新款或者活动我第一时间告诉您，有什么需要随时找我！`, products: [] };
}
