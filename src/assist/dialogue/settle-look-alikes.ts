/**
 * Asks that look like others, settled on one clause's scores: a ring's sizes are no list of rings, a kind
 * ruled out for its sizes is no size question, an ok with a budget is no goodbye, 配啥鞋 is no material ask.
 */
import type { ClauseNeeds } from './read-intents.ts';

/** "配啥鞋", "里面搭什么", "怎么搭": asks what goes with a piece. */
const PAIRING_ASK = /配啥|搭啥|配什么|搭什么|怎么搭|怎么配|配点啥|配哪(?:个|双|件|条|种)/u;

export function settleLookAlikes(scores: Map<string, number>, clause: string, needs: ReturnType<ClauseNeeds>): void {
  // "素圈戒指有哪些号": the sizes of the one named, not a list of rings.
  if (/(?:有|是)(?:哪些|哪几个|几个|什么)号/u.test(clause)) scores.delete('商品推荐');
  // "衣服就算了 尺码不好拿": why a kind is ruled out is no size question; the budget and the person say what is wanted.
  if (scores.has('尺码咨询') && /尺码(?:不好拿|难拿|不好选|难选|拿不准|不确定)|不知道(?:她|他)?(?:穿)?(?:什么|多大|几)码/u.test(clause) && needs.size === undefined && !/[吗呢？?]/u.test(clause)) {
    scores.delete('尺码咨询');
    if (needs.budget !== undefined || needs.recipient !== undefined) scores.set(needs.recipient !== undefined ? '送礼推荐' : '商品推荐', Math.max(2, ...scores.values()));
  }
  // "预算加到四千左右ok的": an ok that comes with a budget agrees to look further; it is no goodbye.
  if (scores.has('告别') && needs.budget !== undefined) {
    scores.delete('告别');
    if (scores.size === 0) scores.set('商品推荐', 2);
  }
  // "羊毛A字半身裙 驼色的 配啥鞋好看啊": what goes with the piece named is asked, not its wool or its stock.
  if (scores.has('搭配建议') && PAIRING_ASK.test(clause)) {
    for (const other of ['材质咨询', '促成下单', '尺码咨询', '库存咨询']) scores.delete(other);
    scores.set('搭配建议', Math.max(2, ...scores.values()) + 0.5);
  }
}
