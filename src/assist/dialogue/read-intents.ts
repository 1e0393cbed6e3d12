/**
 * The intents of the newest customer message, clause by clause, in the order a guide answers them:
 * the newest question first, then the rest ("S码。另外你们门店几点关门" → 营业时间 first, then the size).
 * Builds on the script library's intent cues and adds the asks that have no script of their own
 * (发票, 功效, 议价, 营业时间/地址), which a draft must still answer rather than pattern-match away.
 */
import { detectIntent } from '../offline/detect-intent.ts';
import type { IntentHit } from './dialogue-state.ts';

const EXTRA: [string, RegExp, number][] = [
  ['发票', /发票|开票|抬头|税号|专票|普票/u, 3],
  ['功效咨询', /见效|有效果吗|有没有效果|效果怎么样|管用|多久能|几天能|保证.{0,6}(?:效|好|白|掉)|真的能/u, 2.5],
  ['议价', /便宜(?:点|些|一点|两百|一百|\d+)|少点|抹零|再优惠|能不能便宜|打[一二三四五六七八九\d]折|[一二三四五六七八九\d]折(?:吗|行吗|可以吗)|最低(?:多少|价)|砍价/u, 2.5],
  ['营业时间', /几点(?:关门|开门|营业|下班)|营业时间|开到几点|几点到几点|关门|周末开|节假日.{0,4}开/u, 3],
  ['门店地址', /在哪|地址|怎么走|哪个商场|几楼|停车/u, 2],
  ['投诉安抚', /过敏|红疹|起疹|刺痛|烂脸|发痒|长痘了|闷痘|起红|泛红了|开线|起球了|掉色了|坏了|破了|发错|少发|漏发|寄错|质量(?:太差|问题|不行)|态度(?:太差|差|不好)|投诉|差评|要个说法|太失望/u, 3],
];

const SPLIT = /(?<=[。！？!?；;\n])|(?=另外|还有[，,]|顺便|对了|然后想问|再问一下)/u;
const QUESTION = /[?？吗呢么嘛]|多少|几点|什么|怎么|哪|能不能|可不可以|可以.{0,6}吗|有没有|是不是|会不会|咋|啥/u;

function clauses(text: string): string[] {
  return text
    .split(SPLIT)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

/** Reads what a clause states (size, colour, budget ...) so a bare "有XXL吗" still asks something. */
export type ClauseNeeds = (clause: string) => { size?: unknown; colour?: unknown; budget?: unknown; category?: unknown; body?: unknown; recipient?: unknown; skinType?: unknown; occasion?: unknown };

function clauseIntents(clause: string, needsOf: ClauseNeeds | undefined): IntentHit[] {
  const scores = detectIntent(clause);
  const question = QUESTION.test(clause);
  const needs = needsOf?.(clause) ?? {};
  // The product's own words must not decide ("羊毛呢大衣有XXL吗" asks a size, not about wool), so a
  // stated size or colour weighs more than a material cue.
  if (needs.size !== undefined || needs.body !== undefined) scores.set('尺码咨询', (scores.get('尺码咨询') ?? 0) + (question ? 2 : 1.5));
  if (needs.colour !== undefined && question) scores.set('库存咨询', (scores.get('库存咨询') ?? 0) + 1.5);
  if (scores.size === 0 && (needs.budget !== undefined || needs.category !== undefined || needs.recipient !== undefined || needs.skinType !== undefined || needs.occasion !== undefined)) scores.set('商品推荐', 1);
  for (const [intent, pattern, weight] of EXTRA) if (pattern.test(clause)) scores.set(intent, (scores.get(intent) ?? 0) + weight);
  // 营业时间/门店地址 are what 预约到店 cues pick up too; keep the precise one.
  if (scores.has('营业时间') || scores.has('门店地址')) scores.delete('预约到店');
  if (scores.has('发票')) scores.delete('售后');
  if (scores.has('功效咨询')) scores.delete('优惠活动');
  if (scores.has('议价')) scores.delete('优惠活动');
  const best = [...scores].sort((a, b) => b[1] - a[1]);
  const top = best[0];
  if (!top) return [];
  // A clause may ask two things ("有M码吗多少钱"); a second intent counts when it is nearly as strong.
  return best.filter(([, score]) => score >= top[1] * 0.8).slice(0, 2).map(([intent, score]) => ({ intent, clause, question, score }));
}

export function readIntents(text: string, needsOf?: ClauseNeeds): IntentHit[] {
  const hits: IntentHit[] = [];
  for (const clause of clauses(text)) for (const hit of clauseIntents(clause, needsOf)) if (!hits.some((h) => h.intent === hit.intent)) hits.push(hit);
  // A greeting before a real ask is politeness; 告别 words ("好的") before an ask are too.
  const real = hits.filter((h) => h.intent !== '问候' && h.intent !== '告别');
  const kept = real.length > 0 ? real : hits;
  const questions = kept.filter((h) => h.question).toReversed();
  return [...questions, ...kept.filter((h) => !h.question)];
}
