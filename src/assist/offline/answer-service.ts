/**
 * The store's services answered from its FAQ (after-sales, logistics, membership, invoices, wrapping),
 * with what the conversation adds: the order number a tracking ask needs, the terms of a return
 * (answer-return-terms.ts), an invoice owed, the size an exchange is for, the product picked for wrapping.
 */
import type { DialogueState } from '../dialogue/dialogue-state.ts';
import { ARRIVAL_DAY } from '../dialogue/intent-cues.ts';
import { fitsNeed } from '../dialogue/read-focus.ts';
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import { descriptionPiece } from './answer-about-product.ts';
import type { Part } from './answer-product.ts';
import { answerFromFaq } from './answer-policy.ts';
import { priceTag } from './describe-product.ts';
import { hasSize } from './pick-products.ts';
import { pointsWorth } from './points-worth.ts';
import { answerReturnTerms } from './answer-return-terms.ts';

export function answerService(kb: KnowledgeBase, state: DialogueState, intent: string, text: string, store: string | undefined): Part | undefined {
  const focus = state.slots.focus;
  // "帮我查下订单到哪了": tracking needs the order number first.
  // "寄到哪个地址" asks where to send a return, not where a parcel is.
  if (intent === '物流' && /(?<![寄邮退送])到哪|进度|物流信息|查.{0,3}(?:订单|快递|物流)|单号/u.test(text) && !/改[^，。？?]{0,6}地址|地址[^，。？?]{0,4}(?:填错|写错|错了)/u.test(text)) {
    return { text: '好的，您把订单号（或下单手机号后四位）发我，我马上帮您查物流进度，有结果第一时间告诉您～', products: [] };
  }
  // "刚加上 新客有啥福利吗": the first-order gift, not the member discount.
  if ((intent === '会员积分' || intent === '优惠活动') && /新客|新人|新会员|首单|第一次买|刚加/u.test(text) && /福利|优惠|礼|送|活动|有啥|有什么/u.test(text)) {
    const gift = answerFromFaq(kb, intent, `${text} 新客首单赠送护肤小样`, 0, store, '首次在澜庭消费的新会员 首单赠送一份护肤小样');
    if (gift) return gift;
  }
  // "今天下午能发出来不": when it leaves, by the day's cut-off.
  if (intent === '物流' && /(?:今天|当天|明天|几点|什么时候|啥时候|多久)[^，。？?]{0,4}(?:能|可以)?发(?:货|出)?/u.test(text) && !/到/u.test(text)) {
    const dispatch = answerFromFaq(kb, intent, `${text} 几点前付款当天发出 发货时间`, 0, store, '16:00前付款的订单当天发出');
    if (dispatch) return dispatch;
  }
  // Returns and exchanges: the terms that apply to what they have and what they did with it.
  const returnTerms = intent === '售后' ? answerReturnTerms(kb, state, text, store) : undefined;
  if (returnTerms) return returnTerms;
  // "正在安排换货" … "多久能处理好": the exchange is chased; only the courier's times are promised.
  if (intent === '换货进度') {
    const times = answerFromFaq(kb, '物流', '多久到 发货时间 次日送达', 0, store, '发货 当天发出 次日送达');
    const urgent = /出差|要穿|要用|着急|急用|赶/u.test(state.newestText) ? '您急着穿的事我跟仓库说一声，请他们尽量优先安排。' : '';
    return { text: `仓库已经在给您安排换货了，我这边再帮您催一下，新的一寄出我就把单号发您。${urgent}顺丰一般江浙沪次日送达、其他大部分地区2-3天。`, products: [], ...(times ? { approvedText: times.approvedText ?? times.text, ...(times.faqId ? { faqId: times.faqId } : {}) } : {}) };
  }
  if (intent === '退款进度') {
    const refund = answerFromFaq(kb, '售后', '退款 多久到账 原路退回', 0, store, '退款 原路退回');
    if (refund) return { ...refund, text: `我这边帮您盯着退款进度。${refund.text.replace(/^可以的?[。，]/u, '')}` };
  }
  // "发票到现在也没开给我": not whether one can be had, but that it is owed.
  if (intent === '发票' && /没开|还没|没收到|没给|没发/u.test(state.newestText)) {
    const faq = answerFromFaq(kb, intent, text, 0, store);
    return faq && { ...faq, text: faq.text.replace(/^可以开发票的，/u, '发票我这就帮您补开：') };
  }
  // "M码有点大 能换S吗": the size asked for first, then the terms.
  const wanted = state.slots.size;
  if (intent === '售后' && wanted && new RegExp(`换(?:成|个|到)?\\s*${wanted.value}`, 'iu').test(text) && wanted.messageId === state.newestMessageId && !state.complaint) {
    const terms = answerFromFaq(kb, intent, text, 0, store);
    const size = wanted.value;
    // "玛丽珍 38换39": the one product the kind named is the one bought.
    const need = state.slots.category?.value;
    const named = need?.nameIncludes ? kb.products.filter((p) => fitsNeed(p, need)) : [];
    const product = focus?.value ?? (named.length === 1 ? named[0] : undefined);
    const has = product && hasSize(product, size);
    return terms && { ...terms, text: `可以换${has ? `${product.name}${size}码` : `${size}码`}的，${terms.text.replace(/^可以的?[。，]/u, '')}`, products: has ? [product] : [] };
  }
  // "短的吧 能刻他名字缩写吗": the wrapping answer for the product picked.
  // "牛皮长款钱包能刻名字不": engraving the product's own description offers, with the rule for made-to-order.
  const engraving = focus && /刻|压印|印字|缩写/u.test(text) ? descriptionPiece(focus.value, (c) => /刻|压印/u.test(c)) : undefined;
  if (intent === '礼盒包装' && focus && engraving) {
    const faq = answerFromFaq(kb, intent, text, 0, store);
    return { text: `${focus.value.name}${engraving.replace(/^可(?!以)/u, '可以')}，定制后的商品不支持无理由退换。`, products: [focus.value], ...(faq ? { approvedText: faq.approvedText ?? faq.text, ...(faq.faqId ? { faqId: faq.faqId } : {}) } : {}) };
  }
  if (intent === '礼盒包装' && focus && focus.messageId === state.newestMessageId && state.intents[0]?.intent === '礼盒包装') {
    const faq = answerFromFaq(kb, intent, text, 0, store);
    return faq && { ...faq, text: `好的，就${focus.value.name}（${priceTag(focus.value)}）。${faq.text.replace(/^可以[，,]/u, '可以的，')}`, products: [focus.value] };
  }
  // "能不能把积分全部抵掉", "几时可以到上海": the FAQ on the rule asked about.
  if (intent === '会员积分' && /抵|一分钱不花|全部用/u.test(text)) {
    const rule = answerFromFaq(kb, intent, text, 0, store, '积分抵扣 50% 抵1元');
    // "两万积分能抵多少钱": the sum worked out first.
    const worth = rule && pointsWorth(rule.approvedText ?? rule.text, state.newestText);
    if (!rule || !worth) return rule;
    // "积分能抵钱吗 我有8000分 能抵多少": whether first, then the sum.
    const rate = /^(可以[，,]\d+积分抵\d+元)[，,]/u.exec(rule.text);
    const whetherFirst = /(?:能|可以)(?:抵钱|抵扣|当钱)[^，。\s]{0,2}(?:吗|不|么|嘛)/u.exec(state.newestText);
    if (rate && whetherFirst && whetherFirst.index < state.newestText.search(/\d|[一二两三四五六七八九十]+[万千百]/u)) return { ...rule, text: `${rate[1]}，${worth}${rule.text.slice(rate[0].length)}` };
    return { ...rule, text: `${worth}${rule.text.replace(/^可以[，,]/u, '规则是')}` };
  }
  // "能不能先寄过来试试 不合适再退": sent home to try, inside the seven days' terms.
  if (intent === '物流' && /退/u.test(text) && /试/u.test(text)) {
    const terms = answerFromFaq(kb, '售后', `${text} 七天无理由退换`, 0, store);
    if (terms) return { ...terms, text: `可以的，寄到家您先试一下，${terms.text.replace(/^可以的?[。，]/u, '')}` };
  }
  // "我表妹在澳门 能寄过去不": the refusal first, then what can be done instead.
  const abroad = /香港|澳门|台湾|海外|国外|外国/u.exec(text)?.[0];
  if (intent === '物流' && abroad) {
    const rule = answerFromFaq(kb, intent, `${text} 港澳台及海外地区暂不支持配送`, 0, store, '港澳台及海外地区暂不支持配送');
    if (rule && /暂不支持/u.test(rule.text)) return { ...rule, text: `不好意思，寄${abroad}暂时还不行哦，港澳台及海外地区目前都不支持配送～可以寄到内地的亲友家转交，或者等方便的时候来门店取。` };
  }
  // "明天一定能到北京吗": no promise of a day, the usual times instead.
  const promised = /一定|肯定|保证/u.test(text);
  if (intent === '物流' && /什么时候(?:可以|能)?到|几天(?:能|可以)?到|多久(?:能|可以)?到|要用|来得及/u.test(text) || ARRIVAL_DAY.test(text)) {
    const times = answerFromFaq(kb, intent, text, 0, store, '发货 当天发出 次日送达');
    return promised && times ? { ...times, text: `具体哪天到我没法跟您保证，${times.text}` } : times;
  }
  // "我在成都 能寄过来不": yes, by SF Express nationwide.
  if (intent === '物流' && /能寄|可以寄|寄得过来|能发|可以发|能不能寄|寄不寄/u.test(text) && !/港|澳|台|海外|国外/u.test(text)) {
    const courier = answerFromFaq(kb, intent, `${text} 顺丰 快递`, 0, store, '顺丰 快递');
    if (courier) return { ...courier, text: `可以寄的，全国都能发，${courier.text}` };
  }
  // "能拿去店里洗吗" after 银手链发黑了, "拆开试了 想换" for a bra set: the FAQ searched with what it is about.
  const kind = focus?.value.subcategory ?? state.slots.category?.value.subcategories[0];
  const about = intent === '售后' && kind && /洗|保养|抛光|护理|清洁|拆|试了|试过/u.test(`${text} ${state.newestText}`) ? `${kind} ${String(focus?.value.attributes['材质'] ?? '')} ${kind === '首饰' ? '首饰清洗' : ''}${/皮/u.test(String(focus?.value.attributes['材质'] ?? '')) ? '皮具 皮包' : ''}${/内衣|袜|家居服|睡衣/u.test(kind) ? '贴身衣物 拆封 不支持' : ''}` : '';
  // "改要钱吗 大概几天能拿": a short ask of its own is about the thing in view, not any FAQ sharing a word.
  const second = state.intents.filter((h) => h.intent === intent).length >= 2 && state.intents.findIndex((h) => h.intent === intent && h.clause === text) > 0;
  const inView = !about && focus && second && text.length <= 10 ? `${focus.value.subcategory} ${focus.value.category}` : '';
  const query = about ? `${text} ${about}` : inView ? `${text} ${inView}` : text;
  const found = answerFromFaq(kb, intent, query, 0, store, undefined, state.newestText);
  // "想换个码 牛仔裤买大了": a fabric's care is no answer to an exchange that never mentions washing.
  const care = found?.faqId !== undefined && kb.faqs.find((f) => f.id === found.faqId)?.topic === '保养' && !/洗|保养|护理|清洁|抛光|擦|打理/u.test(`${text} ${state.newestText}`);
  return care ? (answerFromFaq(kb, intent, query, 1, store) ?? found) : found;
}
