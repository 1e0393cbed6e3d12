/**
 * One answer part for one intent of the newest message: the dispatch from what was asked (尺码咨询, 售后,
 * 比较 ...) to the answer that fits it, with the state's slots (focus, budget, recipient) deciding within it.
 */
import type { CustomerProfile } from '../../conversation/model.ts';
import type { DialogueState, IntentHit } from '../dialogue/dialogue-state.ts';
import { fitsNeed, productsInOrder } from '../dialogue/read-focus.ts';
import { OTHER_QUESTION, PRODUCT_ASKS } from '../dialogue/read-intents.ts';
import type { Product } from '../knowledge/schemas.ts';
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import { ABOUT_PRODUCT_ASK, answerAboutProduct, answerContents, asksAboutProduct, bestClause, descriptionPiece, descriptionSays } from './answer-about-product.ts';
import { answerComplaint } from './answer-complaint.ts';
import { answerUnsold } from './answer-unsold.ts';
import { answerHealth, answerPaidReview } from './answer-boundaries.ts';
import { answerColourChoice, byDepth } from './answer-colour-choice.ts';
import { answerColourWish } from './answer-colour-wish.ts';
import { answerTogether } from './answer-together.ts';
import { answerCare } from './answer-care.ts';
import { answerOrder, answerReorder, answerTransfer } from './answer-order.ts';
import { fabricConcern } from './fabric-concern.ts';
import { answerCompare } from './answer-compare.ts';
import { answerFarewell, answerGreeting, answerPraise, answerWhoAmI } from './answer-greeting.ts';
import { answerSmallTalk } from './answer-small-talk.ts';
import type { Names } from './answer-greeting.ts';
import { answerFromFaq, answerOffers, answerPriceMatch } from './answer-policy.ts';
import { answerEfficacy, answerMaterial, answerPrice, answerStock } from './answer-product.ts';
import type { Part } from './answer-product.ts';
import { findAnyFaq } from './find-faq.ts';
import { hasSize, skinFits, withinBudget } from './pick-products.ts';
import { saidNow } from '../dialogue/said-now.ts';
import { sellingPoint } from './describe-product.ts';
import { answerNewArrivals, answerRecommend } from './answer-recommend.ts';
import { answerService } from './answer-service.ts';
import { answerSkinFit } from './answer-skin-fit.ts';
import { answerWhoFor } from './answer-who-for.ts';
import { answerOtherPack } from './answer-other-pack.ts';
import { answerMoment } from './answer-moments.ts';
import { answerPairing } from './answer-pairing.ts';
import { answerWarmth } from './answer-warmth.ts';
import { answerSizeAsk } from './answer-size-ask.ts';

export interface ComposeInput {
  kb: KnowledgeBase;
  state: DialogueState;
  profile?: CustomerProfile | undefined;
  names: Names;
}

/** Intents answered with products (the top draft's pitch alternative comes from these). */
export const RECOMMENDING = new Set(['搭配建议', '送礼推荐', '肤质推荐', '商品推荐']);
const FAQ_INTENTS = new Set(['售后', '换货进度', '退款进度', '物流', '会员积分', '发票', '营业时间', '门店地址', '试用', '礼盒包装']);

/** "你们家是正品吗": the FAQ that answers an ask no answer of its own covers, if one does. */
export function anyFaq(kb: KnowledgeBase, text: string): Part | undefined {
  const faq = findAnyFaq(kb, text);
  return faq ? { text: faq.answer, products: [], approvedText: faq.answer, faqId: faq.id } : undefined;
}

export function answerIntent(input: ComposeInput, hit: IntentHit): Part | undefined {
  const { kb, state, profile, names } = input;
  const male = profile?.gender === 1;
  const focus = state.slots.focus;
  const text = hit.clause || state.newestText;
  // "都有点贵 有没有三百以内的", "一千到一千五 L码": a budget just stated that the product in focus is
  // above asks for others of its kind, whatever else the message asks about it.
  // "我家宝宝三岁 有没有亲子装": the catalog's clothes and shoes are adults', whatever is asked of them.
  if (state.slots.child?.messageId === state.newestMessageId && (PRODUCT_ASKS.has(hit.intent) || RECOMMENDING.has(hit.intent))) return answerRecommend(kb, state, profile);
  // "你们家有洗发水吗": a kind the store does not carry is said plainly, with what it does carry.
  if (state.slots.unsold && (RECOMMENDING.has(hit.intent) || PRODUCT_ASKS.has(hit.intent) || hit.intent === OTHER_QUESTION)) return answerUnsold(kb, state);
  const budget = state.slots.budget;
  // "X多少钱 有没有更便宜的 一百以内": its price is still told, the others come with the request.
  const othersAsked = hit.intent === '价格咨询' && state.intents.some((h) => RECOMMENDING.has(h.intent));
  if (focus && budget && budget.messageId === state.newestMessageId && PRODUCT_ASKS.has(hit.intent) && !othersAsked && !withinBudget(focus.value.price, budget.value)) {
    return answerRecommend(kb, state, profile, { exclude: new Set([focus.value.sku]) });
  }
  // "两个都要 一共多少 包邮不": the total of what was just shown, before any FAQ on shipping.
  if (hit.intent === '物流' || hit.intent === '价格咨询' || hit.intent === '促成下单') {
    const together = answerTogether(kb, state);
    if (together) return together;
  }
  switch (hit.intent) {
    case '问候':
      return answerGreeting(state, names);
    case '告别':
      return answerFarewell(names, state);
    case '夸奖':
      return answerPraise(state, names);
    case '会员资料':
      // The number itself is not repeated back in the chat.
      return { text: '好的，我帮您在会员系统里更新，改好后您在会员小程序「我的」里确认一下就行；为了您的信息安全，新号码我就不在聊天里重复了～', products: [] };
    case '闲聊':
      return answerSmallTalk(text);
    case '自我介绍':
      return answerWhoAmI(state, names);
    case '健康':
      return answerHealth(state);
    case '刷评':
      return answerPaidReview();
    case '价保':
      return answerFromFaq(kb, '价保', `${text} 降价 退差价 价保`);
    case '规格':
      return (focus ? answerContents(focus.value, text) : undefined) ?? answerOtherPack(kb, state) ?? answerMaterial(state);
    case OTHER_QUESTION:
      {
        const warm = answerWarmth(kb, state);
        if (warm) return warm;
      }
      // "第二个衣服上能喷吗": how the product in view is used, as its description says.
      if (focus && /(?:能|可以|能不能|可不可以)(?:喷|擦|抹|涂|放|用在)/u.test(text) && /喷|涂|抹|擦|放|用/u.test(focus.value.description)) {
        const clause = bestClause(focus.value, text);
        return { text: clause ? `${focus.value.name}${clause}。` : `${focus.value.name}：${focus.value.description}`, products: [focus.value] };
      }
      // "会不会钻绒啊": a worry about the product in view, answered from what it is made of.
      if (focus && /会不会|容易|会.{0,4}[吗不]|担心|怕/u.test(text) && fabricConcern(focus.value, text)) return answerMaterial(state);
      // "能点多久", "味儿冲不冲": a trait of the product in view, before any FAQ sharing a word.
      if (focus && asksAboutProduct(focus.value, text)) return answerAboutProduct(focus.value, text) ?? anyFaq(kb, text);
      // "男士针扣腰带 … 能剪短吗": a short ask its description answers ("门店可以剪到合适长度") is about it, not the alterations FAQ.
      if (focus && (text.length <= 12 ? bestClause(focus.value, text) !== undefined : descriptionSays(focus.value, text))) return answerAboutProduct(focus.value, text) ?? anyFaq(kb, text);
      return anyFaq(kb, text) ?? (focus && ABOUT_PRODUCT_ASK.test(text) ? answerAboutProduct(focus.value, text) : undefined);
    case '尺码咨询':
      return answerSizeAsk(input, hit);
    case '价格咨询':
      return answerPrice(state, kb) ?? answerRecommend(kb, state, profile);
    case '库存咨询':
      // "还有别的颜色吗" with no product in view: ask which one rather than recite the transfer policy.
      if (!focus && !state.slots.category && /颜色|色|码|号/u.test(text)) return { text: '您说的是哪一款呢？发我名字或截图，我马上帮您查还有哪些颜色和尺码～', products: [] };
      // "有没有证书的": a thing that comes with the one in view, as its description says.
      {
        const thing = /有没有([\u4e00-\u9fff]{2,4}?)(?:的|吗|呀|啊|$|\s)|(?:带|附|有)([\u4e00-\u9fff]{2,4}?)吗/u.exec(text);
        const word = thing?.[1] ?? thing?.[2];
        // "有没有内兜": the description may call it 暗袋.
        const words = word ? [word, ...(PART_NAMES[word] ?? [])] : [];
        const said = word && focus && !/色|码|号|货|款|尺/u.test(word) ? descriptionPiece(focus.value, (piece) => words.some((w) => piece.includes(w))) : undefined;
        if (said && focus) return { text: `有的，${focus.value.name}${said.startsWith(focus.value.name) ? said.slice(focus.value.name.length) : said}。`, products: [focus.value] };
      }
      // "黑色藏青都太沉闷了 有没有浅一点的颜色": the lighter colours it comes in.
      return (state.slots.colour?.messageId === state.newestMessageId ? undefined : byDepth(kb, state)) ?? answerStock(state, kb, male) ?? (state.slots.category ? answerRecommend(kb, state, profile) : answerFromFaq(kb, hit.intent, text));
    case '材质咨询':
      {
        // "零下十几度 够不够啊": warm enough for where they are going, or the warmer one.
        const warm = answerWarmth(kb, state);
        if (warm) return warm;
        const kind = kindMaterial(input);
        if (kind) return kind;
        // "我油皮 晨露保湿霜会不会闷痘": for a skin it is not made for, say so and name one that is.
        const skin = state.slots.skinType?.value;
        if (skin && focus && !skinFits(focus.value, skin)) {
          const fit = answerSkinFit(kb, state, profile);
          if (fit) return fit;
        }
      }
      // "你们家是正品吗": the store's answer, not a product's.
      if (!focus && /正品|假货|真的假的|是真的吗/u.test(text)) {
        const faq = anyFaq(kb, text);
        if (faq) return faq;
      }
      // "这件毛衣扎不扎人" about a piece we cannot see: ask which one rather than guess.
      if (!focus && /[这那](?:件|款|条|双|个)/u.test(text)) return { text: '您说的是哪一款呢？发我名字或截图，我马上帮您看面料和穿着感受～', products: [] };
      return (/洗|保养|打理|熨/u.test(text) ? (answerFromFaq(kb, hit.intent, text) ?? answerMaterial(state)) : (answerMaterial(state) ?? answerFromFaq(kb, hit.intent, text))) ?? anyFaq(kb, text);
    case '洗护':
      return answerCare(kb, state, text);
    case '复购':
      return answerReorder(state);
    case '比较':
      return answerCompare(state, productsInOrder(kb, state.newestText)) ?? (focus ? answerMaterial(state) : undefined);
    case '颜色建议':
      return answerColourWish(state) ?? answerColourChoice(kb, state) ?? answerIntent(input, { ...hit, intent: '上身效果' });
    case '适合谁':
      // "送香水合适吗" with no product in view: products of that kind for them.
      return answerWhoFor(kb, state, profile, text) ?? (state.slots.category ? answerRecommend(kb, state, profile) : answerIntent(input, { ...hit, intent: '上身效果' }));
    case '上身效果': {
      const product = focus?.value;
      if (!product) return { text: '您说的是哪一款呢？发我名字或截图，我帮您看看颜色和版型，再拍几张上身图给您参考～', products: [] };
      const colour = state.slots.colour?.value ?? '';
      return { text: `${product.name}${colour}：${sellingPoint(product)}。上身效果和肤色、身材都有关系，我拍几张实拍和上身图给您参考，比商品图更直观～`, products: [product] };
    }
    case '尺码标准': {
      const product = focus?.value;
      const note = product ? `${product.name}${String(product.attributes['版型'] ?? '') ? `是${String(product.attributes['版型'])}` : ''}，` : '';
      // "第一件偏大还是偏小 我平时穿M": the size to take, for the product in view.
      const usual = saidNow(state, 'size');
      if (product && usual && hasSize(product, usual)) {
        const cut = String(product.attributes['版型'] ?? '');
        const roomy = /宽松|廓形|oversize/iu.test(cut);
        return { text: `${product.name}${cut ? `是${cut}版型，` : ''}尺码是标准的，您平时穿${usual}码就选${usual}码${roomy ? '，喜欢合身一点也可以小一码' : '，里面想穿厚一点可以大一码'}；收到不合适的话，吊牌完好7天内可以换。`, products: [product] };
      }
      return { text: `我们家大部分是标准码，平时穿什么码选什么码就可以；${note}个别偏宽松或修身的款我会提前告诉您。您看中哪一款，我帮您对照尺码表确认～`, products: product ? [product] : [] };
    }
    case '补货': {
      const colour = state.slots.colour?.value ?? '';
      return { text: `${focus ? focus.value.name : '这款'}${colour}补货时间还没定，我先帮您登记，一到货第一时间通知您；着急的话我也帮您查查另一家店和仓库有没有。`, products: focus ? [focus.value] : [] };
    }
    case '用法':
      return { text: '可以一起用的～洁面后先用质地稀的（水、精华），再用面霜锁住水分，白天最后加防晒。第一次搭配的话先在耳后试一两天更放心。', products: [] };
    case '考虑':
      return { text: '好的，不着急～您慢慢考虑，有任何问题随时找我，喜欢的款我也帮您留意着库存。', products: [] };
    case '支付':
      return answerFromFaq(kb, '支付', `${text} 付款方式 分期`);
    case '预约到店': {
      // "周六下午两点我过去": confirm the time and get ready.
      const when = /(?:周[一二三四五六日天]|星期[一二三四五六日天]|明天|后天|今天|这周[一二三四五六日末]?)[^，。,]{0,6}?(?:\d{1,2}|[一两二三四五六七八九十]{1,3})点(?:半)?|(?:周[一二三四五六日天]|明天|后天|今天)(?:上午|下午|晚上)?/u.exec(text)?.[0];
      if (when) return { text: `好的，${when}我在店里等您～您想试的款式和尺码发我，我提前备好，再帮您留好试衣间。`, products: [] };
      const hours = answerFromFaq(kb, '营业时间', '门店几点营业', 0, names.store);
      return answerFromFaq(kb, hit.intent, text) ?? (hours ? { ...hours, text: `随时可以来店里逛逛～${hours.text.replace(/^可以[的，。]*/u, '')}您定好时间告诉我，我提前帮您准备好想看的款。` } : undefined);
    }
    case '隐私':
      // "帮我查下我朋友买的那件多少钱": another person's orders are theirs to ask about.
      if (/朋友|同事|闺蜜|邻居|亲戚/u.test(text)) return { text: '不好意思，其他顾客的购买记录和个人信息涉及隐私，我这边不能帮忙查询哦～可以请您朋友本人来问我，或者您把款式截图发我，我帮您看看现在的价格。', products: [] };
      // "我老婆上次买了啥 我想买个配套的": family's purchases are theirs too; the surprise is still helped.
      if (/老公|老婆|媳妇|女朋友|男朋友|对象|我妈|我爸/u.test(text)) {
        const they = /老公|男朋友|我爸/u.test(text) ? '他' : '她';
        return { text: `不好意思，每位顾客的购买记录都是保密的，家人的我这边也不方便透露哦～想给个惊喜的话，您说说${they}平时喜欢的风格、颜色和预算，我帮您挑配得上的款。`, products: [] };
      }
      return { text: '不好意思，其他顾客的信息涉及隐私，我这边不能透露哦～您自己有什么想看的，我随时帮您挑。', products: [] };
    case '调货':
      return answerTransfer(kb, state, text);
    case '功效咨询':
      return answerEfficacy(state);
    case '优惠活动':
      // "95折和满减能一起用吗": the FAQ that says how offers combine.
      if (/叠加|一起用|同时用|能一起|可以一起|一起享/u.test(text)) return answerFromFaq(kb, '优惠活动', `${text} 叠加 不叠加`) ?? answerOffers(kb, state, false);
      // "新品能参加满减吗": the FAQ on what the offers leave out.
      if (/新品|新款|新到|上新/u.test(text)) return answerFromFaq(kb, '优惠活动', `${text} 新品 满减 当季新品 除外`) ?? answerOffers(kb, state, false);
      // "我下个月过生日 有啥福利": what a birthday brings.
      if (/生日/u.test(state.newestText)) return answerFromFaq(kb, '会员积分', `${state.newestText} 会员过生日有什么礼遇 生日月 双倍积分 生日礼`) ?? answerOffers(kb, state, false);
      return answerOffers(kb, state, false);
    case '议价':
      return answerOffers(kb, state, true);
    case '比价':
      return answerPriceMatch(kb);
    case '促成下单':
      // "是不是等下个月再买比较划算" weighs when to buy; only a way to order is answered from the FAQ.
      return answerOrder(state) ?? (/下单|付款|链接|怎么买|开单|拍下|留一件|帮我留/u.test(text) ? answerFromFaq(kb, hit.intent, text) : undefined);
    case '投诉安抚':
      return answerComplaint(kb, state, state.complaint ?? { kind: 'general', messageId: state.newestMessageId ?? '', quote: text })[0];
    default:
      if (hit.intent === '新品推荐') return answerNewArrivals(kb, state, profile);
      {
        const moment = answerMoment(kb, state, hit.intent);
        if (moment) return moment;
      }
      if (hit.intent === '私人转账') return answerFromFaq(kb, '私人转账', '个人账户 转账 资金安全 下单');
      // "晨露保湿霜 油皮好用吗": about the product named, for the skin given.
      // "这件外套…我皮肤有点黄": a skin tone said about clothes is why the colour matters, not a skincare ask.
      if (hit.intent === '肤质推荐' && focus && focus.value.category !== '美妆' && state.slots.category?.value.category !== '美妆') return undefined;
      if (hit.intent === '肤质推荐' && focus?.messageId === state.newestMessageId) {
        const fit = answerSkinFit(kb, state, profile);
        if (fit) return fit;
      }
      // "上次买的A字裙 上面配啥好看": pieces of another kind that go with it.
      if (hit.intent === '搭配建议' && /配|搭/u.test(text)) {
        const pairing = answerPairing(kb, state, profile);
        if (pairing) return pairing;
      }
      if (RECOMMENDING.has(hit.intent)) {
        const warm = answerWarmth(kb, state);
        if (warm) return warm;
      }
      // "基础圆领T恤白色的透不透": a question about the product named, not a request for more.
      if (RECOMMENDING.has(hit.intent) && focus && asksAboutNamed(state, focus.value)) {
        const about = answerAboutProduct(focus.value, state.newestText);
        if (about) return about;
      }
      if (RECOMMENDING.has(hit.intent)) return answerRecommend(kb, state, profile, focus && (state.slots.budget?.quote.includes('便宜') || /[短长薄厚轻松身素](?:一)?(?:点|些)(?:的|款)/u.test(state.slots.category?.quote ?? '')) ? { exclude: new Set([focus.value.sku]) } : {});
      if (FAQ_INTENTS.has(hit.intent)) return answerService(kb, state, hit.intent, text, names.store);
      return undefined;
  }
}

/** Parts a customer names in other words than the catalog. */
const PART_NAMES: Record<string, string[]> = { 内兜: ['暗袋', '内袋', '口袋'], 内袋: ['暗袋', '内兜', '口袋'], 口袋: ['暗袋', '内袋', '侧袋'], 夹层: ['隔层', '内袋'], 隔层: ['夹层', '内袋'] };

/** The newest message names the product and asks about it, rather than for others like it. */
export function asksAboutNamed(state: DialogueState, product: Product): boolean {
  const text = state.newestText;
  return text.includes(product.name) || (state.slots.focus?.messageId === state.newestMessageId && /[这那](?:件|款|条|双|个|瓶)/u.test(text))
    ? ABOUT_PRODUCT_ASK.test(text.split(product.name).join('')) && !/有没有|推荐|别的|其他|类似|还有|便宜|换一?(?:个|款)|[一两三]款/u.test(text)
    : false;
}

/** "你们家的鞋子是真皮的吗": a kind of product in general is answered from several of its products. */
/** The kinds a care FAQ is written for, and whether a product is of that kind. */
function kindMaterial(input: ComposeInput): Part | undefined {
  const need = input.state.slots.category?.value;
  if (!need || input.state.slots.focus || !/你们家|你们的|你们这|都是/u.test(input.state.newestText)) return undefined;
  const seen = new Map<string, Product>();
  for (const p of input.kb.products) {
    const material = String(p.attributes['材质'] ?? '');
    if (fitsNeed(p, need) && material && !/男士/u.test(p.name) && ![...seen.values()].some((q) => String(q.attributes['材质']) === material)) seen.set(p.sku, p);
    if (seen.size >= 3) break;
  }
  if (seen.size === 0) return undefined;
  const list = [...seen.values()].map((p) => `${p.name}是${String(p.attributes['材质'])}`).join('；');
  return { text: `不同款材质不一样：${list}。您看中哪一款，我把详细的材质和做工发您～`, products: [...seen.values()] };
}
