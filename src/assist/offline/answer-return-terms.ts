/**
 * The terms of a return or exchange for what the customer has and what they did with it: engraved or
 * altered is made for them, intimate wear or beauty opened is not returned, worn or washed or past the
 * seven days is outside the no-reason terms, a fault that may come is covered by the 30 days, and how
 * long a refund takes. Undefined when none applies, so the FAQ answers.
 */
import type { DialogueState } from '../dialogue/dialogue-state.ts';
import { FEARED_FAULT, SOMEDAY } from '../dialogue/complaint-words.ts';
import { REFUND_WHEN } from '../dialogue/intent-cues.ts';
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import { descriptionPiece } from './answer-about-product.ts';
import type { Part } from './answer-product.ts';
import { answerFromFaq } from './answer-policy.ts';

export function answerReturnTerms(kb: KnowledgeBase, state: DialogueState, text: string, store: string | undefined): Part | undefined {
  const intent = '售后';
  const focus = state.slots.focus;
  // "能刻他名字缩写吧 刻了要是他不喜欢还能退吗": engraving asked before it is done can be done, and makes it
  // personalised, which is not returned (once engraved, the terms below say so).
  const askedToEngrave = /能刻|可以刻|能不能刻|刻[^，。]{0,6}吧|(?:刻|压)了?(?:之后)?要是|能压|可以压/u.test(state.newestText) && !state.slots.personalised;
  if (askedToEngrave && /退|换/u.test(state.newestText) && !state.complaint) {
    const wrap = answerFromFaq(kb, '礼盒包装', `${text} 刻字母 压印 定制 不支持无理由退换`, 0, store, '压印或刻字母 定制后的商品不支持无理由退换');
    const rule = (wrap?.approvedText ?? wrap?.text ?? '').split('。').find((sentence) => /定制/u.test(sentence));
    const engraves = focus && (/皮具|首饰/u.test(focus.value.subcategory) || /刻|压印/u.test(focus.value.description)) ? focus.value : undefined;
    if (wrap && rule) return { ...wrap, text: `${engraves ? `可以的，${engraves.name}可以压印或刻字母缩写` : rule.split('，')[0]}。不过刻了字就属于定制商品，${rule.slice(rule.indexOf('定制后'))}，您确定好再刻～`, products: engraves ? [engraves] : [] };
  }
  // "我想退货 已经穿过一次了": worn is outside the seven days' terms; say so before anything else.
  const worn = /(?:穿过|洗过|用过|穿了|洗了)|剪了吊牌|吊牌剪|拆了吊牌|穿一晚|穿一次|穿完|穿出去|走了一天/u.exec(state.newestText);
  const wornSaid = worn && !/(?:没|未|不|还没|没有)$/u.test(state.newestText.slice(0, worn.index));
  // "内衣套装买小了 我拆开试了一下 没穿出去": intimate wear opened is outside the seven days, worn or not.
  const intimate = (state.relationship.purchases[0] ?? focus?.value)?.subcategory;
  if (/退|换/u.test(state.newestText) && intimate && /内衣|文胸|家居服|睡衣|袜/u.test(intimate) && /拆开|拆封|拆了|试了|试穿|穿了/u.test(state.newestText) && !state.complaint) {
    const rule = answerFromFaq(kb, intent, `${text} 贴身衣物 拆封 不支持`, 0, store, '贴身衣物 拆封 不支持七天无理由退换');
    if (rule) return { ...rule, text: '不好意思，内衣这类贴身衣物拆封后，出于卫生原因就不支持七天无理由退换了；如果是质量问题，签收30天内还是按质量问题30天包换处理。下次拿不准尺码可以先找我对一下尺码表，或者到店试穿～' };
  }
  // "看中了真丝睡衣套装 要是穿着不合适能退吗": asked before buying, what its own terms say about opening it.
  const sealed = focus && descriptionPiece(focus.value, (c) => /拆封后不支持无理由退换/u.test(c), 'sentence');
  if (/退|换/u.test(state.newestText) && focus && sealed && !wornSaid && !state.complaint && state.relationship.purchases.every((p) => p.sku !== focus.value.sku)) {
    const rule = answerFromFaq(kb, intent, `${text} 贴身衣物 拆封 不支持`, 0, store, '贴身衣物 拆封 不支持七天无理由退换');
    return { text: `${focus.value.name}${sealed.replace(/^属/u, '属于').replace(/，拆封后/u, '，拆封后就')}了；没拆封、吊牌完好的话，7天内可以无理由退换。`, products: [focus.value], ...(rule ? { approvedText: rule.approvedText ?? rule.text, ...(rule.faqId ? { faqId: rule.faqId } : {}) } : {}) };
  }
  if (/退|换/u.test(state.newestText) && wornSaid && !state.complaint) {
    return { text: `不好意思，七天无理由退换需要商品未穿着、未洗涤、吊牌完好，${/洗/u.test(worn[0]) ? '洗' : '穿'}过的就不能无理由退换了。如果是质量问题，签收30天内可以享受质量问题30天包换，您看是哪种情况？方便的话拍张照片给我看看～`, products: [] };
  }
  // "万一开线了咋整": a fault that may come is covered by the 30 days.
  if (!state.complaint && SOMEDAY.test(text) && FEARED_FAULT.test(text)) {
    const quality = answerFromFaq(kb, '质量投诉', '签收30天内 开线 脱胶 五金脱落 质量问题 30天包换', 0, store, '质量问题30天包换');
    if (quality) return { ...quality, text: `放心，${quality.text.replace(/^可以的?[。，]/u, '').replace(/麻烦先拍照发给我[^。]*。$/u, '真遇到的话拍张照片发我，我马上帮您处理。')}` };
  }
  // "快三个礼拜了吧 一直放着没动 塑封都在": unused, but past the seven days.
  const days = state.relationship.boughtDaysAgo ?? 0;
  if (!state.complaint && days > 7 && days <= 60 && /没拆|未拆|没动|没穿|没用|塑封|吊牌(?:都|还)在|没开封|不想要|不喜欢/u.test(`${state.newestText} ${text}`)) {
    const terms = answerFromFaq(kb, intent, '七天无理由退换 签收7天内', 0, store, '自签收之日起7天内');
    if (terms) return { ...terms, text: `不好意思，七天无理由退换是从签收（门店购买当天）起7天内，您这个已经过了7天，就不能无理由退换了；如果有质量问题，签收30天内还是可以按质量问题处理。` };
  }
  // "喷了两下 不太喜欢这个味儿 能退吗": opened skincare, make-up and perfume are outside the seven days' terms.
  const opened = /(?<![没未不])(?:喷了|喷过|用了|用过|涂了|涂过|抹了|擦了|拆了|拆开|拆封了|开封了|试了|试过)/u.test(state.newestText);
  if (/退/u.test(state.newestText) && opened && focus?.value.category === '美妆' && !state.complaint) {
    const rule = answerFromFaq(kb, intent, `${text} 已拆封 香水 美妆 不支持`, 0, store, '已拆封 护肤彩妆 香水 不支持七天无理由退换');
    if (rule) return { ...rule, text: `不好意思，${focus.value.subcategory}已经拆封用过了，出于卫生原因就不支持七天无理由退换了；如果是质量问题，签收30天内还是按质量问题给您处理。下次拿不准的话可以先找我要小样试试～` };
  }
  // "钱啥时候能回到我卡里": how long a refund takes, whatever else the clause shares words with.
  if ((REFUND_WHEN.test(text) || /到账/u.test(text))) {
    const refund = answerFromFaq(kb, '售后', `${text} 退款 多久到账 原路退回`, 0, store, '退款 原路退回');
    if (refund) return refund;
  }
  // "压了字母之后不喜欢还能退吗": engraved or embossed is made for them, not returnable without a fault.
  if ((state.slots.personalised || /压(?:了)?(?:字母|字|印|名字|缩写)|刻(?:了)?(?:字|名字|字母|缩写)|定制|压印|刻字/u.test(state.newestText))) {
    const rule = answerFromFaq(kb, intent, `${text} 刻字 压印 定制 不支持无理由退换`, 0, store, '刻字压印 个性化定制');
    // "戒指小了一点 … 能换个大一号的吗": the size is looked into, not promised.
    const sizing = /大一|小一|换个?(?:号|码)|尺寸|圈口|勒|紧|松/u.test(state.newestText);
    // "在店里改短了 … 颜色不喜欢 想退": an alteration ends the seven days the same way.
    const altered = /改|收/u.test(state.slots.personalised?.quote ?? '') ? answerFromFaq(kb, intent, '改裤长 修改过的商品不再支持无理由退换', 0, store, '修改过的商品不再支持无理由退换') : undefined;
    if (altered) return { ...altered, text: `不好意思，修改过的商品就不再支持七天无理由退换了；如果是质量问题，签收30天内还是按质量问题30天包换处理。${/颜色|不好搭|搭不/u.test(state.newestText) ? '颜色不太好搭的话，我帮您配几件试试看？' : ''}` };
    if (rule) return { ...rule, text: `不好意思，压印或刻字之后就属于个性化定制商品，不支持七天无理由退换，质量问题仍然按质量问题30天包换处理。${sizing ? '尺寸的问题我帮您问一下门店师傅能不能调整，确认了马上回您～' : '选字母的时候拿不准可以跟我说，我帮您一起参考～'}` };
  }
  return undefined;
}
