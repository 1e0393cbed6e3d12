/**
 * Asks that look like others, settled on one clause's scores: a ring's sizes are no list of rings, a kind
 * ruled out for its sizes is no size question, an ok with a budget is no goodbye, 配啥鞋 is no material ask;
 * and, once the clause is read, what a request says about why (a fault feared, a metal ruled out, a box wished for).
 */
import type { ClauseNeeds } from './read-intents.ts';
import { FEARED_FAULT, SOMEDAY } from './complaint-words.ts';

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
  // "洗了褶子会不会没了": a trait that washing or wear may take away, not stock that may run out.
  if (scores.has('库存咨询') && /(?:洗|穿|用|戴|晒|淋)[^，。？?]{0,6}(?:会不会|会|就)没了/u.test(clause) && needs.size === undefined && needs.colour === undefined) scores.delete('库存咨询');
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

/** Reasons given with an ask: "万一开线了咋整" asks the after-sales rule; a metal ruled out or a box wished for is part of a request. */
export function settleReasonsGiven(scores: Map<string, number>, clause: string, needs: ReturnType<ClauseNeeds>): void {
  // "万一开线了咋整": what happens if it goes wrong is the after-sales rule.
  if (SOMEDAY.test(clause) && FEARED_FAULT.test(clause) && /咋整|怎么办|咋办|能换|能退|管不管|包换|保修/u.test(clause)) {
    for (const other of ['投诉安抚', '材质咨询', '洗护']) scores.delete(other);
    scores.set('售后', Math.max(3.5, ...scores.values()) + 0.5);
  }
  // "预算七百左右 要有盒子能送人的": a gift box wished for in a request, not a wrapping question.
  if (scores.has('礼盒包装') && needs.budget !== undefined && /要(?:有|带)?(?:个)?(?:盒子|礼盒)|最好(?:有|带)(?:盒子|礼盒)|有盒子的|带盒子的/u.test(clause)) {
    scores.delete('礼盒包装');
    scores.set('商品推荐', Math.max(3, ...scores.values()) + 0.5);
  }
  // "黑额已经有一只了 要换只焦糖色额 其他不变": another colour for the request, not an exchange.
  if (scores.has('售后') && needs.colour !== undefined && /换(?:只|个|件|条|双|成|一只|一个)?[^，。\s]{0,3}色/u.test(clause) && !/买|收到|退|到了|寄来|拆|洗|穿|能换|换不|可以吗|行吗|能不能|可以吧/u.test(clause)) {
    scores.delete('售后');
    scores.set('商品推荐', Math.max(3, ...scores.values()) + 0.5);
  }
  // "她不戴银的 说戴久了发黑 要金的 两千以内": why a metal is ruled out, then what is wanted.
  if (scores.has('售后') && /不戴|不爱戴|戴不了/u.test(clause) && (needs.budget !== undefined || /要[\u4e00-\u9fff]{1,3}的/u.test(clause))) {
    scores.delete('售后');
    scores.set('商品推荐', Math.max(3, ...scores.values()) + 0.5);
  }
}
