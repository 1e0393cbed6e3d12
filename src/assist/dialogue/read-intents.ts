/**
 * The intents of the newest customer message, clause by clause, in the order asked ("S码。另外你们门店几点
 * 关门" → the size, then the hours). The newest message comes before anything asked earlier.
 * Builds on the script library's intent cues and adds the asks that have no script of their own
 * (发票, 功效, 议价, 营业时间/地址), which a draft must still answer rather than pattern-match away.
 */
import { detectIntent } from '../offline/detect-intent.ts';
import type { IntentHit } from './dialogue-state.ts';
import { QUESTION } from './looks-like-question.ts';
import { readsAsComplaint } from './read-complaint.ts';

/** Asking for a bigger or a smaller pack of the product in view ("有大瓶的吗"). */
export const OTHER_PACK = /大瓶|大容量|大支|大罐|大包装|大份|大一点的(?:瓶|装|罐)|大号的?(?:瓶|装)|小瓶|小支|小容量|小包装|旅行装|便携装|迷你装|小样装|mini/iu;

/** "有没有酒精", "含香精吗": an ingredient asked about by name. */
export const INGREDIENT_ASK = /(?:含|有没有|有|加了?|添加)(?:酒精|乙醇|香精|防腐剂|激素|荧光剂|矿物油|香料|色素|羊毛脂|酸)|(?:酒精|香精|防腐剂|激素|荧光剂)(?:吗|不|多不多|大不大)|成分(?:表|是|有|安全)?/u;

const EXTRA: [string, RegExp, number][] = [
  // Health questions a guide must not answer with a product claim: treating a condition, pregnancy.
  ['健康', /能治|治疗|治好|治得|湿疹|皮炎|皮肤病|痤疮|孕妇|孕期|怀孕|哺乳|备孕|医美|术后/u, 4],
  // A review bought with money or gifts: refused, politely.
  ['刷评', /好评.{0,10}(?:返|红包|钱|现|优惠|送)|(?:返|红包|钱|现).{0,8}好评|刷单|刷好评|改.{0,3}好评|删差评|撤差评/u, 5],
  ['自我介绍', /你是哪位|你是谁|你哪位|哪位呀|您是哪位|你是哪个店|你是干什么的|你是干嘛的|怎么有我微信/u, 4],
  ['会员资料', /改.{0,4}(?:电话|手机号?|号码|生日|地址信息|会员信息)|(?:电话|手机号?|号码|生日).{0,6}(?:改|换了|变了|更新)/u, 3.5],
  ['夸奖', /(?:都|也)(?:说|夸)(?:很|挺|特别)?(?:好看|好用|漂亮|显瘦|合适)|很喜欢|特别喜欢|超喜欢|好喜欢|穿着很舒服|用着很舒服|很满意|谢谢你的推荐|谢谢推荐|推荐得(?:很|太)?好|眼光(?:真|很)好/u, 3],
  ['价保', /降价|差价|保价|价保|便宜了.{0,6}(?:退|补)/u, 3.5],
  ['发票', /发票|开票|抬头|税号|专票|普票/u, 3],
  ['功效咨询', /见效|有效果吗|有没有效果|效果怎么样|管用吗|有用吗|有效吗|保证(?!.{0,6}(?:到|送达|发货|正品))|真的能.{0,4}(?:白|斑|痘|皱)/u, 2.5],
  ['议价', /(?:能|可以|再)送(?:个|一个|我|点)|有赠品|送赠品|赠品吗|送点什么/u, 3],
  ['优惠活动', /能便宜多少|便宜多少|优惠多少|能省多少|打几折|有折扣吗|有优惠吗|满\d+减\d*|满[一二三四五六七八九十百千两]+减|满减|参加.{0,4}(?:活动|满减|优惠)|能用券|有券/u, 3],
  // "1680太贵了 1200卖我吧": a price of their own offered.
  ['议价', /(?<!换|穿)(?:\d{3,5}|[一二两三四五六七八九十]+[百千][一二两三四五六七八九十百千]*)\s*(?:块|元)?\s*(?:卖我|卖给我|给我吧|出给我|行不行|行吗)|太贵了.{0,8}(?:卖|给我|少点)/u, 3.5],
  ['议价', /便宜(?:点|些|一点|两百|一百|\d+)(?!的)|少点|抹零|再优惠|能不能便宜|打个?[一二三四五六七八九\d]折|[一二三四五六七八九\d]折(?:吗|行吗|可以吗)|最低(?:多少|价)|砍价/u, 2.5],
  ['营业时间', /几点(?:关门|开门|营业|下班)|营业时间|开到几点|开到(?:十|\d)|几点到几点|关门|周末开|节假日.{0,4}开/u, 3],
  ['门店地址', /(?:店|门店|你们)(?:的)?(?:在哪|地址)|店在哪|怎么走|哪个商场|几楼|停车/u, 2],
  ['隐私', /(?:别的|其他|另一个|那个|刚才).{0,12}(?:顾客|客人|女的|男的|人|小姐姐).{0,14}(?:电话|手机|微信|地址|买了什么|联系方式)|(?:顾客|客人).{0,6}(?:电话|手机号|微信)/u, 4],
  ['调货', /调货|调过来|调一(?:件|个|双)|从.{1,6}调|别的店(?:有|调)/u, 3],
  ['物流', /(?:寄|送|邮|发)(?:到|去)(?:酒店|公司|单位|学校|老家|外地|国外|香港|澳门|台湾|北京|上海|广州|深圳|[\u4e00-\u9fa5]{2,3}(?:市|省|区|县))|自提|网上下单.{0,8}(?:店里|门店)|线上下单.{0,8}(?:店里|门店)|下单.{0,6}(?:去|到)(?:店里|门店)(?:拿|取)|到哪了|到哪里了|订单.{0,4}(?:到哪|进度|状态)|查.{0,3}订单|物流信息|多久能到|几天能到|几天到|多久到|啥时候(?:发|到|能到)|寄.{0,8}(?:几天|多久)|什么时候到|什么时候发|(?:今天|明天|当天|马上)(?:就)?(?:能|可以)?发(?:货|出)?(?:吗|不|没)|能发吗|几点发|发货|包邮|运费|改地址|地址(?:写错|填错)|填错地址|写错地址|快递/u, 2.5],
  ['售后', /退掉|想退|要退|退了吧|买大了|买小了|能换|可以换|换成|想换|要换|换一(?:件|个|双|条)|买错|换(?:小|大)一码|换个码|能退|可以退|退货|能修|可以修|修一下|维修|帮我改|帮忙改|能改|可以改|改一下|改裤|改短|改长|修改裤/u, 3],
  // "银手链发黑了 可以拿去店里弄一下吗": care the store gives, an after-sales service.
  ['售后', /(?:拿|带|送)(?:去|到|来)?(?:店里|门店).{0,6}(?:弄|清洗|保养|处理|抛光|护理)|发黑|氧化了|抛光|清洗一下|免费清洗|保养一下/u, 3.5],
  // "能包起来吗", "能刻名字缩写吗": wrapping and engraving, the store's service.
  ['礼盒包装', /包装(?:吗|一下|成|好)|包起来|包一下|包个?(?:礼盒|盒子)|(?:配|带|送|给|要)个?礼盒(?:吗|不|没|吧)|礼品袋|装个?(?:礼盒|盒子)(?:吗|不)|贺卡|刻字|刻名字|刻.{0,6}缩写|能刻|压印/u, 4],
  ['私人转账', /转给你|转到你|转账|个人账户|加我.{0,3}支付宝|微信转|私下/u, 3.5],
  ['会员积分', /会员.{0,6}(?:生日|礼物|福利|权益|等级|折扣)|积分|\bpoints?\b|生日(?:礼(?!物)|月|有礼物吗|有什么福利|优惠|福利|折扣)|生日.{0,6}(?:福利|优惠|有礼)|过生日有|小样|新客|首单|黑金|金卡|银卡|等级/u, 3],
  ['支付', /刷.{0,3}卡|医保|分期|付款方式|怎么付|怎么支付|支付宝|微信支付|花呗|信用卡|刷卡|云闪付|能付/u, 3],
  ['考虑', /考虑一下|再想想|考虑考虑|我再看看|想一想|回头再说|下次再说|先不买/u, 3],
  ['复购', /再来[一两二三几](?:瓶|件|个|支|盒|双|条|套)|用完了.{0,6}(?:再|还要|想买)|回购|再买一(?:瓶|件|个|支|盒|双|条)|还要一(?:瓶|支|盒)/u, 3.5],
  ['试用', /试用|试一下|试香|能试吗|可以试|先试|(?:去|来|到)(?:店里|门店|店)试|(?<![面考尝])试(?:穿|戴)|(?<![面考尝])能试/u, 3],
  ['用法', /(?:和|跟).{1,10}(?:一起用|一起搭配用|搭配着用|同时用)|先用哪个|用的顺序|怎么搭配着用/u, 3.5],
  // "男生用会不会太秀气", "我妈六十几岁穿好看吗": whether it suits a person, not how it looks in general.
  ['适合谁', /(?:男的|男生|男士|男人|老公|男朋友|女朋友|老婆|闺蜜|爸爸|老爸|老豆|我爸|我妈|俺妈|俺爸|婆婆|公公|女的|女生|女士|妈妈|姆妈|老人|长辈|年轻人|小姑娘|阿姨|叔叔|\d+岁|[一二三四五六七八九十]+几?岁)[^，。？?]{0,8}(?:行吗|行不行|可以吗|合适吗|合不合适|适合吗|适不适合|会不会太|好看吗|能用吗|能穿吗|能戴吗|好不好)/u, 4],
  ['上身效果', /显胖|显瘦|显白|显黑|显老|显年轻|显气色|好看吗|上身效果|会不会显|衬肤色/u, 3],
  ['尺码标准', /尺码准|码数准|尺码标准|标准码吗|正码吗|偏大还是偏小|偏不偏码|偏码吗/u, 3],
  ['补货', /补货|到货通知|什么时候有货|还会有吗|会再上吗/u, 3],
  ['新品推荐', /新款|上新|新到|新品|新货/u, 2.5],
  ['比较', /哪个更|哪款更|哪个比较好|哪款比较好|有什么区别|区别是什么|区别大吗|有啥区别|差别在哪|哪个好一?点|哪款好一?点/u, 3.5],
  ['颜色建议', /(?:皮肤|肤色|肤质).{0,8}(?:选哪|挑哪|哪个好)|(?:选哪|挑哪).{0,8}(?:皮肤|肤色)|颜色选哪|选哪个颜色|哪个颜色(?:好|适合|显|衬)|什么颜色(?:好|适合|显|衬)|哪种颜色(?:好|适合|显|衬)|哪个色(?:好|适合|显)/u, 4],
  ['库存咨询', /啥色|啥颜色|几个颜色|几个色|几种色|几色|什么色|什么颜色|哪些颜色|哪几个色|有几种颜色|颜色有|别的颜色|其他颜色|别的色|其他色|还有什么色/u, 2.5],
  ['尺码咨询', /(?:戴|手指|圈口|指围)\D{0,3}\d{1,2}\s*号|几号的|有几号|什么号|有几个码|有哪些码|有几个尺码|尺码有哪些/u, 2.5],
  ['洗护', /(?:可以|能|怎么|能不能|可不可以)(?:机洗|水洗|急洗|手洗|干洗|洗)|(?:能|可以)[^，。]{0,5}(?:洗衣机|机洗|水洗)|怎么(?:保养|打理)|洗了会|(?:能|可以)刷吗|怎么(?:弄|洗|刷|擦)干净|(?:淋雨|淋了雨|淋湿|弄湿|沾水|进水|水印|水渍|弄脏|脏了|湿了).{0,8}(?:怎么办|咋办|咋整|怎么弄|怎么处理|能处理)/u, 3.5],
  ['材质咨询', /是.{1,4}还是.{1,4}(?:绒|皮|棉|丝|毛|麻)|什么绒|鸭绒|鹅绒|含绒量|充绒量|扎不扎|扎人|刺挠|痒不痒|软不软|厚不厚|薄不薄|留香|持久吗|香味|什么味|太香|香不香|浓不浓|会不会太(?:浓|香|冲|闷|厚)|味道大不大|跟多高|多高的跟|跟高|多长|多厚|多重|几毫升|多少ml|多大容量|适合.{1,6}(?:吗|不)|适不适合|合不合适|能不能用|可以用吗|能用吗|能不能装|装得下|装不装得下|能装下|能放下|尺寸多大|多大尺寸|容量|是真的[^吗呢]{1,4}吗|是不是真|正品吗|是正品|是纯|含量|什么材质|什么面料|什么料子|羊皮还是牛皮|会不会(?:透|起球|掉色|缩水|皱)/u, 2.5],
  // "有大瓶的吗": the same product in another pack.
  ['规格', OTHER_PACK, 3.5],
  // "里面有没有酒精": what it is made of, not whether it is in stock.
  ['材质咨询', INGREDIENT_ASK, 4],
  ['投诉安抚', /过敏|红疹|起疹|刺痛|烂脸|发痒|长痘了|闷痘|起红|泛红了|开线|起球了|掉色了|坏了|破了|发错|少发|漏发|寄错|发黄|脱线|勾丝|跟就掉|底就掉|扣子掉|抽丝|色差|破洞|掉毛|掉皮|脱皮|发霉|生锈|假货|不是正品|磨脚|刺鼻|垃圾|骗子|差劲|气死|质量(?:太差|问题|不行)|态度.{0,2}(?:差|不好)|投诉|差评|要个说法|太失望/u, 3],
];

/** Asking which colours or sizes there are, or whether one is there (not stating one: "卡其M码"). */
const STOCK_ASK = /几个颜色|几种颜色|几个色|几色|什么颜色|哪些颜色|啥色|有几个码|哪些码|什么码|几个码|有没有[^，。？?]{0,6}(?:码|色|的)|有[^，。？?]{0,6}(?:码|色)(?:吗|不|没)/u;

/** "上次买风衣那个": a kind named as what was bought before says who is writing, not what is wanted. */
const PAST_PURCHASE = /(?:上次|之前|以前|前阵子|前几天|上个月|上周|去年)[^，。？?]{0,4}(?:买|入|拿)/u;

const COLOUR_WORD = /黑|白|灰|红|粉|蓝|绿|驼|米色|卡其|杏色|棕|咖啡|紫|黄色|藏青|香槟|燕麦/gu;

/** A question no cue recognises, answered from the FAQ when one matches it. */
export const OTHER_QUESTION = '其他问题';

/** Asks about one product's facts: two of them may share a clause, and they can be answered for a product of the kind asked about. */
export const PRODUCT_ASKS: ReadonlySet<string> = new Set(['尺码咨询', '价格咨询', '库存咨询', '材质咨询', '洗护', '规格']);

const SPLIT = /(?<=[。！？!?；;\n，,])(?=.{4,})|(?<=吗)(?![？?！!，,。吗])(?=.{4,})|(?=另外|还有[，,]|还有(?=你们|就是|个问题|一个问题|想问)|顺便|对了|然后想问|再问一下|我就想问|想问一下)/u;

function clauses(text: string): string[] {
  return text
    .split(SPLIT)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

/** Reads what a clause states (size, colour, budget ...) so a bare "有XXL吗" still asks something. */
export type ClauseNeeds = (clause: string) => { size?: unknown; colour?: unknown; budget?: unknown; category?: unknown; body?: unknown; recipient?: unknown; skinType?: unknown; occasion?: unknown };

function clauseIntents(clause: string, needsOf: ClauseNeeds | undefined): IntentHit[] {
  const scores = detectIntent(clause);
  const question = QUESTION.test(clause);
  const needs = needsOf?.(clause) ?? {};
  // The product's own words must not decide ("羊毛呢大衣有XXL吗" asks a size, not about wool), so a
  // stated size or colour weighs more than a material cue.
  for (const [intent, pattern, weight] of EXTRA) if (pattern.test(clause)) scores.set(intent, (scores.get(intent) ?? 0) + weight);
  if (needs.size !== undefined || needs.body !== undefined) scores.set('尺码咨询', (scores.get('尺码咨询') ?? 0) + (question ? 2 : 1.5));
  if (needs.colour !== undefined && question) scores.set('库存咨询', (scores.get('库存咨询') ?? 0) + 1.5);
  // A kind of product with a budget, an occasion or a recipient is a request for products, whatever
  // material or greeting words come with it ("不超过两千的真丝连衣裙", "早上好 想看看大衣").
  const wants = needs.category !== undefined && (needs.budget !== undefined || needs.recipient !== undefined || needs.occasion !== undefined || /想看|看看|想买|想要|推荐(?!来|过来)|有没有|有吗|有哪些|要(?:一|件|条|双|个|款|顶|只)|整(?:一|件|条|双|个)/u.test(clause));
  const states = needs.budget !== undefined || needs.category !== undefined || needs.recipient !== undefined || needs.skinType !== undefined || needs.occasion !== undefined;
  // "能把衣服寄到酒店吗 我在三亚度假": an ask about sending it is that ask, whatever the trip suggests.
  const sending = scores.has('物流') && !/想看|看看|想买|想要|推荐|有没有|有吗|有哪些/u.test(clause);
  if (wants && !sending && !(scores.has('投诉安抚') && readsAsComplaint(clause)) && !['售后', '会员积分', '隐私', '调货', '新品推荐', '复购', '试用', '尺码标准', '补货'].some((i) => scores.has(i))) {
    scores.set('商品推荐', Math.max(2, ...scores.values()) + 0.5);
    // "有没有能机洗的衬衫": the washing is what the shirt must do, not a care question.
    scores.delete('材质咨询');
    scores.delete('洗护');
  } else if (scores.size === 0 && states && !PAST_PURCHASE.test(clause)) scores.set('商品推荐', 1);
  if (scores.has('会员积分')) scores.delete('送礼推荐');
  // "积分能换点啥": points redeemed, not an exchange.
  if (scores.has('会员积分') && /积分/u.test(clause)) scores.delete('售后');
  // 营业时间/门店地址 are what 预约到店 cues pick up too; keep the precise one.
  if (scores.has('营业时间') || scores.has('门店地址')) scores.delete('预约到店');
  if (scores.has('发票')) scores.delete('售后');
  if (scores.has('礼盒包装')) for (const other of ['送礼推荐', '商品推荐', '搭配建议', '材质咨询']) scores.delete(other);
  if (scores.has('售后') && /清洗|保养|抛光|发黑|弄一下|护理/u.test(clause)) for (const other of ['试用', '预约到店', '洗护']) scores.delete(other);
  if (scores.has('健康')) for (const other of ['功效咨询', '材质咨询', '商品推荐', '肤质推荐']) scores.delete(other);
  if (scores.has('刷评')) for (const other of scores.keys()) if (other !== '刷评') scores.delete(other);
  if (scores.has('会员资料')) for (const other of ['售后', '物流', '会员积分']) scores.delete(other);
  // "上次推荐的大衣同事都说好看": thanks and praise, unless something is asked too.
  if (scores.has('夸奖') && question && scores.size > 1) scores.delete('夸奖');
  if (scores.has('夸奖')) for (const other of ['商品推荐', '上身效果', '告别', '搭配建议', '材质咨询']) scores.delete(other);
  if (scores.has('价保')) for (const other of ['售后', '优惠活动', '价格咨询', '议价']) scores.delete(other);
  // "网上下单然后去店里拿": picking up an order, not a visit.
  if (scores.has('物流') && /自提|店里拿|门店拿|店里取|门店取/u.test(clause)) scores.delete('预约到店');
  // "退了钱多久到": the refund's time, not a parcel's.
  if (scores.has('物流') && /退款|退了?钱|退的钱|钱.{0,3}(?:多久|几天|什么时候)|到账/u.test(clause)) {
    scores.delete('物流');
    scores.set('售后', Math.max(3, scores.get('售后') ?? 0));
  }
  // "七天无理由退的话 运费谁出": the return's postage, not the parcel's.
  if (scores.has('物流') && /退|换/u.test(clause) && /运费|邮费|寄回/u.test(clause)) {
    scores.delete('物流');
    scores.set('售后', Math.max(3, scores.get('售后') ?? 0));
  }
  // "金卡95折能和满减一起用吗": how two offers combine.
  if (/叠加|一起用|同时用|一起享|能一起|还能用|也能用|还可以用/u.test(clause) && /折|减|券|优惠/u.test(clause)) {
    scores.delete('会员积分');
    scores.set('优惠活动', Math.max(3.5, scores.get('优惠活动') ?? 0));
  }
  // "新品能参加满减吗": whether an offer covers new arrivals, not a look at them.
  if (scores.has('新品推荐') && /满.{0,6}减|满减|(?:能|可以|也)减|折扣|打折|优惠|活动|参加|95折|会员价/u.test(clause)) {
    scores.delete('新品推荐');
    scores.set('优惠活动', Math.max(3, scores.get('优惠活动') ?? 0));
  }
  // "金卡能打95折吗": the member offer asked about, not a discount begged.
  if (/95折|九五折/u.test(clause) && scores.has('议价')) {
    scores.delete('议价');
    scores.set('优惠活动', Math.max(3, scores.get('优惠活动') ?? 0));
  }
  if (scores.has('功效咨询')) scores.delete('优惠活动');
  if (scores.has('议价')) scores.delete('优惠活动');
  // "静安店地址发我" is the store's address; "改地址" the parcel's.
  if (scores.has('门店地址') && /店/u.test(clause) && !/改地址|收货地址|填错|写错/u.test(clause)) scores.delete('物流');
  if (scores.has('物流')) for (const other of ['门店地址', '功效咨询', '价格咨询']) scores.delete(other);
  if (scores.has('私人转账')) scores.delete('促成下单');
  // "便宜的那个呢" picks a product; it does not ask for a discount.
  if (/便宜(?:一点|些)?的那|贵(?:一点|些)?的那/u.test(clause)) for (const other of ['优惠活动', '议价', '价格咨询']) scores.delete(other);
  // "95折能和满减一起用吗" combines offers, not products.
  if (scores.has('用法') && /折|减|优惠|券|活动|积分/u.test(clause)) scores.delete('用法');
  if (scores.has('用法')) for (const other of ['优惠活动', '议价']) scores.delete(other);
  // "黑色和酒红选哪个": two colours and a choice asked for is an opinion, not a stock check.
  if ((clause.match(COLOUR_WORD) ?? []).length >= 2 && /选哪|挑哪|哪个|哪种|还是|哪一?个/u.test(clause)) scores.set('颜色建议', 4.5);
  if (scores.has('颜色建议')) for (const other of ['库存咨询', '上身效果', '搭配建议', '促成下单', '商品推荐', '比较']) scores.delete(other);
  if (scores.has('比较')) for (const other of ['材质咨询', '促成下单', '商品推荐', '价格咨询']) scores.delete(other);
  // "她油皮能用吗": the skin decides, not the person.
  if (scores.has('适合谁') && needs.skinType !== undefined) scores.delete('适合谁');
  if (scores.has('适合谁')) for (const other of ['上身效果', '材质咨询', '商品推荐', '送礼推荐', '搭配建议']) scores.delete(other);
  if (scores.has('上身效果')) for (const other of ['库存咨询', '搭配建议']) scores.delete(other);
  if (scores.has('尺码标准')) for (const other of ['尺码咨询', '商品推荐']) scores.delete(other);
  if (scores.has('补货') || INGREDIENT_ASK.test(clause)) scores.delete('库存咨询');
  if (scores.has('考虑')) for (const other of ['促成下单', '告别']) scores.delete(other);
  if (scores.has('支付')) scores.delete('促成下单');
  // "多少钱包邮", "积分能抵多少钱": a price word next to another ask is that ask.
  if (scores.size > 1 && needs.category === undefined && !(/多少钱|什么价|几块钱|多钱/u.test(clause) && (needs.size !== undefined || needs.colour !== undefined || STOCK_ASK.test(clause)))) scores.delete('价格咨询');
  if (scores.has('投诉安抚') && scores.has('售后')) scores.delete('售后');
  // "银手链发黑了 能洗吗": the store's cleaning, not home care.
  if (scores.has('洗护') && scores.has('售后') && /发黑|氧化|抛光/u.test(clause)) scores.delete('洗护');
  if (scores.has('洗护')) for (const other of ['材质咨询', '售后', '商品推荐']) scores.delete(other);
  if (scores.has('试用')) for (const other of ['商品推荐', '会员积分', '材质咨询', '预约到店']) scores.delete(other);
  if (scores.has('隐私')) for (const other of scores.keys()) if (other !== '隐私') scores.delete(other);
  if (scores.has('调货')) for (const other of ['库存咨询', '物流', '尺码咨询']) scores.delete(other);
  // "敏感肌会不会过敏", "会不会起球", "不磨脚的单鞋": a worry or a wish before buying asks about the
  // product; only what the complaint reader calls a complaint is one.
  const worry = /会不会|担心|怕|容易|会.{0,4}吗/u.test(clause) && !/投诉|差评|态度|说法/u.test(clause);
  // "不是质量问题 就是不喜欢": denied, it is no complaint either.
  if (scores.has('投诉安抚') && (worry || /不[^，。]{0,3}的|(?:不是|并非|不算|没有)[^，。]{0,4}(?:质量|问题)/u.test(clause)) && !readsAsComplaint(clause)) {
    scores.delete('投诉安抚');
    if (worry) scores.set('材质咨询', (scores.get('材质咨询') ?? 0) + 2);
  }
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
  // "卡其M码 多少钱": the size and colour say which one; the price is what is asked.
  if (price && scores.has('价格咨询') && top[0] !== '价格咨询') return [{ intent: '价格咨询', clause, question, score: top[1] + 0.1 }];
  // A clause may ask two things about a product ("有M码吗多少钱"); other asks come one per clause.
  const second = best[1];
  // "给老公买羊绒毛衣，他175 140斤，穿啥码": products, then the size for them.
  const sizeToo = top[0] === '商品推荐' && /穿啥码|什么码|几码|多大码|哪个码|选多大|穿多大/u.test(clause) && scores.has('尺码咨询');
  if (sizeToo) return [{ intent: top[0], clause, question, score: top[1] }, { intent: '尺码咨询', clause, question, score: scores.get('尺码咨询') ?? 1 }];
  const both = second !== undefined && second[1] >= top[1] * 0.8 && PRODUCT_ASKS.has(top[0]) && PRODUCT_ASKS.has(second[0]);
  return (both ? [top, second] : [top]).map(([intent, score]) => ({ intent, clause, question, score }));
}

// Voice input and quick typing separate what they ask with spaces: "几多钱 送俾男朋友啱唔啱".
const PAUSE = /(?<=[\u4e00-\u9fffA-Za-z0-9])\s+(?=[\u4e00-\u9fff]{3})/u;

/**
 * A clause's intents, read whole (so each ask keeps its context: "拆封用了一次 能退吗"), plus the questions
 * its space-separated pieces ask that the whole missed, each where it was asked.
 */
function withSpokenAsks(clause: string, needsOf: ClauseNeeds | undefined): IntentHit[] {
  const whole = clauseIntents(clause, needsOf);
  const pieces = clause.split(PAUSE);
  // "…的女的买了什么 电话多少": what the whole refuses, no piece of it asks again.
  if (pieces.length < 2 || whole.some((h) => h.intent === '隐私' || h.intent === '刷评')) return whole;
  // "门店能帮我改吗 多少钱": a bare price beside a service ask is that service's price.
  const service = whole.some((h) => SERVICES.has(h.intent));
  const read = pieces.map((piece) => clauseIntents(piece, needsOf));
  // An ask no single piece carries spans the pieces: it was finished last.
  const at = (intent: string): number => {
    const found = read.findIndex((hits) => hits.some((h) => h.intent === intent));
    return found >= 0 ? found : pieces.length;
  };
  // "我是金卡 能打95折吗": a service named in a piece that asks nothing is who is asking, not an ask.
  const told = (hit: IntentHit): boolean => {
    const piece = pieces[at(hit.intent)] ?? '';
    return hit.intent === '会员积分' && /^我是(?:金卡|银卡|黑金|会员|vip)/iu.test(piece) && read.some((hits) => hits.some((h) => h.question && h.intent !== hit.intent));
  };
  let placed = whole.filter((hit) => !told(hit)).map((hit) => ({ hit, at: at(hit.intent) }));
  // "你们用什么快递 寄去广州要多久": a FAQ ask in two pieces is two questions, each answered.
  const faqAsk = whole.find((h) => ONE_FAQ_EACH.has(h.intent));
  if (faqAsk) {
    // "积分能抵多少钱 会不会过期": a piece no cue knows asks about what the whole is about.
    // "退款多久到" after 退货运费谁出 is the refund's time, as the whole read it.
    const about = (h: IntentHit): boolean => h.intent === faqAsk.intent || ((h.intent === OTHER_QUESTION || h.intent === '价格咨询' || ONE_FAQ_EACH.has(h.intent)) && !whole.some((w) => w.intent === h.intent));
    const asked = read.flatMap((hits, index) => (hits.length === 1 ? hits : []).filter((h) => h.question && about(h)).map((h) => ({ hit: { ...h, intent: faqAsk.intent }, at: index })));
    if (asked.length >= 2) {
      placed = [...placed.filter((p) => p.hit.intent !== faqAsk.intent), ...asked];
      for (const { at: used } of asked) read[used] = [];
    }
  }
  for (const [index, hits] of read.entries()) {
    for (const hit of hits) {
      // "38换39 运费谁出": the exchange's postage, which the whole read as after-sales.
      const postage = hit.intent === '物流' && /运费|邮费|寄回/u.test(pieces[index] ?? '') && whole.some((h) => h.intent === '售后');
      if (hit.question && !RECOMMENDS.has(hit.intent) && hit.intent !== OTHER_QUESTION && !(service && hit.intent === '价格咨询') && !postage && !placed.some((p) => p.hit.intent === hit.intent)) placed.push({ hit, at: index });
    }
  }
  return placed.sort((a, b) => a.at - b.at).map((p) => p.hit);
}

/** Asks about the store's services, whose "多少钱" is the service's price. */
const SERVICES: ReadonlySet<string> = new Set(['售后', '物流', '会员积分', '发票', '支付', '优惠活动', '议价', '调货', '试用', '预约到店', '价保']);

/** Asks the FAQ answers one question at a time: "积分能抵多少钱 会不会过期" is two answers of one intent. */
const ONE_FAQ_EACH: ReadonlySet<string> = new Set(['物流', '会员积分', '售后', '优惠活动', '支付']);

/** A piece that only names a product or a wish is context for the rest, not an ask of its own. */
const RECOMMENDS: ReadonlySet<string> = new Set(['商品推荐', '送礼推荐', '搭配建议', '肤质推荐', '问候', '告别']);

export function readIntents(text: string, needsOf?: ClauseNeeds): IntentHit[] {
  const hits: IntentHit[] = [];
  // "…算了先不纠结这个，我就想问一下能开发票吗": a long message's real ask is the one it flags.
  const all = clauses(text);
  const flagged = all.findIndex((c) => /就想问|想问一下|想问下|请问一下|主要是想问|我就问/u.test(c));
  for (const clause of flagged >= 0 ? all.slice(flagged) : all) {
    for (const hit of withSpokenAsks(clause, needsOf)) {
      // "门店能帮我改吗 多少钱": a bare price after a service ask is that service's price.
      if (hit.intent === '价格咨询' && hit.clause.length <= 6 && SERVICES.has(hits.at(-1)?.intent ?? '')) continue;
      // Each FAQ ask is its own answer ("能抵多少钱 会不会过期"); other intents are answered once.
      const same = hits.findIndex((h) => h.intent === hit.intent && !(ONE_FAQ_EACH.has(hit.intent) && h.clause !== hit.clause && !h.clause.includes(hit.clause) && !hit.clause.includes(h.clause)));
      if (same < 0) hits.push(hit);
      // "我一米六五，一百二十斤，穿什么码": the clause that asks is the one to answer, in the first one's place.
      else if (hit.question && !hits[same]?.question) hits[same] = hit;
    }
  }
  // "积分能抵多少钱？会不会过期": a question no cue knows, right after a FAQ ask, asks about the same thing.
  for (const [index, hit] of hits.entries()) {
    const before = hits[index - 1];
    if (hit.intent === OTHER_QUESTION && before && ONE_FAQ_EACH.has(before.intent) && hit.clause.length <= 12) hits[index] = { ...hit, intent: before.intent };
  }
  // A greeting before a real ask is politeness; 告别 words ("好的") before an ask are too.
  const real = hits.filter((h) => h.intent !== '问候' && h.intent !== '告别');
  // "在吗 问下…" with an ask no cue knows: the greeting is answered too, in case no FAQ covers the ask.
  if (real.length > 0 && real.every((h) => h.intent === OTHER_QUESTION)) return hits;
  // In the order asked: a guide answers "有38码吗 另外能开发票吗" in that order.
  return real.length > 0 ? real : hits;
}
