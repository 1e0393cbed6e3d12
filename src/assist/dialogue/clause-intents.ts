/**
 * The intents one clause asks, read whole: the cues' scores, what the clause states (a size, a kind with a
 * budget) and the look-alikes settled ("不磨脚的单鞋" is a wish, "会不会起球" a worry, not complaints).
 */
import { detectIntent } from '../offline/detect-intent.ts';
import type { IntentHit } from './dialogue-state.ts';
import { QUESTION } from './looks-like-question.ts';
import { readsAsComplaint } from './read-complaint.ts';
import { BOUGHT_ELSEWHERE, CAME_ALREADY, FAULT_WORRY, HABIT, MISHAP, PRAISE, SOMEDAY } from './complaint-words.ts';
import { COLOURS_ASK, EXTRA, INGREDIENT_ASK, OTHER_QUESTION } from './intent-cues.ts';
import { preferPrecise } from './prefer-precise.ts';
import { settleLookAlikes, settleReasonsGiven } from './settle-look-alikes.ts';

/** Asking which colours or sizes there are, or whether one is there (not stating one: "卡其M码"). */
const STOCK_ASK = /几个颜色|几种颜色|几个色|几色|什么颜色|哪些颜色|啥色|有几个码|哪些码|什么码|几个码|有没有[^，。？?]{0,6}(?:码|色|的)|有[^，。？?]{0,6}(?:码|色)(?:吗|不|没)/u;

/** "上次买风衣那个": a kind named as what was bought before says who is writing, not what is wanted. */
const PAST_PURCHASE = /我(?:的)?(?:这|那)(?:件|条|双|个|只)|(?:(?:上次|上回|之前|以前|前阵子|前几天|上个月|上周|去年|[一二两三四五六七八九十几\d]+(?:年|个月|天|周)前)[^，。？?]{0,6}(?:买|入|拿))|在你们(?:店|家)[^，。？?]{0,4}买的/u;

/** "那个去角质的能天天用吗": a question about the one pointed at, naming its kind, is no request for others. */
const POINTED_ASK = /(?:那|这)(?:个|款|瓶|支|双|件|条|只)[^，。？?]{0,6}(?:能|可以|会|要|是|好)[^，。？?\s]{0,8}(?:[吗么嘛]|不(?=[\s，。]|$))/u;

const COLOUR_WORD = /黑|白|灰|红|粉|蓝|绿|驼|米色|卡其|杏色|棕|咖啡|紫|黄色|藏青|香槟|燕麦/gu;


/** Asks about one product's facts: two of them may share a clause, and they can be answered for a product of the kind asked about. */
export const PRODUCT_ASKS: ReadonlySet<string> = new Set(['尺码咨询', '价格咨询', '库存咨询', '材质咨询', '洗护', '规格']);

/** Reads what a clause states (size, colour, budget ...) so a bare "有XXL吗" still asks something. */
export type ClauseNeeds = (clause: string) => { size?: unknown; colour?: unknown; budget?: unknown; category?: unknown; body?: unknown; recipient?: unknown; skinType?: unknown; occasion?: unknown };

export function clauseIntents(clause: string, needsOf: ClauseNeeds | undefined): IntentHit[] {
  // "那皮的那个多少钱": the trait says which one is meant; it asks nothing about leather.
  // "今年没怎么买" is "not much", not "how to buy".
  const scores = detectIntent(clause.replace(/\p{Script=Han}{1,3}的那(?=[个款件双条只对支瓶])/gu, '那').replace(/([没不])怎么(?=买|穿|用|来|逛|戴)/gu, '$1太'));
  const question = QUESTION.test(clause);
  const needs = needsOf?.(clause) ?? {};
  // The product's own words must not decide ("羊毛呢大衣有XXL吗" asks a size, not about wool), so a
  // stated size or colour weighs more than a material cue.
  for (const [intent, pattern, weight] of EXTRA) if (pattern.test(clause)) scores.set(intent, (scores.get(intent) ?? 0) + weight);
  if (needs.size !== undefined || needs.body !== undefined) scores.set('尺码咨询', (scores.get('尺码咨询') ?? 0) + (question ? 2 : 1.5));
  // "三年前买的那个焦糖色的水桶包": a colour that says which one was bought asks nothing about stock.
  // "深蓝的会掉色吗": the colour says which one a worry is about, not a stock question.
  // "黑的也行 …穿得进去不": a colour accepted, not asked after.
  if (needs.colour !== undefined && question && !PAST_PURCHASE.test(clause) && !FAULT_WORRY.test(clause) && !/的?也行|的?也可以|的?都行/u.test(clause)) scores.set('库存咨询', (scores.get('库存咨询') ?? 0) + 1.5);
  // A kind of product with a budget, an occasion or a recipient is a request for products, whatever
  // material or greeting words come with it ("不超过两千的真丝连衣裙", "早上好 想看看大衣").
  const wants = needs.category !== undefined && (needs.budget !== undefined || needs.recipient !== undefined || needs.occasion !== undefined || /想看|看看|想买|想要|推荐(?!来|过来)|有没有|有吗|有哪些|有(?:什么|啥)?适合|要(?:一|件|条|双|个|款|顶|只)|整(?:一|件|条|双|个)/u.test(clause.replace(/(?:去|到)?(?:别家|别的店|别处|其他家)(?:再)?(?:看看|逛逛)/gu, '')));
  // "想换双跑鞋 43码 六百左右": a new pair wanted, not an exchange.
  if (needs.category !== undefined && /(?:想|要|打算|准备)换(?:一)?(?:双|件|个|条|只|款|副|顶)(?![^，。\s]{0,3}(?:码|号|色|大|小|尺|长|短|新|同|\d|[XSML]))/u.test(clause) && !/买的|买了|收到|穿了|不合适|吊牌/u.test(clause)) scores.delete('售后');
  const states = needs.budget !== undefined || needs.category !== undefined || needs.recipient !== undefined || needs.skinType !== undefined || needs.occasion !== undefined;
  // "能把衣服寄到酒店吗 我在三亚度假": an ask about sending it is that ask, whatever the trip suggests.
  const sending = scores.has('物流') && !/想看|看看|想买|想要|推荐|有没有|有吗|有哪些/u.test(clause);
  // "徒步鞋那个有哪些颜色": the colours of the one named, not a request for products.
  const coloursOf = COLOURS_ASK.test(clause) && needs.budget === undefined;
  // "想给婆婆买那套真丝睡衣 有XL吗": a size or colour asked of the one pointed at is a stock question about it.
  const pointedOne = question && needs.budget === undefined && (needs.size !== undefined || needs.colour !== undefined) && /(?:那|这)(?:套|件|款|条|双|瓶|支|只)(?!的)\p{Script=Han}{2,}/u.test(clause);
  if (wants && !sending && !coloursOf && !pointedOne && !(scores.has('投诉安抚') && readsAsComplaint(clause)) && !['售后', '会员积分', '隐私', '调货', '新品推荐', '复购', '试用', '尺码标准', '补货', '价保'].some((i) => scores.has(i))) {
    scores.set('商品推荐', Math.max(2, ...scores.values()) + 0.5);
    // "有没有能机洗的衬衫": the washing is what the shirt must do, not a care question.
    scores.delete('材质咨询');
    scores.delete('洗护');
  // "以前别的牛仔裤给我染过": what happened before is told, nothing asked for.
  } else if (scores.size === 0 && states && !PAST_PURCHASE.test(clause) && !POINTED_ASK.test(clause) && !/(?:以前|之前|原来|上次)[^，。？?]*(?:过|了)$/u.test(clause)) scores.set('商品推荐', 1);
  if (scores.has('会员积分')) scores.delete('送礼推荐');
  settleLookAlikes(scores, clause, needs);
  preferPrecise(scores, clause, question);
  // "黑色和酒红选哪个": two colours and a choice asked for is an opinion, not a stock check.
  if ((clause.match(COLOUR_WORD) ?? []).length >= 2 && /选哪|挑哪|哪个|哪种|还是|哪一?个/u.test(clause)) scores.set('颜色建议', 4.5);
  // "想要个包 一千五以内 颜色浅一点的": a request that says the colour it wants, not a choice among one product's colours.
  if (scores.has('颜色建议') && (needs.category !== undefined || needs.budget !== undefined) && !/选哪|哪个|哪种|哪一个/u.test(clause)) scores.delete('颜色建议');
  if (scores.has('颜色建议')) for (const other of ['库存咨询', '上身效果', '搭配建议', '促成下单', '商品推荐', '比较']) scores.delete(other);
  if (scores.has('比较')) for (const other of ['材质咨询', '促成下单', '商品推荐', '价格咨询', ...(readsAsComplaint(clause) ? [] : ['投诉安抚'])]) scores.delete(other);
  // "她油皮能用吗": the skin decides, not the person.
  if (scores.has('适合谁') && needs.skinType !== undefined) scores.delete('适合谁');
  if (scores.has('适合谁')) for (const other of ['上身效果', '材质咨询', '商品推荐', '送礼推荐', '搭配建议']) scores.delete(other);
  if (scores.has('上身效果')) for (const other of ['库存咨询', '搭配建议']) scores.delete(other);
  if (scores.has('尺码标准')) for (const other of ['尺码咨询', '商品推荐']) scores.delete(other);
  if (scores.has('补货') || INGREDIENT_ASK.test(clause)) scores.delete('库存咨询');
  // "想换成黑色的 可以吗": the exchange is asked; the colour says what for.
  if (scores.has('售后') && /换成|想换|要换|换个/u.test(clause) && !/有没有|还有吗|有货/u.test(clause)) scores.delete('库存咨询');
  // "那件卫衣我洗了一次 颜色太闷了 想换个燕麦色的": an exchange of one had, not advice on a colour.
  if (scores.has('售后') && /换成|想换|要换|换个/u.test(clause) && /洗了|洗过|穿了|穿过|买的|收到/u.test(clause)) scores.delete('颜色建议');
  if (scores.has('考虑')) for (const other of ['促成下单', '告别']) scores.delete(other);
  if (scores.has('支付')) scores.delete('促成下单');
  // "多少钱包邮", "积分能抵多少钱": a price word next to another ask is that ask.
  if (scores.size > 1 && needs.category === undefined && !(/多少钱|什么价|几块钱|多钱/u.test(clause) && (needs.size !== undefined || needs.colour !== undefined || STOCK_ASK.test(clause)))) scores.delete('价格咨询');
  if (scores.has('投诉安抚') && scores.has('售后')) scores.delete('售后');
  // "地址填成我妈家了 能改吗": the address is what is changed, not the clothes.
  if (scores.has('物流') && scores.has('售后') && /地址/u.test(clause) && !/退|换/u.test(clause)) scores.delete('售后');
  // "银手链发黑了 能洗吗": the store's cleaning, not home care.
  if (scores.has('洗护') && scores.has('售后') && /发黑|氧化|抛光/u.test(clause)) scores.delete('洗护');
  if (scores.has('洗护')) for (const other of ['材质咨询', '售后', '商品推荐', '库存咨询']) scores.delete(other);
  if (scores.has('试用')) for (const other of ['商品推荐', '会员积分', '材质咨询', '预约到店']) scores.delete(other);
  if (scores.has('隐私')) for (const other of scores.keys()) if (other !== '隐私') scores.delete(other);
  if (scores.has('调货')) for (const other of ['库存咨询', '物流', '尺码咨询']) scores.delete(other);
  // "敏感肌会不会过敏", "会不会起球", "不磨脚的单鞋", "别磨脚就行": a worry or a wish before buying asks about the
  // product; only what the complaint reader calls a complaint is one.
  const worry = /会不会|担心|怕|容易|会.{0,4}吗|以后|将来|万一|到时候|以为/u.test(clause) && !/投诉|差评|态度|说法/u.test(clause);
  // "不是质量问题 就是不喜欢": denied, it is no complaint either.
  // "淋了几滴 有几个水印 超喜欢这个包 别给我整坏了", "之前穿别家毛衣一圈都是红疹子": a mishap of their
  // own, praise, or trouble with something from elsewhere is no complaint to this store either.
  // "衣服要是穿几回开线了 能给换不": trouble that may come one day is a policy question, not a complaint.
  const wish = /(?:别|不要)[^，。\s]{1,4}就(?:行|好|可以|成)/u.test(clause) || (SOMEDAY.test(clause) && !CAME_ALREADY.test(clause));
  // "37 黑色 别磨脚就行": what it must do, said as a wish, asks nothing about the material.
  if (wish && !question) scores.delete('材质咨询');
  const mishap = MISHAP.test(clause) && !/质量|投诉|说法/u.test(clause);
  const notOurs = mishap || PRAISE.test(clause) || BOUGHT_ELSEWHERE.test(clause);
  if (scores.has('投诉安抚') && (worry || wish || notOurs || /不[^，。]{0,3}的|(?:不是|并非|不算|没有)[^，。]{0,4}(?:质量|问题)/u.test(clause)) && !readsAsComplaint(clause)) {
    scores.delete('投诉安抚');
    if (worry) scores.set('材质咨询', (scores.get('材质咨询') ?? 0) + 2);
    if (mishap) scores.set('洗护', (scores.get('洗护') ?? 0) + 2);
  }
  // "伊欢喜穿羊毛衫": a kind they like to wear, said as a wish, asks nothing about the material.
  // "他穿XL 纯棉的就行": the material wanted, said as a wish.
  if (scores.has('材质咨询') && ((needs.category !== undefined && /(?:喜欢|爱|习惯)(?:穿|戴|用|背)/u.test(clause)) || /(?:纯棉|棉|羊毛|羊绒|真丝|真皮|亚麻)的?(?:就行|就可以|就好|最好)|(?:羊毛|羊绒|真丝|棉|真皮|亚麻)[^，。？?]{0,4}(?:都行|都可以|都好|无所谓)|最好是(?:纯棉|棉|羊毛|羊绒|真丝|真皮)/u.test(clause)) && !QUESTION.test(clause)) {
    scores.delete('材质咨询');
    scores.set('商品推荐', Math.max(2, ...scores.values()));
  }
  // "我是干皮 … 预算五六百 水乳霜都要", "鞋子磨脚磨得我想哭 … 想找一双 37码 黑色 不超过900": a request
  // this full is what the message is for, whatever it says about the past on the way.
  const stated = [needs.budget, needs.size, needs.colour, needs.skinType, needs.recipient].filter((x) => x !== undefined).length;
  const fullRequest = needs.category !== undefined && stated >= 2 && /想找|想买|想要|想配|配一套|推荐|有没有|看看|有啥|换个[^，。\s]{1,4}的|要[\u4e00-\u9fff]{1,3}的/u.test(clause);
  if (fullRequest) {
    for (const other of ['复购', '售后', '投诉安抚', '价格咨询', '尺码咨询', '库存咨询']) scores.delete(other);
    scores.set('商品推荐', Math.max(4, ...scores.values()) + 0.5);
  }
  // "这次想换个真皮的 一千五以内吧 有吗": another kind wanted, not an exchange of something bought.
  // "钱包用烂了 想换个短款的": worn out, a new one wanted.
  const wornOut = /(?:用|穿|戴|背)(?:烂|坏|破|旧)了|(?:用|穿|戴|背)了(?:好|很)?多年|(?:用|穿|戴|背)得(?:不行|太旧)了/u.test(clause);
  // "算了跟太高 换成平底的吧": another kind asked for instead of the one shown.
  // "敏感肌 想换个面霜 三百以内": a new one of a kind, with a budget, is a request.
  const instead = needs.category !== undefined && (/换成[^，。\s]{1,6}的/u.test(clause) || (/换(?:个|一个|一款|一瓶|瓶|款)/u.test(clause) && needs.budget !== undefined));
  if (scores.has('售后') && (/换个[^，。\s]{1,4}的|换个新的|换一个新的/u.test(clause) || instead) && (needs.budget !== undefined || wornOut || instead || /有吗|有没有/u.test(clause)) && !/买的|收到|退/u.test(clause)) {
    scores.delete('售后');
    scores.set('商品推荐', Math.max(3.5, ...scores.values()) + 0.5);
  }
  settleReasonsGiven(scores, clause, needs);
  // "一千五以内吧 有吗", "预算500左右": a budget stated asks no price.
  if (scores.has('价格咨询') && needs.budget !== undefined && !/多少钱|价格|价钱|什么价|几块钱|贵吗|贵不贵|怎么卖|多钱/u.test(clause)) {
    const weight = scores.get('价格咨询') ?? 1;
    scores.delete('价格咨询');
    // "五百以内的有吗", "三四百 送点啥好": products in that budget are what is asked for.
    if (/有吗|有没有|有不|推荐|啥好|什么好|送点|送什么|送啥|看看/u.test(clause) || scores.size === 0) {
      scores.delete('议价');
      scores.delete('优惠活动');
      scores.set('商品推荐', Math.max(weight, ...scores.values()) + 0.1);
    }
  }
  // "她戴金的过敏": an allergy described, not a reaction to something bought.
  if (scores.has('投诉安抚') && HABIT.test(clause) && !/买的|收到|上次/u.test(clause)) scores.delete('投诉安抚');
  const best = [...scores].sort((a, b) => b[1] - a[1]);
  const top = best[0];
  // "你们家是正品吗": a question no cue knows is still a question; the FAQ may answer it.
  if (!top) return question && clause.length >= 4 ? [{ intent: OTHER_QUESTION, clause, question, score: 0.5 }] : [];
  // "月牙腋下包有几个颜色多少钱": two asks about it in one breath, answered in the order asked.
  const price = /多少钱|什么价|几块钱|价格多少|多钱/u.exec(clause);
  const stock = STOCK_ASK.exec(clause);
  if (price && stock && scores.has('价格咨询')) {
    const other = { intent: needs.size !== undefined && !/色/u.test(stock[0]) ? '尺码咨询' : '库存咨询', clause, question, score: top[1] };
    const asked = { intent: '价格咨询', clause, question, score: top[1] };
    return stock.index < price.index ? [other, asked] : [asked, other];
  }
  // "礼盒 里面都有啥 多少钱": what it holds and what it costs, in the order asked.
  if (price && top[0] === '规格' && scores.has('价格咨询')) {
    const holds = { intent: '规格', clause, question, score: top[1] };
    const asked = { intent: '价格咨询', clause, question, score: top[1] };
    return clause.indexOf(price[0]) < clause.search(/里面|包含|都有哪些/u) ? [asked, holds] : [holds, asked];
  }
  // "卡其M码 多少钱": the size and colour say which one; the price is what is asked.
  if (price && scores.has('价格咨询') && top[0] !== '价格咨询') return [{ intent: '价格咨询', clause, question, score: top[1] + 0.1 }];
  // A clause may ask two things about a product ("有M码吗多少钱"); other asks come one per clause.
  const second = best[1];
  // "给老公买羊绒毛衣，他175 140斤，穿啥码": products, then the size for them.
  const sizeToo = top[0] === '商品推荐' && /穿啥码|什么码|几码|多大码|哪个码|选多大|穿多大/u.test(clause) && scores.has('尺码咨询');
  if (sizeToo) return [{ intent: top[0], clause, question, score: top[1] }, { intent: '尺码咨询', clause, question, score: scores.get('尺码咨询') ?? 1 }];
  const both = second !== undefined && ((second[1] >= top[1] * 0.8 && PRODUCT_ASKS.has(top[0]) && PRODUCT_ASKS.has(second[0])) || (fullRequest && second[0] === '礼盒包装'));
  return (both ? [top, second] : [top]).map(([intent, score]) => ({ intent, clause, question, score }));
}
