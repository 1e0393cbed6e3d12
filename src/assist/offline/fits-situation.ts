/**
 * Library scripts written for one situation are shown only in it: a welcome for a contact added today,
 * 好久不见 after weeks, an after-purchase follow-up for a known purchase, a new guide's introduction when
 * the customer asks about their old guide, a colour script only when a colour is in play, a gift script
 * only for the recipient it names.
 */
import type { DialogueState } from '../dialogue/dialogue-state.ts';

type Rule = [RegExp, (state: DialogueState, text: string) => boolean];

const RULES: Rule[] = [
  [/很高兴加上|感谢您添加|欢迎您来|刚加上|加上您/u, (s) => s.relationship.isNew],
  [/好久不见|欢迎回来|这阵子过得/u, (s) => s.relationship.returning],
  [/上次您买的|上次买的|之前买的|您买的/u, (s) => s.relationship.purchases.length > 0],
  [/刚刚在店里|刚才在店里/u, (s) => s.relationship.isNew],
  [/新来的导购|调岗|同事调/u, (s) => /之前那个|换导购|新换的|原来的导购|之前的导购/u.test(s.newestText)],
  [/颜色|色号|断色|这个色/u, (s) => s.slots.colour !== undefined || /色/u.test(s.newestText)],
  [/您说的身高|按您的身高/u, (s) => s.slots.body !== undefined],
  [/告诉我您的身高|身高、体重/u, (s) => s.slots.body === undefined && s.slots.size === undefined],
  // A script's claim about the cut must match the product's 版型.
  [/宽松|落肩/u, (s) => /宽松|落肩|廓形|茧型/u.test(String(s.slots.focus?.value.attributes['版型'] ?? ''))],
  [/修身|偏小/u, (s) => /修身|合体|紧身/u.test(String(s.slots.focus?.value.attributes['版型'] ?? ''))],
  [/早上好/u, (s) => /早/u.test(s.newestText)],
  [/晚上好/u, (s) => /晚/u.test(s.newestText)],
  // Words about clothes (面料, 版型, 起皱) fit only clothes; words about shoes only shoes.
  [/面料|起皱|弹性|版型|上身/u, (s) => !s.slots.focus || s.slots.focus.value.category === '服装'],
  [/鞋跟|磨脚|鞋码|脚背/u, (s) => !s.slots.focus || s.slots.focus.value.category === '鞋履'],
  // A trousers script (腰围, 裤长) never filled with a sweater.
  [/裤长|腰围|臀围|裤腰/u, (s) => !s.slots.focus || /裤|裙/u.test(`${s.slots.focus.value.subcategory}${s.slots.focus.value.name}`)],
  // Words about skincare and make-up fit only beauty: "已拆封的护肤品…" is no reply about a coat.
  [/护肤品|化妆品|彩妆|口红|粉底|面霜|精华|用着不舒服|停用/u, (s) => !s.slots.focus || s.slots.focus.value.category === '美妆'],
  // Facts the script asserts that nothing in the conversation backs.
  [/周末愉快|您试了几次|暂时没有了|目前没有您要的颜色|您说的那款|我帮您查了|您目前有|已经给您下单|已经帮您|给您下单了|库存不多了|这两件|您是金卡|您说的|刚好满|已经满了|您这单|我都查过了|已经顺丰发出|已经发出|已发货|您预约的是|积分已经到账|您已经很接近|还差多少/u, () => false],
  // A styling script (西装, 裤, 裙) is about clothes: never filled with a cosmetic.
  [/西装|裤|裙|外套|上衣|内搭/u, (s) => s.slots.focus?.value.category !== '美妆'],
  // A question the customer has already answered is not asked again.
  [/预算大概|预算多少|大概多少预算/u, (s) => s.slots.budget === undefined],
  [/送给谁|送谁/u, (s) => s.slots.recipient === undefined],
  [/什么码|哪个码|尺码是多少/u, (s) => s.slots.size === undefined && s.slots.body === undefined],
  [/您的肤质吗|什么肤质|说一下您的肤质/u, (s) => s.slots.skinType === undefined],
  // "您先生平时穿…", "男士尺码…": for a man only when a man is the one it is for.
  [/您先生|男士尺码|他平时|他的肩宽|按他的/u, (s) => s.slots.recipient?.value.gender === 'male' || s.slots.gender?.value === 'male'],
  // A complaint about the staff is not a parcel to collect or an item to exchange.
  [/取件|快递|退换|换货|寄回/u, (s) => s.complaint?.kind !== 'service'],
  // A parcel that has not come, or a refund not arrived: nothing to send back yet.
  [/上门取件|取件|退换|换货|寄回/u, (s) => s.complaint?.kind !== 'delay' && s.complaint?.kind !== 'refund'],
  [/送(?:妈妈|闺蜜|老公|男朋友|女朋友|老婆|长辈|爸爸)/u, (s, text) => s.slots.recipient !== undefined && text.includes(`送${s.slots.recipient.value.who}`)],
];

export function fitsSituation(text: string, state: DialogueState): boolean {
  return RULES.every(([pattern, fits]) => !pattern.test(text) || fits(state, text));
}

/** The guide speaking of "导购" as someone else ("发给导购") is wrong in the guide's own mouth. */
export function speaksOfGuideAsOther(text: string): boolean {
  return /(?:发给|告诉|联系|咨询|问|找|请|让)(?:您的)?导购|导购(?:会|也会|可以帮|帮您)/u.test(text);
}
