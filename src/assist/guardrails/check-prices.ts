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
