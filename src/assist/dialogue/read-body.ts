/**
 * Height and weight as customers give them: "165 120斤", "身高160", "我155", and spoken
 * "一米六五，一百二十斤", "一米七", "六十公斤". Weight is kept in 斤 (kg × 2).
 */
import { parseChineseNumeral } from '../tags/parse-amount.ts';
import type { Reading } from './read-needs.ts';

export type Body = { heightCm?: number; weightJin?: number };

const HEIGHT = /(?:身高|高)?\s*(1[4-9]\d)\s*(?:cm|厘米|公分)?/iu;
const WEIGHT = /(?:体重)?\s*(\d{2,3})\s*(斤|kg|公斤)/iu;
const SPOKEN_HEIGHT = /(?:[一1])\s*米\s*([一二三四五六七八九\d])([一二三四五六七八九零\d])?/u;
const SPOKEN_WEIGHT = /(?:体重)?\s*([一二两三四五六七八九十百零]{2,5})\s*(斤|公斤|kg)/iu;
const DIGIT: Record<string, number> = { 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

const digitOf = (ch: string | undefined): number => (ch === undefined ? 0 : (DIGIT[ch] ?? Number(ch)));

function readHeight(text: string, weightFound: boolean): [number, string] | undefined {
  const spoken = SPOKEN_HEIGHT.exec(text);
  if (spoken) return [100 + digitOf(spoken[1]) * 10 + digitOf(spoken[2]), spoken[0].trim()];
  // "我155", "我一米六" alone: a height.
  const bare = /我(?:就|才|只有|也就|个子|身高)?\s*(1[4-9]\d)(?![\d.元块])/u.exec(text);
  if (bare && !weightFound) return [Number(bare[1]), bare[0].trim()];
  if (!/(?:身高|高)\s*1[4-9]\d|1[4-9]\d\s*(?:cm|厘米|公分)|1[4-9]\d\s*[,，、/ ]\s*\d{2,3}\s*(?:斤|kg|公斤)/iu.test(text)) return undefined;
  const height = HEIGHT.exec(text);
  return height ? [Number(height[1]), height[0].trim()] : undefined;
}

function readWeight(text: string): [number, string] | undefined {
  const weight = WEIGHT.exec(text);
  const spoken = weight ? undefined : SPOKEN_WEIGHT.exec(text);
  const match = weight ?? spoken;
  if (!match) return undefined;
  // "一百二斤" is 120, as "一千五" is 1500.
  const amount = weight ? Number(match[1]) : parseChineseNumeral(match[1] ?? '');
  if (amount === undefined || amount < 30 || amount > 300) return undefined;
  return [match[2] === '斤' ? amount : amount * 2, match[0].trim()];
}

export function readBody(text: string): Reading<Body> | undefined {
  const weight = readWeight(text);
  const height = readHeight(text, weight !== undefined);
  if (!height && !weight) return undefined;
  const value: Body = { ...(height ? { heightCm: height[0] } : {}), ...(weight ? { weightJin: weight[0] } : {}) };
  return { value, quote: [height?.[1], weight?.[1]].filter(Boolean).join(' ') };
}
