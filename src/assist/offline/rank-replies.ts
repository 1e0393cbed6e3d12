/**
 * Which of several candidate replies fits a conversation best (the script-library choice, and the
 * eval's `rank` task). Lexical fit with the conversation (BM25 over the candidates, the customer's last
 * message weighing most) plus agreement between the customer's intent and the reply's.
 */
import { buildBm25Index, toQuery } from '../knowledge/bm25-index.ts';
import { tokenize } from '../knowledge/segment.ts';
import { detectIntent } from './detect-intent.ts';

const INTENT_WEIGHT = 0.8;

export interface ContextLine {
  speaker: 'customer' | 'guide';
  text: string;
}

/** "顾客: ..." / "导购: ..." lines as the eval and dev sets write them; unprefixed lines are the customer's. */
export function parseContextLine(line: string): ContextLine {
  const match = /^\s*(顾客|客户|customer|导购|guide)\s*[:：]\s*/iu.exec(line);
  if (!match) return { speaker: 'customer', text: line };
  const who = (match[1] ?? '').toLowerCase();
  return { speaker: who === '导购' || who === 'guide' ? 'guide' : 'customer', text: line.slice(match[0].length) };
}

function shares(text: string): Map<string, number> {
  const scores = detectIntent(text);
  const total = [...scores.values()].reduce((a, b) => a + b, 0);
  return new Map([...scores].map(([intent, score]) => [intent, total > 0 ? score / total : 0]));
}

export function scoreReplies(context: readonly ContextLine[], candidates: readonly string[]): number[] {
  const query = new Map<string, number>();
  let age = 0;
  for (let i = context.length - 1; i >= 0; i--) {
    const line = context[i];
    if (!line) continue;
    if (line.speaker === 'guide') toQuery(tokenize(line.text), 0.15, query);
    else toQuery(tokenize(line.text), age++ === 0 ? 1 : Math.max(0.15, 0.4 * 0.7 ** (age - 2)), query);
  }
  const index = buildBm25Index(candidates.map((c) => tokenize(c)));
  const lexical = candidates.map((_c, doc) => index.scoreDoc(query, doc));
  const top = Math.max(...lexical, 1e-9);
  const lastCustomer = context.findLast((l) => l.speaker === 'customer')?.text ?? '';
  const asked = shares(lastCustomer);
  return candidates.map((candidate, doc) => {
    const answered = shares(candidate);
    let agreement = 0;
    for (const [intent, share] of asked) agreement += share * (answered.get(intent) ?? 0);
    return (lexical[doc] ?? 0) / top + INTENT_WEIGHT * agreement;
  });
}

/** Candidate indices, best first; ties keep the given order. */
export function rankReplies(context: readonly string[], candidates: readonly string[]): number[] {
  const scores = scoreReplies(context.map(parseContextLine), candidates);
  return candidates.map((_c, i) => i).sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
}
