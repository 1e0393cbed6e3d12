/**
 * "两万积分能抵多少钱 买个一千的东西能全抵吗": what their points are worth by the FAQ's own rate, and
 * how much of a purchase they may cover under its cap, worked out rather than left to the customer.
 */
import { AMOUNT_SOURCE, parseAmount } from '../tags/parse-amount.ts';

const RATE = /(\d+)积分抵(\d+)元/u;
const CAP = /不超过实付金额的(\d+)%/u;
const POINTS = new RegExp(String.raw`(${AMOUNT_SOURCE})(多)?\s*(?:个|分的)?\s*积分|(${AMOUNT_SOURCE})(多)?\s*分(?![钟])|积分(?:有|还有|都|已经|快)?\s*(${AMOUNT_SOURCE})(多)?`, 'u');
const SPEND = new RegExp(String.raw`买(?:个|件|点|一个|一件)?\s*(${AMOUNT_SOURCE})\s*(?:块钱|块|元)?的`, 'u');

/** The sentence that says their points' worth, or undefined when the message names no points or the rule no rate. */
export function pointsWorth(rule: string, said: string): string | undefined {
  const rate = RATE.exec(rule);
  const found = POINTS.exec(said);
  const points = parseAmount(found?.[1] ?? found?.[3] ?? found?.[5] ?? '');
  if (!rate || points === undefined || points < 100) return undefined;
  const worth = Math.floor((points / Number(rate[1])) * Number(rate[2]));
  // "积分一万多了": more than a round number, so worth a little more than its share.
  const more = (found?.[2] ?? found?.[4] ?? found?.[6]) !== undefined ? '多' : '';
  const cap = CAP.exec(rule);
  const spend = parseAmount(SPEND.exec(said)?.[1] ?? '');
  if (!cap || spend === undefined) return `您的${points}${more}积分可以抵${worth}${more}元。`;
  // The customer's own figure for what they buy, and the cap as the rule says it: only the points' worth is worked out.
  const bought = SPEND.exec(said)?.[1] ?? '';
  const fits = worth <= (spend * Number(cap[1])) / 100;
  return `您的${points}积分可以抵${worth}元；积分最多抵实付的${cap[1]}%，买${bought}的东西${fits ? `这${worth}元可以全部抵上` : `只能抵到实付的${cap[1]}%，剩下的积分下次还能用`}。`;
}
