/** The FAQ answer for an ask, searched within the topics that answer it so a word in common is not enough. */
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import { toQuery } from '../knowledge/bm25-index.ts';
import type { Faq } from '../knowledge/schemas.ts';
import { tokenize } from '../knowledge/segment.ts';

export const INTENT_TOPICS: Record<string, Faq['topic'][]> = {
  售后: ['退换货', '维修', '保养'],
  投诉安抚: ['退换货', '配送', '维修'],
  // A defect told without asking for a repair: the exchange terms, not the repair menu.
  质量投诉: ['退换货'],
  物流: ['配送'],
  会员积分: ['会员', '积分'],
  优惠活动: ['会员'],
  议价: ['会员'],
  发票: ['支付'],
  支付: ['支付'],
  私人转账: ['支付'],
  调货: ['配送', '门店'],
  试用: ['门店', '会员'],
  促成下单: ['支付', '门店'],
  营业时间: ['门店'],
  门店地址: ['门店'],
  预约到店: ['门店'],
  库存咨询: ['门店', '配送'],
  材质咨询: ['保养'],
  价保: ['退换货'],
  礼盒包装: ['门店'],
};

/** Words that name the ask in the FAQ's own terms, for short questions ("店在哪") that share few words with it. */
const HINTS: Record<string, string> = { 礼盒包装: '可以包装成礼物吗 礼盒 包装 贺卡 刻字', 试用: '可以试用吗 试用台', 营业时间: '门店 几点 营业', 门店地址: '门店 在哪里 地址', 发票: '开发票 发票', 会员积分: '会员 积分' };
const SUB_HINTS: [string, RegExp, string, number?][] = [
  ['物流', /香港|澳门|台湾|国外|海外|外国/u, '港澳台及海外地区暂不支持配送', 2],
  ['物流', /自提|到店取|店里拿|门店拿|店里取|门店取|店里自己拿|去店里拿|到店拿|店里自取/u, '可以门店自提吗', 2],
  ['物流', /加急|急用|急着|快点|早点|尽快|赶紧/u, '下单后多久能到 16:00前付款当天发出 次日送达', 2],
  ['物流', /几天|多久|什么时候到|哪天到|能到/u, '下单后多久能到 送达'],
  ['物流', /发货了吗|发了吗|发货没|什么时候发|啥时候发|几时发|还没发|能发货|能发吗|能发不|(?:今天|明天|当天)(?:就)?(?:能|可以)?发|几点发/u, '下单后多久能到 当天发出 次日发出'],
  ['物流', /包邮|运费/u, '多少钱包邮'],
  // "能在那之前寄到上海家里吗": whether it arrives in time, not where it may be sent.
  ['物流', /(?:之前|以前|前)[^，。]{0,3}(?:寄到|送到|到)|来得及|赶得上|赶得及/u, '下单后多久能到 当天发出 次日送达', 2],
  ['物流', /(?:寄|送|邮|发)(?:到|去)(?!.{0,3}地址)/u, '可以寄到公司吗 收货地址', 1.5],
  ['物流', /地址/u, '下单后还能改地址吗'],
  ['物流', /没更新|没收到|丢|还没到/u, '快递好几天没更新了怎么办'],
  ['物流', /几天|多久|什么时候到|哪天到|能到/u, '下单后多久能到 送达'],
  ['会员积分', /好处|权益|福利|有啥用|有什么用|折扣/u, '会员有折扣吗 金卡 95折 权益', 1.5],
  ['会员积分', /注册|入会|办会员|成为会员|办卡|办个会员/u, '怎么注册会员 扫码 会员小程序 二维码', 2],
  // ("我是金卡 积分能抵钱不": what the points are worth, not the tiers, whoever is asking.)
  ['会员积分', /换东西|兑换|抵扣|抵钱|抵多少|能抵|能换|换点|换算|抵现|当钱(?:花|用)|能花/u, '积分 兑换 抵扣 100积分抵1元'],
  ['会员积分', /等级|升级|黑金|金卡|银卡/u, '会员 等级 银卡 金卡 黑金 累计 消费'],
  ['会员积分', /小样|新客|首单|新人|送东西|有送|送啥|送什么/u, '新客 首单 赠送 小样'],
  ['会员积分', /(?:怎么|咋|哪里|在哪)查|查.{0,2}积分|积分.{0,3}查/u, '积分 查询 会员小程序 手机号', 1.5],
  ['会员积分', /期限|过期|有效期|到期|清零/u, '积分 有效期 过期 清零', 1.5],
  // "送的小样也要寄回去吗": what a return does to gifts and points.
  ['售后', /积分|赠品|小样/u, '退货时赠品和积分怎么处理 一并退回 扣回', 2],
  // "没有我要的码怎么办" beside an exchange: the store finds the size, not a wrong-item remedy.
  ['售后', /没有?(?:我要的|合适的|我的)?(?:尺码|码|号)(?:怎么办|咋办|呢)/u, '没有合适尺码 调货 门店有货可以当场换', 2],
  // "网上买的毛衣 可以到静安店换个码吗": an online order exchanged in a store.
  ['售后', /(?:网上|线上|小程序|网店)[^。]{0,12}(?:店|门店)[^，。]{0,4}(?:换|退)|(?:到|去|在)[^，。\s]{0,4}店[^，。]{0,3}(?:换|退)/u, '线上订单 门店办理退换 门店有货可以当场换', 1.5],
  ['售后', /换(?:大|小)?一?(?:码|号)|换个(?:码|尺码|号)|换[smlx]|换成|能换/iu, '买了不合适 可以退吗 七天 无理由 退换', 1.2],
  ['售后', /改|裤长|裤脚|收腰|能收/u, '裤装 免费 修改裤长 改衣'],
  ['售后', /发黑|氧化|抛光|清洗|保养|护理/u, '免费清洗 抛光 保养 护理', 1.5],
  // "要是穿几回开线了 能给换不": the quality terms, asked before anything happened.
  ['售后', /(?:要是|如果|万一|假如)[^。？?]{0,12}(?:开线|脱线|起球|掉色|褪色|脱胶|开胶|坏了|破了|断了|掉跟)/u, '签收30天内 质量问题30天包换 开线 脱胶', 2],
  ['售后', /修|坏了|断了/u, '维修 寄修 报价'],
  // "能退现金给我吗": the money goes back the way it was paid.
  ['售后', /退现金|现金退|退到(?:别的|其他|另一张)|换(?:个|张)卡退/u, '退款多久到账 原路退回', 2],
  ['售后', /钱.{0,6}(?:回来|到账|退回|退给)|退款.{0,4}(?:多久|什么时候|啥时候|几天)|(?:多久|什么时候|啥时候|几天)[^，。]{0,3}(?:能|可以)?(?:退款|退钱|到账)/u, '退款多久到账 原路退回', 1.5],
  ['售后', /(?:寄|邮|退)(?:回|到|去)?(?:哪|什么地方)|(?:寄回|退货|退回)[^，。]{0,4}地址/u, '退货寄到哪个地址 寄回地址', 2],
  // "吊牌在 前天到的 怎么寄回去": how a return is sent, which starts with the order number.
  ['售后', /(?:怎么|咋|如何)(?:寄|邮)(?:回去|回来|过去|给你们)?(?![^，。]{0,4}(?:运费|邮费))/u, '退货寄到哪个地址 订单号 登记退货', 2],
  ['售后', /运费|邮费|寄回/u, '退货的运费谁出', 1.5],
  ['售后', /内衣|内裤|袜子|睡衣|文胸|家居服|贴身/u, '哪些商品不支持无理由退换 贴身衣物 拆封', 1.5],
  // "退吧 咋弄": how a return is made.
  ['售后', /(?:怎么|咋|如何)(?:退|弄|办|操作)|退吧/u, '退货寄到哪个地址 订单号 登记退货', 2],
  ['售后', /^.{0,10}(?:退货|退掉|想退|能退)/u, '买了不合适 可以退吗'],
];

function hintFor(intent: string, text: string): { words: string; weight: number } | undefined {
  const sub = SUB_HINTS.find(([i, pattern]) => i === intent && pattern.test(text));
  if (sub) return { words: sub[2], weight: sub[3] ?? (intent === '售后' ? 0.6 : 1.2) };
  const words = HINTS[intent];
  return words ? { words, weight: 1.5 } : undefined;
}

/** `lead`: words in the FAQ's own terms that say what the answer is about, weighed above the customer's words. */
export function findFaqs(kb: KnowledgeBase, intent: string, text: string, n = 2, lead?: string): Faq[] {
  const topics = INTENT_TOPICS[intent];
  if (!topics) return [];
  const query = toQuery(tokenize(text));
  const hint = hintFor(intent, text);
  if (hint) toQuery(tokenize(hint.words), hint.weight, query);
  if (lead) toQuery(tokenize(lead), 1.3, query);
  return kb.faqIndex
    .search(query, 40)
    .map((hit) => kb.faqs[hit.doc])
    .filter((faq): faq is Faq => faq !== undefined && topics.includes(faq.topic))
    .slice(0, n);
}

/**
 * An ask no intent covers ("你们是正品吗", "支持分期吗"): the FAQ whose question and keywords share at least
 * two words with it, best BM25 match first; none when the overlap is thinner (a guess is worse than nothing).
 */
export function findAnyFaq(kb: KnowledgeBase, text: string): Faq | undefined {
  const words = new Set(tokenize(text).filter((w) => w.length >= 2));
  if (words.size === 0) return undefined;
  for (const hit of kb.faqIndex.search(toQuery(tokenize(text)), 5)) {
    const faq = kb.faqs[hit.doc];
    if (!faq) continue;
    const own = new Set(tokenize(`${faq.question} ${(faq.keywords ?? []).join(' ')}`));
    const shared = [...words].filter((w) => own.has(w) && !/^(你们|可以|我们|一下|请问|这个|那个|什么|怎么)$/u.test(w));
    // One shared word is enough when it is one of the FAQ's curated keywords ("正品").
    const keyword = shared.some((w) => (faq.keywords ?? []).includes(w));
    if (shared.length >= 2 || keyword || (shared.length === 1 && (shared[0]?.length ?? 0) >= 3)) return faq;
  }
  return undefined;
}
