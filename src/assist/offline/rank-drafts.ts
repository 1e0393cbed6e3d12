/**
 * Scripts and FAQ answers ranked against the conversation: lexical relevance (BM25 over the weighted
 * conversation), the detected intent, and the tags proposed for it. Deterministic: ties break by id.
 */
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import type { Faq, Script } from '../knowledge/schemas.ts';
import type { TagProposal } from '../suggestion-schema.ts';
import { FAQ_TOPIC_INTENTS } from './detect-intent.ts';

export interface RankedScript {
  kind: 'script';
  item: Script;
  score: number;
}

export interface RankedFaq {
  kind: 'faq';
  item: Faq;
  score: number;
}

export type Ranked = RankedScript | RankedFaq;

/** Occasions a script can presume wrongly; 通勤 and 运动 scripts read fine for anyone. */
const PRESUMED_EVENTS: ReadonlySet<string> = new Set(['场合/婚礼', '场合/约会', '场合/生日']);
const BM25_WEIGHT = 1;
const INTENT_WEIGHT = 1.5;
const TAG_WEIGHT = 0.25;
/** An FAQ answer must match the words too: its topic alone does not make it the answer. */
const FAQ_MIN_RELEVANCE = 0.35;

/**
 * `scriptQuery` leaves out the words of the product being discussed: scripts are templates with
 * {product_name}, so "羊毛呢大衣" in the question must not pull the wool-care script over the price one.
 */
export function rankCandidates(
  kb: KnowledgeBase,
  query: ReadonlyMap<string, number>,
  scriptQuery: ReadonlyMap<string, number>,
  intents: ReadonlyMap<string, number>,
  tags: readonly TagProposal[],
): Ranked[] {
  const scriptHits = kb.scriptIndex.search(scriptQuery, 40);
  const faqHits = kb.faqIndex.search(query, 10);
  // One scale for both indexes: a FAQ that matches better than any script outranks them.
  const top = Math.max(scriptHits[0]?.score ?? 0, faqHits[0]?.score ?? 0, 1e-9);
  const tagKeys = new Set(tags.map((t) => t.tag));
  const intentMass = [...intents.values()].reduce((a, b) => a + b, 0);
  const share = (intent: string): number => (intentMass > 0 ? (intents.get(intent) ?? 0) / intentMass : 0);

  const scripts = new Map<number, number>(scriptHits.map((h) => [h.doc, h.score / top]));
  // Every script of a likely intent competes, even with no word in common ("在吗" → 问候).
  kb.scripts.forEach((script, doc) => {
    if (share(script.intent) >= 0.3 && !scripts.has(doc)) scripts.set(doc, 0);
  });
  // "参加婚礼建议避开白色…" is for a wedding: a script that presumes an event only when the event is in play
  // ("…生日月的话" says its own condition).
  const occasionAbsent = (script: Script): boolean => {
    const occasions = (script.tags ?? []).filter((t) => PRESUMED_EVENTS.has(t) && !(t === '场合/生日' && script.text.includes('的话')));
    return occasions.length > 0 && !occasions.some((t) => tagKeys.has(t) || query.has(t.slice(3)) || scriptQuery.has(t.slice(3)));
  };
  const ranked: Ranked[] = [];
  for (const [doc, relevance] of scripts) {
    const script = kb.scripts[doc];
    if (!script || occasionAbsent(script)) continue;
    const tagHits = (script.tags ?? []).filter((t) => tagKeys.has(t)).length;
    ranked.push({ kind: 'script', item: script, score: BM25_WEIGHT * relevance + INTENT_WEIGHT * share(script.intent) + TAG_WEIGHT * tagHits });
  }
  for (const hit of faqHits) {
    const faq = kb.faqs[hit.doc];
    const relevance = hit.score / top;
    if (!faq || relevance < FAQ_MIN_RELEVANCE) continue;
    const topical = Math.max(0, ...(FAQ_TOPIC_INTENTS[faq.topic] ?? []).map(share));
    // Off-topic FAQ answers count at half: matching words alone rarely make the answer.
    ranked.push({ kind: 'faq', item: faq, score: BM25_WEIGHT * relevance * (0.5 + Math.min(topical, 0.5)) + INTENT_WEIGHT * topical });
  }
  return ranked.sort((a, b) => b.score - a.score || a.item.id.localeCompare(b.item.id));
}
