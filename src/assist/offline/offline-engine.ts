/**
 * The offline engine (the default, no key needed): reply drafts from the script library and FAQ,
 * filled from the catalog and the profile; tags with evidence; a summary and a next best action.
 * Deterministic for a given input and knowledge base.
 */
import { pendingText, weightedQuery } from '../context.ts';
import type { DraftCandidate, EngineRequest, EngineResult } from '../engine-types.ts';
import { toQuery } from '../knowledge/bm25-index.ts';
import type { Product } from '../knowledge/schemas.ts';
import { tokenize } from '../knowledge/segment.ts';
import { recommendProducts } from '../recommend-products.ts';
import type { TagProposal } from '../suggestion-schema.ts';
import { proposeTags } from '../tags/propose-tags.ts';
import { classifyInstruction, formalize, shorten, warmUp } from './apply-instruction.ts';
import { detectIntent, topIntent } from './detect-intent.ts';
import { fillTemplate, formatPrice } from './fill-template.ts';
import { findFocusProducts } from './focus-products.ts';
import { rankCandidates } from './rank-drafts.ts';
import { nextBestAction, summarize } from './summarize.ts';

const POOL = 8;
/** Tags that say which script intent fits ("投诉" → 投诉安抚). */
const TAG_INTENTS: Record<string, string> = { 售后: '售后', 投诉: '投诉安抚', 负面情绪: '投诉安抚', 送礼: '送礼推荐', 准备购买: '促成下单', 高意向: '促成下单', 比较: '搭配建议' };
const RECOMMENDING = new Set(['送礼推荐', '肤质推荐', '搭配建议']);

function intentScores(text: string, earlier: string, tags: readonly TagProposal[]): Map<string, number> {
  const scores = detectIntent(text);
  if (scores.size === 0) for (const [intent, score] of detectIntent(earlier)) scores.set(intent, score * 0.5);
  for (const tag of tags) {
    const name = tag.tag.slice(tag.tag.indexOf('/') + 1);
    const intent = TAG_INTENTS[name] ?? (tag.tag.startsWith('肤质/') ? '肤质推荐' : undefined);
    if (intent) scores.set(intent, (scores.get(intent) ?? 0) + 0.6 * tag.confidence);
  }
  return scores;
}

/** Candidates below this share of the best score are not shown. */
const RELATIVE_FLOOR = 0.3;

function sameDraft(a: string, b: string): boolean {
  return a === b || (a.length > 12 && b.startsWith(a.slice(0, 12)));
}

export function runOfflineEngine(request: EngineRequest): EngineResult {
  const { kb, library, context, input, directory } = request;
  const tags = proposeTags(library, context, input.profile, input.guideId);
  const focus = findFocusProducts(kb, context);
  const instruction = classifyInstruction(input.instruction);
  const query = weightedQuery(context);
  if (instruction === 'query' && input.instruction) toQuery(tokenize(input.instruction), 1, query);
  // Product names say what, not why: "羊毛呢大衣多少钱" asks a price, not about wool.
  const withoutNames = (text: string): string => focus.reduce((t, p) => t.split(p.name).join(' '), text);
  const pending = withoutNames(pendingText(context));
  const intents = intentScores(pending, withoutNames(context.customerMessages.map((m) => m.text).join('\n')), tags);
  const intent = topIntent(intents)?.intent;

  const recommendations = (): Product[] =>
    recommendProducts(kb, input.profile, context.window, 3, {
      library,
      guideId: input.guideId,
      tags: tags.map((t) => t.tag),
      ...(focus[0] ? { nearPrice: focus[0].price } : {}),
      exclude: new Set(focus.map((p) => p.sku)),
    }).flatMap((r) => kb.productBySku.get(r.sku) ?? []);
  const suggested = focus.length === 0 && intent !== undefined && RECOMMENDING.has(intent) ? recommendations().slice(0, 1) : [];
  const product = focus[0] ?? suggested[0];
  const values = {
    customer_name: input.profile?.name,
    guide_name: directory.guideName(input.guideId),
    store_name: directory.storeName(input.guideId) ?? kb.policy.store.name,
    product_name: product?.name,
    price: product?.price,
  };

  const pool: DraftCandidate[] = [];
  if (instruction === 'same_price') {
    const recs = recommendations();
    if (recs.length > 0) {
      const list = recs.map((p) => `${p.name}（${formatPrice(p.price)}元）`).join('、');
      pool.push({ source: 'script', sourceId: 'catalog:same-price', text: `同价位的还有${list}，需要的话我把图片和细节发给您看看～`, products: recs });
    }
  }
  const productWords = new Set(focus.flatMap((p) => tokenize(`${p.name} ${p.subcategory}`)));
  const scriptQuery = new Map([...query].filter(([term]) => !productWords.has(term)));
  const candidates = rankCandidates(kb, query, scriptQuery, intents, tags);
  // A weak match is worse than no draft: a size question must not get an apology or a membership pitch.
  const floor = (candidates[0]?.score ?? 0) * RELATIVE_FLOOR;
  for (const ranked of candidates.filter((r) => r.score >= floor)) {
    if (pool.length >= POOL) break;
    const approvedText = ranked.kind === 'script' ? ranked.item.text : ranked.item.answer;
    const text = ranked.kind === 'script' ? fillTemplate(ranked.item.text, values) : ranked.item.answer;
    if (!text || pool.some((d) => sameDraft(d.text, text))) continue;
    const usesProduct = ranked.kind === 'script' && /\{(?:product_name|price)\}/u.test(ranked.item.text);
    // A script written for one category ("配一条西装裤") must not be filled with a product of another.
    const categories = ranked.kind === 'script' ? (ranked.item.tags ?? []).filter((t) => t.startsWith('意向品类/')).map((t) => t.slice(5)) : [];
    if (usesProduct && product && categories.length > 0 && !categories.includes(product.category)) continue;
    pool.push({ source: ranked.kind, sourceId: ranked.item.id, text, approvedText, products: usesProduct && product ? [product] : [] });
  }

  let drafts = pool.slice(0, 3);
  if (instruction === 'shorter') {
    drafts = pool.slice(0, 5).sort((a, b) => a.text.length - b.text.length).slice(0, 3).map((d) => ({ ...d, text: shorten(d.text) }));
  } else if (instruction === 'warmer') {
    drafts = drafts.map((d) => ({ ...d, text: warmUp(d.text, input.profile?.name) }));
  } else if (instruction === 'formal') {
    drafts = drafts.map((d) => ({ ...d, text: formalize(d.text) }));
  }
  return {
    drafts,
    tags,
    summary: summarize(intent, context.lastCustomer?.text, focus, tags),
    nextAction: nextBestAction(intent, tags, focus),
  };
}
