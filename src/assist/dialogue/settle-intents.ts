/**
 * The newest message's intents, read clause by clause, settled as a whole: a question no cue knows after a
 * FAQ ask is about the same thing; a health question takes the guarantee and the skin described with it;
 * a mishap's "怎么办" is care; politeness, who is asking and a story beside real questions ask nothing.
 */
import type { IntentHit } from './dialogue-state.ts';
import { HOW_TO_CARE, EASY_CARE, ONE_FAQ_EACH, OTHER_QUESTION } from './intent-cues.ts';
import { MISHAP, PATINA, SOMEDAY } from './complaint-words.ts';

export function settleIntents(hits: IntentHit[], text: string): IntentHit[] {
  // "积分能抵多少钱？会不会过期": a question no cue knows, right after a FAQ ask, asks about the same thing.
  for (const [index, hit] of hits.entries()) {
    const before = hits[index - 1];
    if (hit.intent === OTHER_QUESTION && before && ONE_FAQ_EACH.has(before.intent) && hit.clause.length <= 12) hits[index] = { ...hit, intent: before.intent };
  }
  // "我怀孕了 …能用吗 你能保证对宝宝没影响吗": the guarantee is the health question's, answered by the doctor.
  // "能治痘痘吗 我脸上好多红痘痘": the skin described is the doctor's, not a reason to pitch.
  if (hits.some((h) => h.intent === '健康')) for (let i = hits.length - 1; i >= 0; i--) if (hits[i]?.intent === '功效咨询' || hits[i]?.intent === '肤质推荐' || (hits[i]?.intent === '商品推荐' && !hits[i]?.question) || (hits[i]?.intent === '材质咨询' && (hits[i]?.clause.length ?? 0) <= 8)) hits.splice(i, 1);
  // "大衣淋湿了，摸上去硬邦邦的，怎么弄": the short question is about the care the message describes.
  if (MISHAP.test(text)) {
    for (const [index, hit] of hits.entries()) if (/怎么弄|怎么办|咋办|怎么处理|如何处理/u.test(hit.clause) && hit.clause.length <= 14 && hit.intent !== '洗护') hits[index] = { ...hit, intent: '洗护', clause: text };
  }
  // "府绸和真丝选哪件，我人懒，不想手洗": how easy each is to wash is what the choice weighs, not a care question.
  if (hits.some((h) => h.intent === '比较')) for (let i = hits.length - 1; i >= 0; i--) if (hits[i]?.intent === '材质咨询' && EASY_CARE.test(hits[i]?.clause ?? '')) hits.splice(i, 1);
  // "拆开试了一下…这样能换个大一码的吗": an exchange asked, not an order placed.
  if (hits.some((h) => h.intent === '售后')) for (let i = hits.length - 1; i >= 0; i--) if (hits[i]?.intent === '促成下单') hits.splice(i, 1);
  // "怕穿几次开线 … 万一开线了咋整": the worry and what happens then are one ask, the after-sales rule.
  if (hits.some((h) => h.intent === '售后' && SOMEDAY.test(h.clause))) for (let i = hits.length - 1; i >= 0; i--) if (hits[i]?.intent === '材质咨询' && /怕|担心/u.test(hits[i]?.clause ?? '')) hits.splice(i, 1);
  // "不知道咋保养 能自己洗吗 怕洗坏了": the worry is the care question again, not one about the material.
  if (hits.some((h) => h.intent !== '材质咨询' && HOW_TO_CARE.test(h.clause))) for (let i = hits.length - 1; i >= 0; i--) if (hits[i]?.intent === '材质咨询' && /(?:怕|担心)[^，。]{0,2}洗/u.test(hits[i]?.clause ?? '')) hits.splice(i, 1);
  // "半月包越背颜色越深了 是不是坏了啊": leather darkening with use asks about care, not a fault.
  if (PATINA.test(text) && !/掉色|染|花了|斑|裂|脱皮|发霉/u.test(text)) for (const [index, hit] of hits.entries()) if (hit.intent === '投诉安抚') hits[index] = { ...hit, intent: '洗护', clause: text };
  // "积分咋查啊 老多了 能换点啥不": what the points buy, asked on its own.
  if (hits.some((h) => h.intent === '会员积分')) for (const [index, hit] of hits.entries()) if (hit.intent === '售后' && /^(?:能|可以)?(?:兑)?换(?:点|些)?(?:啥|什么)/u.test(hit.clause)) hits[index] = { ...hit, intent: '会员积分' };
  // "大衣退了的话 之前给的积分会扣掉吗", "想退了 送的小样也要寄回去吗": the points and gifts of a return are after-sales,
  // and the clause that only says a return is coming asks nothing of its own.
  if (hits.some((h) => h.intent === '售后') && /退(?!款)/u.test(text) && /扣|小样|赠品|一起寄|一起退|一并/u.test(text)) {
    for (const [index, hit] of hits.entries()) if (hit.intent === '会员积分') hits[index] = { ...hit, intent: '售后' };
    const asked = hits.filter((h) => h.intent === '售后' && h.question).length > 0;
    if (asked) for (let i = hits.length - 1; i >= 0; i--) if (hits[i]?.intent === '售后' && !hits[i]?.question) hits.splice(i, 1);
  }
  // "发票能不能开2000 … 实际买的是1299那件": the invoice asked for is an inflated one, whichever clause says so.
  if (hits.some((h) => h.intent === '虚开发票')) for (let i = hits.length - 1; i >= 0; i--) if ((hits[i]?.intent === '发票' && /\d{3,}|[一二两三四五六七八九]千/u.test(hits[i]?.clause ?? '')) || hits[i]?.intent === '售后') hits.splice(i, 1);
  // "你能告诉我她买的哪件吗 我想买同款": another person's purchase is private; no pitch beside the answer.
  if (hits.some((h) => h.intent === '隐私')) for (let i = hits.length - 1; i >= 0; i--) if (['搭配建议', '商品推荐', '促成下单', '价格咨询', '库存咨询', '尺码咨询'].includes(hits[i]?.intent ?? '')) hits.splice(i, 1);
  // "按内部价给我吗 我这次想买大衣和靴子": products named to bargain with are not asked for.
  const bargaining = hits.some((h) => h.intent === '议价');
  // A greeting before a real ask is politeness; 告别 words ("好的") before an ask are too.
  // "…能不能保养 要钱吗 我是金卡会员": who is asking, said after the ask, asks nothing.
  const toldOnly = (h: IntentHit): boolean => h.intent === '会员积分' && !h.question && h.clause.startsWith('我是') && hits.some((o) => o !== h && o.question);
  const real = hits.filter((h) => h.intent !== '问候' && h.intent !== '告别' && !toldOnly(h) && !(bargaining && h.intent === '商品推荐' && !/推荐|有没有|看看|哪(?:款|个)|什么/u.test(h.clause)));
  // "每次买大衣都像偷穿大人衣服，这款长度到哪里？": a story beside questions wants no other products.
  const wish = /想买|想要|想找|想挑|想换|要一|找一|推荐|看看|有没有|来一|给我|帮我/u;
  if (real.some((h) => h.question)) for (let i = real.length - 1; i >= 0; i--) if (real[i]?.intent === '商品推荐' && !real[i]?.question && !wish.test(real[i]?.clause ?? '')) real.splice(i, 1);
  // "好 回头去店里看 另外半月包…是不是我手上的油蹭的": a visit said in passing is no ask before the question.
  if (real.some((h) => h.question && h.intent !== '预约到店')) for (let i = real.length - 1; i >= 0; i--) if (real[i]?.intent === '预约到店' && !real[i]?.question) real.splice(i, 1);
  // "1299 能减吗 好像是新款吧": whether the offer covers the one named, not a list of new arrivals.
  if (real.some((h) => h.intent === '优惠活动')) for (let i = real.length - 1; i >= 0; i--) if (real[i]?.intent === '新品推荐' && !/有(?:没有|什么|哪些)|推荐|看看|上了/u.test(real[i]?.clause ?? '')) real.splice(i, 1);
  // "在吗 问下…" with an ask no cue knows: the greeting is answered too, in case no FAQ covers the ask.
  if (real.length > 0 && real.every((h) => h.intent === OTHER_QUESTION)) return hits;
  // In the order asked: a guide answers "有38码吗 另外能开发票吗" in that order.
  return real.length > 0 ? real : hits;
}
