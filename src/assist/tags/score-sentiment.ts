/**
 * Lexicon sentiment with the three things that matter most in Chinese reviews and chats: negation
 * ("不太好" is negative, "没问题" positive), contrast ("外观好看，但是电池不行" is a complaint) and
 * questions ("能退货吗" asks, it does not complain).
 */
import { normalizeAligned } from './find-phrases.ts';
import type { Span } from './find-phrases.ts';
import { CONTRAST, INTENSIFIERS, NEGATIVE, NEGATORS, NEUTRAL, POSITIVE, VERDICT } from './sentiment-lexicon.ts';

export interface SentimentHit {
  span: Span;
  word: string;
  polarity: 1 | -1;
  weight: number;
}

export interface SentimentScore {
  positive: number;
  negative: number;
  hits: SentimentHit[];
}

interface Entry {
  word: string;
  polarity: 1 | -1 | 0;
  weight: number;
}

function buildEntries(): Map<string, Entry[]> {
  const byFirst = new Map<string, Entry[]>();
  const add = (word: string, polarity: 1 | -1 | 0, weight: number): void => {
    const first = word.charAt(0);
    const list = byFirst.get(first) ?? [];
    list.push({ word, polarity, weight });
    byFirst.set(first, list);
  };
  for (const [word, weight] of POSITIVE) add(word, 1, weight);
  for (const [word, weight] of NEGATIVE) add(word, -1, weight);
  for (const word of NEUTRAL) add(word, 0, 0);
  for (const list of byFirst.values()) list.sort((a, b) => b.word.length - a.word.length);
  return byFirst;
}

const ENTRIES = buildEntries();
const NEGATOR_SET = new Set(NEGATORS);
const alternatives = (words: readonly string[]): string => [...words].sort((a, b) => b.length - a.length).join('|');
// "不太好", "没有任何问题": a negator may stand one intensifier or quantifier away.
const NEGATED = new RegExp(`(?:${alternatives(NEGATORS)})(?:${alternatives([...INTENSIFIERS, '任何', '什么', '一点'])})?$`, 'u');
const INTENSIFIED = new RegExp(`(?:${alternatives(INTENSIFIERS)})$`, 'u');
const VERDICT_START = new RegExp(`^\\s*(?:${alternatives(VERDICT)})`, 'u');
const CONTRAST_START = new RegExp(`^\\s*(?:${alternatives(CONTRAST)})`, 'u');
// Expectations and claims are not experience: "本以为很好" or "号称省电" praises nothing.
const EXPECTATION = /以为|期待|期望|听说|据说|宣传|号称|广告|介绍说|描述|说是|评价说|看评论/u;
// Chat uses spaces between clauses ('起球了 正常吗'), so a space ends a clause too.
const CLAUSE = /[^，,。.！!？?；;\n\r~～…\s]+[，,。.！!？?；;\n\r~～…\s]*/gu;
// "够不够", "贵不贵": an A不A question takes no side.
const A_NOT_A = /(\p{Script=Han})不\1/gu;

function longestAt(text: string, at: number): Entry | undefined {
  for (const entry of ENTRIES.get(text.charAt(at)) ?? []) {
    if (text.startsWith(entry.word, at)) return entry;
  }
  return undefined;
}

interface Clause {
  start: number;
  body: string;
  question: boolean;
}

function splitClauses(text: string): Clause[] {
  const clauses: Clause[] = [];
  for (const match of text.matchAll(CLAUSE)) {
    const body = match[0];
    const question = /[？?]/u.test(body) || /[吗么嘛]\s*[，,。.！!？?；;\n\r~～…]*$/u.test(body);
    clauses.push({ start: match.index, body, question });
  }
  return clauses;
}

export function scoreSentiment(text: string): SentimentScore {
  const normalized = normalizeAligned(text).replace(A_NOT_A, (match) => '\u3000'.repeat(match.length));
  const clauses = splitClauses(normalized);
  let lastContrast = -1;
  clauses.forEach((clause, index) => {
    if (index > 0 && CONTRAST_START.test(clause.body)) lastContrast = index;
  });
  const hits: SentimentHit[] = [];
  let positive = 0;
  let negative = 0;
  clauses.forEach((clause, index) => {
    const verdict = VERDICT_START.test(clause.body) ? 1.5 : 1;
    const clauseWeight = (lastContrast < 0 ? 1 : index < lastContrast ? 0.7 : 1.3) * (clause.question ? 0.4 : 1) * verdict;
    const expectation = EXPECTATION.test(clause.body);
    const found: { at: number; entry: Entry }[] = [];
    for (let at = 0; at < clause.body.length; ) {
      const entry = longestAt(clause.body, at);
      if (!entry) {
        at++;
        continue;
      }
      found.push({ at, entry });
      at += entry.word.length;
    }
    found.forEach(({ at, entry }, i) => {
      if (entry.polarity === 0) return;
      const next = found[i + 1];
      // "没有问题": 没有 is the negator of the next hit, not a complaint of its own.
      if (NEGATOR_SET.has(entry.word) && next && next.at - (at + entry.word.length) <= 2) return;
      const before = clause.body.slice(Math.max(0, at - 6), at);
      const negated = NEGATED.test(before);
      let weight = entry.weight * clauseWeight * (INTENSIFIED.test(before) && !negated ? 1.3 : 1);
      let polarity: 1 | -1 = entry.polarity;
      if (polarity === 1 && expectation) weight *= 0.3;
      if (negated) {
        polarity = polarity === 1 ? -1 : 1;
        // "不太好" is a clear complaint even though "好" alone is weak praise; "不差" is faint praise.
        weight = polarity === -1 ? Math.max(weight * 0.9, 0.8 * clauseWeight) : weight * 0.6;
      }
      const start = clause.start + at;
      hits.push({ span: { start, end: start + entry.word.length }, word: entry.word, polarity, weight });
      if (polarity === 1) positive += weight;
      else negative += weight;
    });
  });
  return { positive, negative, hits };
}
