/**
 * One clause's intent scores settled where cues overlap: the precise ask over the general one it shares
 * words with ("多开点金额" is an inflated invoice, not an invoice; "退了钱多久到" a refund's time, not a
 * parcel's; "静安店地址发我" the store's address, not a delivery one).
 */
import { readsAsComplaint } from './read-complaint.ts';

export function preferPrecise(scores: Map<string, number>, clause: string, question: boolean): void {
  // "积分能换点啥": points redeemed, not an exchange.
  // "来个浅粉的 老婆说我穿粉显年轻": one asked for, whatever it is said to look like.
  if (scores.has('上身效果') && /(?:^|\s)(?:来|整|要)(?:个|件|条|双|一件|一条|一双)[^，。？?]{0,4}的/u.test(clause)) {
    scores.delete('上身效果');
    scores.set('商品推荐', Math.max(3, scores.get('商品推荐') ?? 0));
  }
  // "大衣退了的话 积分会扣掉吗": what a return does to the points is after-sales.
  if (scores.has('会员积分') && /退(?!款)/u.test(clause) && /扣|退回|一起|小样|赠品/u.test(clause)) {
    scores.delete('会员积分');
    scores.set('售后', Math.max(3, scores.get('售后') ?? 0));
  }
  if (scores.has('会员积分') && /积分/u.test(clause)) scores.delete('售后');
  // "当时没我的码 现在有M了没": whether it is in now, not which size fits.
  if (scores.has('尺码咨询') && /有[^，。？?]{0,4}了没|到了没|补(?:货|上)了|到货了/u.test(clause)) {
    scores.delete('尺码咨询');
    scores.set('库存咨询', Math.max(3, scores.get('库存咨询') ?? 0));
  }
  // "开封了能放多久": how long it keeps, not how long a parcel is held.
  if (scores.has('洗护') && /开封|保质期|开盖|开了/u.test(clause)) scores.delete('自提时限');
  // 营业时间/门店地址 are what 预约到店 cues pick up too; keep the precise one.
  if (scores.has('营业时间') || scores.has('门店地址')) scores.delete('预约到店');
  // "你们店里暖和不": the store's warmth is small talk, not a garment's.
  if (scores.has('闲聊')) for (const other of ['材质咨询', '预约到店', '商品推荐']) scores.delete(other);
  if (scores.has('发票')) scores.delete('售后');
  // The precise ask over the general one it shares words with.
  if (scores.has('虚开发票')) for (const other of ['发票', '售后', '议价']) scores.delete(other);
  if (scores.has('积分转赠')) for (const other of ['会员积分', '售后']) scores.delete(other);
  // "帮我留一下 … 你们几点关门": the hours asked outright are a second ask.
  if (scores.has('留货') || scores.has('自提时限')) for (const other of ['预约到店', ...(/几点|关门|开门|营业/u.test(clause) ? [] : ['营业时间']), '物流', '库存咨询', '尺码咨询', '促成下单', '到店告别']) scores.delete(other);
  if (scores.has('道歉')) for (const other of ['投诉安抚', '问候', '告别']) scores.delete(other);
  // "耳朵过敏能戴吗": whether it suits a sensitivity, asked before buying.
  if (scores.has('投诉安抚') && /(?:能|可以|能不能|可不可以)(?:戴|穿|用|涂|擦|抹)(?:吗|么|嘛|不)?\s*[？?]?\s*$/u.test(clause) && !readsAsComplaint(clause)) {
    scores.delete('投诉安抚');
    scores.set('材质咨询', 3);
  }
  // "周五之前寄过去来得及吗": a parcel's day, not a visit.
  if (scores.has('物流') && /寄|邮|快递/u.test(clause)) scores.delete('到店告别');
  if (scores.has('到店告别')) for (const other of ['试用', '预约到店', '告别', '营业时间']) scores.delete(other);
  if (scores.has('礼盒包装')) for (const other of ['送礼推荐', '商品推荐', '搭配建议', '材质咨询']) scores.delete(other);
  if (scores.has('售后') && /清洗|保养|抛光|发黑|弄一下|护理|(?:店|店里|门店)换/u.test(clause)) for (const other of ['试用', '预约到店', '洗护']) scores.delete(other);
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
  // "便宜的就行": a wish for an inexpensive one, not a discount asked.
  if (/便宜(?:一点|些)?的那|贵(?:一点|些)?的那|便宜(?:一?点|些)?的(?:就行|就好|就可以|也行)/u.test(clause)) for (const other of ['优惠活动', '议价', '价格咨询']) scores.delete(other);
  // "95折能和满减一起用吗" combines offers, not products.
  if (scores.has('用法') && /折|减|优惠|券|活动|积分/u.test(clause)) scores.delete('用法');
  if (scores.has('用法')) for (const other of ['优惠活动', '议价']) scores.delete(other);
}
