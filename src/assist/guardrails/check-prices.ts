/**
 * Every amount in a draft must be a catalog price of a product the draft or the conversation is about,
 * an amount the policy names (满1000减100, 运费12元), or an amount in the approved script/FAQ it came
 * from. Anything else is a price the store cannot stand behind.
 */
import type { Flag } from '../suggestion-schema.ts';
import { parseAmount } from '../tags/parse-amount.ts';
import { makeFlag } from './flag.ts';

const AMOUNT = /(?:[¥￥]\s*(\d[\d,]*(?:\.\d+)?)|(\d[\d,]*(?:\.\d+)?|[零一二两三四五六七八九十百千万]{2,8})\s*(?:元|块钱|块|rmb))(?!旦|素|宵)/giu;

export interface AmountHit {
  value: number;
  start: number;
  end: number;
}

export function findAmounts(text: string): AmountHit[] {
  const hits: AmountHit[] = [];
  for (const match of text.matchAll(AMOUNT)) {
    const raw = (match[1] ?? match[2] ?? '').replace(/,/gu, '');
    const value = parseAmount(raw);
    if (value === undefined) continue;
    hits.push({ value, start: match.index, end: match.index + match[0].length });
  }
  return hits;
}

export function checkPrices(text: string, allowed: ReadonlySet<number>, reason: string, severity: Flag['severity']): Flag[] {
  return findAmounts(text)
    .filter((hit) => !allowed.has(hit.value))
    .map((hit) => makeFlag('price', text, { start: hit.start, end: hit.end }, reason, severity));
}

const POINTS_RATE = /(\d+)\s*积分抵\s*(\d+)\s*元/u;
const POINTS_WORTH = /(\d+)\s*(?:积)?分[^，。；！？]{0,8}?抵\s*(\d+)\s*元/gu;

/**
 * "您的20000积分可以抵200元": an amount that is the points the draft names at the policy's own rate
 * (a promotion labelled "100积分抵1元"); any other sum for those points is still flagged.
 */
export function pointsAmounts(labels: readonly string[], text: string): number[] {
  const rate = labels.map((label) => POINTS_RATE.exec(label)).find((m) => m !== null);
  if (!rate) return [];
  const [points, yuan] = [Number(rate[1]), Number(rate[2])];
  return [...text.matchAll(POINTS_WORTH)].map((m) => Number(m[2])).filter((value, index) => {
    const said = [...text.matchAll(POINTS_WORTH)][index];
    return said !== undefined && Math.floor((Number(said[1]) / points) * yuan) === value;
  });
}
