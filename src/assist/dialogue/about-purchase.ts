/**
 * Whether the newest message is about something the customer bought: said so ("我退的那件", "上次买的",
 * "收到的"), or known from the profile. After-sales about one's own purchase is answered with an apology
 * for the trouble and tagged as after-sales, even when nothing in it is a complaint.
 */
import type { DialogueState } from './dialogue-state.ts';

const OWN = /我买的|我退的|退的那|退掉的|买的那|上次买|上次在|之前买|前几天买|收到的|在你这买|在你们这买|在你们店买|网上买的|刚买的|换码的|寄回去/u;

/** "前天买的", "上周拍的": a purchase told with when it was made. */
const BOUGHT_WHEN = /(?:前天|昨天|今天|上周|上礼拜|上个?星期|上个?月|前几天|前两天|那天|周末|早上|刚刚?)[^，。？?]{0,4}(?:买|拍|下单|订|收到)的/u;
/** "不合适想退", "想换成米白": only what was bought is returned or exchanged (a hypothetical is a policy question). */
const RETURN_ASK = /想退|要退|退掉吧|退货吧|想换|要换|换成|能换|退了吧|(?:^|\s)退吧/u;
const HYPOTHETICAL = /如果|万一|要是|的话|假如|会不会|买了不合适|能不能退|可以退吗/u;

export function aboutOwnPurchase(state: DialogueState): boolean {
  const text = state.newestText;
  const returning = state.intents[0]?.intent === '售后' && RETURN_ASK.test(text) && !HYPOTHETICAL.test(text);
  // "要是开线了 能给换不 寄回去运费谁掏": sending it back, asked of a hypothetical, is the policy too.
  const own = OWN.exec(text);
  const owned = own !== null && !(own[0] === '寄回去' && HYPOTHETICAL.test(text));
  return state.relationship.purchases.length > 0 || owned || BOUGHT_WHEN.test(text) || returning;
}
