/**
 * Answers the store's policy gives: after-sales, logistics, membership, invoices, hours and address,
 * offers and bargaining. The FAQ's approved wording is quoted (it is the policy), in the guide's voice.
 */
import type { DialogueState } from '../dialogue/dialogue-state.ts';
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import type { Part } from './answer-product.ts';
import { memberPrice, priceTag } from './describe-product.ts';
import { findAnyFaq, findFaqs } from './find-faq.ts';
import { cityNamed } from '../dialogue/city-words.ts';

/** A question a yes or no answers. */
const YES_NO = /[吗么嘛]|能不能|可不可以|会不会|是不是|有没有|能否|可否|行不行|好不好|对不对|不\s*$/u;

const OPENERS: Record<string, string> = { 发票: '可以开发票的，', 营业时间: '', 门店地址: '', 物流: '', 会员积分: '', 售后: '' };

/** "上海静安嘉里店…；杭州湖滨银泰店…": the guide's own store's part when the answer lists each store. */
function ownStore(answer: string, store: string | undefined, asked: string, around: string): string {
  const pieces = answer.split(/[；;]/u);
  // The store the customer names first ("湖滨店开到几点"), else the guide's own.
  // By the store's own name ("湖滨店") or its city ("上海的店"); in the ask itself, else elsewhere in the message.
  const namedIn = (text: string): string | undefined => pieces.find((p) => /^(\S{2})/u.test(p) && text.includes(p.slice(2, 4))) ?? pieces.find((p) => /^\S{2}/u.test(p) && text.includes(p.slice(0, 2)));
  const named = namedIn(asked) ?? namedIn(around);
  const own = named ?? (store ? pieces.find((p) => p.includes(store) || (store.length > 4 && p.includes(store.slice(-4)))) : undefined);
  if (!own || pieces.length < 2) return answer;
  const rest = pieces.slice(pieces.indexOf(own) + 1).join('；');
  const tail = /。(.+)$/u.exec(rest)?.[1] ?? '';
  return `${own.replace(/[。]$/u, '')}。${tail}`;
}

/** `around`: where else a store may be named ("今天湖滨那家几点关门 … 在银泰哪个区" names it for the address too). */
export function answerFromFaq(kb: KnowledgeBase, intent: string, text: string, index = 0, store?: string, lead?: string, around = ''): Part | undefined {
  const faq = findFaqs(kb, intent, text, index + 1, lead)[index];
  if (!faq) return undefined;
  const opener = OPENERS[intent] ?? '';
  const stored = intent === '营业时间' || intent === '门店地址' ? ownStore(faq.answer, store, text, around) : faq.answer;
  // "积分多久过期": the FAQ's "会的。" answers 会过期吗, not what was asked.
  const own = YES_NO.test(text) ? stored : stored.replace(/^(?:会的|是的|能的)[。，,！!]/u, '');
  const answer = opener && own.startsWith('可以') ? own.replace(/^可以[的，。]*/u, opener) : `${opener}${own}`;
  // "北京有你们门店吗": a city without a store is told so before the stores there are.
  const city = intent === '门店地址' ? cityNamed(text) : undefined;
  if (city && !faq.answer.includes(city)) return { text: `${city}暂时还没有我们的门店，目前门店有：${faq.answer}也可以在会员小程序下单，顺丰寄到家。`, products: [], approvedText: faq.answer, faqId: faq.id };
  return { text: answer, products: [], approvedText: faq.answer, faqId: faq.id };
}

/** Offers the store stands behind; a discount the customer asks for that policy lacks is declined kindly. */
export function answerOffers(kb: KnowledgeBase, state: DialogueState, bargaining: boolean): Part {
  // "第一次在你们家买 有新人福利吗": what a first order gets, first.
  const newcomer = /新人|新客|第一次|首单|新会员|新顾客/u.test(state.newestText) ? kb.policy.promotions.filter((p) => /首单|新客/u.test(p.label)).map((p) => p.label) : [];
  const offers = [...newcomer, ...kb.policy.reductions.map((r) => r.label), ...kb.policy.discounts.map((d) => d.label)];
  const product = state.slots.focus?.value;
  const list = offers.length > 0 ? `现在店里的优惠是${offers.join('、')}` : '现在店里没有额外的折扣活动';
  const freebie = bargaining && /送|赠品/u.test(state.newestText);
  // "我是金卡 打完折多少钱": the member price of the one in view, worked out.
  const theirs = !bargaining && product ? memberPrice(kb, product, state.newestText) : undefined;
  if (theirs && product) return { text: `${product.name}是${priceTag(product)}，${theirs}。`, products: [product], approvedText: kb.policy.discounts[0]?.label ?? '' };
  const head = freebie ? '额外的赠品我这边没办法单独送哦，' : bargaining ? (product ? `${product.name}${priceTag(product)}已经是门店统一价了，我这边没办法再单独改价，` : '价格是门店统一的，我这边没办法再单独改价，') : product ? `${product.name}是${priceTag(product)}，` : '';
  return { text: `${head}${list}，我帮您看看怎么买更划算～`, products: product ? [product] : [], approvedText: offers.join('、') };
}

/** "某宝上便宜三百": another shop's price is not matched; what the store stands behind is said instead. */
export function answerPriceMatch(kb: KnowledgeBase): Part {
  const authentic = findAnyFaq(kb, '你们家是正品吗 正品 直供 同款同价');
  const promise = authentic ? authentic.answer.replace(/^(?:是的|是)[，,]/u, '') : '我们卖的都是品牌直供的正品，门店和小程序同款同价。';
  return { text: `理解您想买得更划算～其他平台的价格我这边没办法跟，外面渠道的货我们也保证不了来源。${promise}`, products: [], approvedText: authentic?.answer ?? promise, ...(authentic ? { faqId: authentic.id } : {}) };
}
