/**
 * The store's services answered from its FAQ (after-sales, logistics, membership, invoices, wrapping),
 * with what the conversation adds: the order number a tracking ask needs, worn goods outside the seven
 * days, an invoice owed, the size an exchange is for, the product picked for wrapping.
 */
import type { DialogueState } from '../dialogue/dialogue-state.ts';
import { ARRIVAL_DAY, REFUND_WHEN } from '../dialogue/intent-cues.ts';
import { fitsNeed } from '../dialogue/read-focus.ts';
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import type { Part } from './answer-product.ts';
import { answerFromFaq } from './answer-policy.ts';
import { priceTag } from './describe-product.ts';
import { hasSize } from './pick-products.ts';
import { pointsWorth } from './points-worth.ts';

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
  // "能刻他名字缩写吧 刻了要是他不喜欢还能退吗": engraving can be done, and makes it personalised, which is not returned.
  if (intent === '售后' && /刻|压印|定制/u.test(state.newestText) && /退|换/u.test(state.newestText) && !state.complaint) {
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
  if (intent === '售后' && /退|换/u.test(state.newestText) && intimate && /内衣|文胸|家居服|睡衣|袜/u.test(intimate) && /拆开|拆封|拆了|试了|试穿|穿了/u.test(state.newestText) && !state.complaint) {
    const rule = answerFromFaq(kb, intent, `${text} 贴身衣物 拆封 不支持`, 0, store, '贴身衣物 拆封 不支持七天无理由退换');
    if (rule) return { ...rule, text: '不好意思，内衣这类贴身衣物拆封后，出于卫生原因就不支持七天无理由退换了；如果是质量问题，签收30天内还是按质量问题30天包换处理。下次拿不准尺码可以先找我对一下尺码表，或者到店试穿～' };
  }
  if (intent === '售后' && /退|换/u.test(state.newestText) && wornSaid && !state.complaint) {
    return { text: `不好意思，七天无理由退换需要商品未穿着、未洗涤、吊牌完好，${/洗/u.test(worn[0]) ? '洗' : '穿'}过的就不能无理由退换了。如果是质量问题，签收30天内可以享受质量问题30天包换，您看是哪种情况？方便的话拍张照片给我看看～`, products: [] };
  }
  // "万一开线了咋整": a fault that may come is covered by the 30 days.
  if (intent === '售后' && !state.complaint && /万一|要是|如果|到时候/u.test(text) && /开线|坏了|掉了|起球|脱胶|开胶|断了|掉色|质量问题/u.test(text)) {
    const quality = answerFromFaq(kb, '质量投诉', '签收30天内 开线 脱胶 五金脱落 质量问题 30天包换', 0, store, '质量问题30天包换');
    if (quality) return { ...quality, text: `放心，${quality.text.replace(/^可以的?[。，]/u, '').replace(/麻烦先拍照发给我[^。]*。$/u, '真遇到的话拍张照片发我，我马上帮您处理。')}` };
  }
  // "快三个礼拜了吧 一直放着没动 塑封都在": unused, but past the seven days.
  const days = state.relationship.boughtDaysAgo ?? 0;
  if (intent === '售后' && !state.complaint && days > 7 && days <= 60 && /没拆|未拆|没动|没穿|没用|塑封|吊牌(?:都|还)在|没开封|不想要|不喜欢/u.test(`${state.newestText} ${text}`)) {
    const terms = answerFromFaq(kb, intent, '七天无理由退换 签收7天内', 0, store, '自签收之日起7天内');
    if (terms) return { ...terms, text: `不好意思，七天无理由退换是从签收（门店购买当天）起7天内，您这个已经过了7天，就不能无理由退换了；如果有质量问题，签收30天内还是可以按质量问题处理。` };
  }
  // "喷了两下 不太喜欢这个味儿 能退吗": opened skincare, make-up and perfume are outside the seven days' terms.
  const opened = /(?<![没未不])(?:喷了|喷过|用了|用过|涂了|涂过|抹了|擦了|拆了|拆开|拆封了|开封了|试了|试过)/u.test(state.newestText);
  if (intent === '售后' && /退/u.test(state.newestText) && opened && focus?.value.category === '美妆' && !state.complaint) {
    const rule = answerFromFaq(kb, intent, `${text} 已拆封 香水 美妆 不支持`, 0, store, '已拆封 护肤彩妆 香水 不支持七天无理由退换');
    if (rule) return { ...rule, text: `不好意思，${focus.value.subcategory}已经拆封用过了，出于卫生原因就不支持七天无理由退换了；如果是质量问题，签收30天内还是按质量问题给您处理。下次拿不准的话可以先找我要小样试试～` };
  }
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
  // "钱啥时候能回到我卡里": how long a refund takes, whatever else the clause shares words with.
  if (intent === '售后' && (REFUND_WHEN.test(text) || /到账/u.test(text))) {
    const refund = answerFromFaq(kb, '售后', `${text} 退款 多久到账 原路退回`, 0, store, '退款 原路退回');
    if (refund) return refund;
  }
  // "压了字母之后不喜欢还能退吗": engraved or embossed is made for them, not returnable without a fault.
  if (intent === '售后' && (state.slots.personalised || /压(?:了)?(?:字母|字|印|名字|缩写)|刻(?:了)?(?:字|名字|字母|缩写)|定制|压印|刻字/u.test(state.newestText))) {
    const rule = answerFromFaq(kb, intent, `${text} 刻字 压印 定制 不支持无理由退换`, 0, store, '刻字压印 个性化定制');
    // "戒指小了一点 … 能换个大一号的吗": the size is looked into, not promised.
    const sizing = /大一|小一|换个?(?:号|码)|尺寸|圈口|勒|紧|松/u.test(state.newestText);
    // "在店里改短了 … 颜色不喜欢 想退": an alteration ends the seven days the same way.
    const altered = /改|收/u.test(state.slots.personalised?.quote ?? '') ? answerFromFaq(kb, intent, '改裤长 修改过的商品不再支持无理由退换', 0, store, '修改过的商品不再支持无理由退换') : undefined;
    if (altered) return { ...altered, text: `不好意思，修改过的商品就不再支持七天无理由退换了；如果是质量问题，签收30天内还是按质量问题30天包换处理。${/颜色|不好搭|搭不/u.test(state.newestText) ? '颜色不太好搭的话，我帮您配几件试试看？' : ''}` };
    if (rule) return { ...rule, text: `不好意思，压印或刻字之后就属于个性化定制商品，不支持七天无理由退换，质量问题仍然按质量问题30天包换处理。${sizing ? '尺寸的问题我帮您问一下门店师傅能不能调整，确认了马上回您～' : '选字母的时候拿不准可以跟我说，我帮您一起参考～'}` };
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
  const found = answerFromFaq(kb, intent, query, 0, store);
  // "想换个码 牛仔裤买大了": a fabric's care is no answer to an exchange that never mentions washing.
  const care = found?.faqId !== undefined && kb.faqs.find((f) => f.id === found.faqId)?.topic === '保养' && !/洗|保养|护理|清洁|抛光|擦|打理/u.test(`${text} ${state.newestText}`);
  return care ? (answerFromFaq(kb, intent, query, 1, store) ?? found) : found;
}
