/**
 * Product recommendations from the catalog for a customer: what they talked about (BM25 over the
 * catalog), their tags (category, budget band, occasion) and, on request, a price near a given one.
 * Prices always come from the catalog.
 */
import type { ChatMessage, CustomerProfile } from '../conversation/model.ts';
import { buildContext, weightedQuery } from './context.ts';
import { buildDialogueState } from './dialogue/build-dialogue-state.ts';
import type { DialogueState } from './dialogue/dialogue-state.ts';
import { reasonsFor } from './offline/describe-product.ts';
import { pickProducts } from './offline/pick-products.ts';
import type { KnowledgeBase } from './knowledge/build-knowledge-base.ts';
import type { Product } from './knowledge/schemas.ts';
import { parseBand } from './tags/extract-budget.ts';
import type { Band } from './tags/extract-budget.ts';
import type { TagLibrary } from './tags/tag-library.ts';

export interface Recommendation {
  sku: string;
  name: string;
  price: number;
  reason: string;
}

export interface RecommendOptions {
  /** Resolves the profile's tag ids to "组/标签". */
  library?: TagLibrary;
  guideId?: string;
  /** Extra tags, e.g. the ones just proposed for this conversation. */
  tags?: readonly string[];
  /** "推荐同价位": prefer prices within ±30% of this one. */
  nearPrice?: number;
  /** Products not to recommend (the one being discussed). */
  exclude?: ReadonlySet<string>;
}

const CATEGORIES = new Set(['服装', '美妆', '鞋履', '配饰']);

function profileTags(profile: CustomerProfile | undefined, options: RecommendOptions): string[] {
  const fromProfile = Object.values(profile?.relationships ?? {})
    .filter((r) => options.guideId === undefined || r.guideId === options.guideId)
    .flatMap((r) => r.tagIds)
    .flatMap((id) => {
      const tag = options.library?.byId.get(id);
      return tag ? [tag.key] : [];
    });
  return [...new Set([...fromProfile, ...(options.tags ?? [])])];
}

/** A men's product for a woman customer (or the other way round), by the catalog name (WeCom gender 1 male, 2 female). */
function wrongGender(product: Product, gender: number | undefined): boolean {
  if (gender === 2) return /^(男士|男款|男式)/u.test(product.name);
  if (gender === 1) return /^(女士|女款|女式)/u.test(product.name);
  return false;
}

function statesNeeds(state: DialogueState): boolean {
  const { slots } = state;
  return slots.category !== undefined || slots.budget !== undefined || slots.recipient !== undefined || slots.skinType !== undefined;
}

/**
 * What the customer said in this conversation (category, budget, size, recipient) is a hard constraint:
 * the picks come from the dialogue state, with reasons only where they are true.
 */
function fromState(kb: KnowledgeBase, state: DialogueState, profile: CustomerProfile | undefined, n: number, options: RecommendOptions): Recommendation[] {
  const picks = pickProducts(kb, state, profile, { n, ...(options.exclude ? { exclude: options.exclude } : {}), ...(options.nearPrice !== undefined ? { nearPrice: options.nearPrice } : {}) });
  const fits = picks.fits.length > 0;
  return (fits ? picks.fits : picks.nearest).map((product) => {
    const reasons = reasonsFor(product, state);
    return {
      sku: product.sku,
      name: product.name,
      price: product.price,
      reason: fits ? reasons.join('，') || `同为${product.subcategory || product.category}` : `最接近您的要求（${reasons.join('，') || product.subcategory}）`,
    };
  });
}

export function recommendProducts(
  kb: KnowledgeBase,
  profile: CustomerProfile | undefined,
  conversation: readonly ChatMessage[],
  n = 3,
  options: RecommendOptions = {},
): Recommendation[] {
  const state = buildDialogueState(kb, { conversation, profile, guideId: options.guideId ?? '', now: 0 });
  if (statesNeeds(state)) {
    const picked = fromState(kb, state, profile, n, options);
    if (picked.length > 0) return picked;
  }
  const tags = profileTags(profile, options);
  const names = tags.map((t) => t.slice(t.indexOf('/') + 1));
  const categories = new Set(names.filter((name) => CATEGORIES.has(name)));
  // What the customer is asking about right now outweighs what the profile says they liked before.
  const focus = new Set((options.tags ?? []).map((t) => t.slice(t.indexOf('/') + 1)).filter((name) => CATEGORIES.has(name)));
  const bands = names.flatMap((name) => parseBand(name) ?? []);
  const tagSet = new Set(tags);
  const query = weightedQuery(buildContext(conversation));
  const relevance = new Map<number, number>();
  const hits = query.size > 0 ? kb.productIndex.search(query, 60) : [];
  const top = hits[0]?.score ?? 1;
  for (const hit of hits) relevance.set(hit.doc, hit.score / top);

  const scored = kb.products.map((product, doc) => {
    const reasons: string[] = [];
    let score = (relevance.get(doc) ?? 0) * 2;
    if (wrongGender(product, profile?.gender)) score -= 3;
    if ((relevance.get(doc) ?? 0) >= 0.5) reasons.push('和您聊到的需求相关');
    if (focus.has(product.category)) score += 1.5;
    else if (categories.has(product.category)) score += focus.size > 0 ? 0 : 0.6;
    const fits = bands.some((band: Band) => product.price >= band.lo && product.price <= band.hi);
    if (bands.length > 0) score += fits ? 0.8 : -0.5;
    if (fits) reasons.push('在您的预算内');
    if (options.nearPrice !== undefined) {
      const ratio = Math.abs(product.price - options.nearPrice) / Math.max(options.nearPrice, 1);
      score += ratio <= 0.3 ? 1.2 - ratio : -1;
      if (ratio <= 0.3) reasons.push('价位相近');
    }
    const shared = (product.tags ?? []).filter((t) => tagSet.has(t) && !t.startsWith('预算/'));
    score += 0.3 * shared.length;
    const occasion = shared.find((t) => t.startsWith('场合/'));
    if (occasion) reasons.push(`适合${occasion.slice(occasion.indexOf('/') + 1)}`);
    return { product, score, reasons };
  });
  return scored
    .filter((s) => !options.exclude?.has(s.product.sku) && s.score > 0)
    .sort((a, b) => b.score - a.score || a.product.sku.localeCompare(b.product.sku))
    .slice(0, n)
    .map(({ product, reasons }: { product: Product; reasons: string[] }) => ({
      sku: product.sku,
      name: product.name,
      price: product.price,
      reason: reasons.length > 0 ? reasons.join('，') : `同为${product.subcategory || product.category}`,
    }));
}
