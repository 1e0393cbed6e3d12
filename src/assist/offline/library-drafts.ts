/**
 * Alternatives from the approved library (scripts and FAQ answers) for the intents the state says the
 * newest message carries, shown after the composed answer. A script is used only when it fits the
 * situation, every placeholder fills, and its category matches the product it is filled with.
 */
import type { AssistContext } from '../context.ts';
import { weightedQuery } from '../context.ts';
import type { DialogueState } from '../dialogue/dialogue-state.ts';
import { fitsNeed } from '../dialogue/read-focus.ts';
import { readCategory } from '../dialogue/read-category.ts';
import type { DraftCandidate } from '../engine-types.ts';
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import type { Product } from '../knowledge/schemas.ts';
import { tokenize } from '../knowledge/segment.ts';
import type { TagProposal } from '../suggestion-schema.ts';
import { FAQ_TOPIC_INTENTS } from './detect-intent.ts';
import { INTENT_TOPICS } from './find-faq.ts';
import { fillTemplate } from './fill-template.ts';
import type { FillValues } from './fill-template.ts';
import { fitsSituation, speaksOfGuideAsOther } from './fits-situation.ts';
import { aboveBudget, skinsOf } from './pick-products.ts';
import { rankCandidates } from './rank-drafts.ts';

/** Materials and kinds a text can claim a product is made of or is. */
const MADE_OF = /羊毛|羊绒|桑蚕丝|真丝|牛皮|羊皮|真皮|皮革|鞋|牛仔|纯棉|亚麻|925银|纯银|银饰|18K金|K金|首饰|大衣|针织|毛衣|羽绒/gu;

function madeOf(product: Product): string {
  return `${product.subcategory} ${product.name} ${String(product.attributes['材质'] ?? '')}`;
}

/** Scripts that name other kinds on purpose (what to wear it with, what to give beside it). */
const PAIRING: ReadonlySet<string> = new Set(['搭配建议', '送礼推荐']);

/** The kind of product a script's own words name, if any, is the product's kind. */
function kindFits(kb: KnowledgeBase, text: string, product: Product): boolean {
  const kind = readCategory(kb, text.replace(/\{[a-z_]+\}/gu, ' '))?.value;
  return !kind || kind.subcategories.length === 0 || fitsNeed(product, kind);
}

/** A script tagged for a skin type fits a product made for that skin (or for every skin). */
function skinsFit(tags: readonly string[], product: Product | readonly string[]): boolean {
  const skins = tags.filter((t) => t.startsWith('肤质/')).map((t) => t.slice(3));
  if (skins.length === 0) return true;
  const made = Array.isArray(product) ? product : skinsOf(product as Product);
  return made.length === 0 || made.includes('全肤质') || skins.some((skin) => made.includes(skin));
}


/** Script intents that answer each state intent (the extra intents borrow the nearest script intent). */
const SCRIPT_INTENTS: Record<string, string[]> = {
  议价: ['优惠活动'],
  营业时间: ['预约到店'],
  门店地址: ['预约到店'],
  发票: [],
  功效咨询: [],
};

export function libraryDrafts(kb: KnowledgeBase, context: AssistContext, state: DialogueState, tags: readonly TagProposal[], values: FillValues, only?: readonly string[]): DraftCandidate[] {
  const recommending = state.slots.skinType ? ['肤质推荐'] : state.slots.recipient ? ['送礼推荐'] : ['搭配建议'];
  const wanted = state.complaint ? ['投诉安抚', '售后'] : state.intents.flatMap((h) => (h.intent === '商品推荐' ? recommending : (SCRIPT_INTENTS[h.intent] ?? [h.intent])));
  if (only) wanted.splice(0, wanted.length, ...only);
  if (wanted.length === 0) return [];
  const intents = new Map<string, number>(wanted.map((intent, i) => [intent, 1 / (i + 1)]));
  const query = weightedQuery(context);
  const focus = state.slots.focus?.value;
  const productWords = new Set(focus ? tokenize(`${focus.name} ${focus.subcategory}`) : []);
  const scriptQuery = new Map([...query].filter(([term]) => !productWords.has(term)));
  const faqTopics = new Set(wanted.flatMap((intent) => INTENT_TOPICS[intent] ?? []));
  const out: DraftCandidate[] = [];
  for (const ranked of rankCandidates(kb, query, scriptQuery, intents, tags)) {
    if (out.length >= 4) break;
    if (ranked.kind === 'faq') {
      const topical = faqTopics.has(ranked.item.topic) || (FAQ_TOPIC_INTENTS[ranked.item.topic] ?? []).some((i) => wanted.includes(i));
      if (!topical || speaksOfGuideAsOther(ranked.item.answer)) continue;
      // Care advice is for a material: only when it names the product's kind or material.
      if (ranked.item.topic === '保养') {
        const words = ranked.item.answer.match(MADE_OF) ?? [];
        if (!focus || focus.category === '美妆' || !words.some((w) => madeOf(focus).includes(w))) continue;
      }
      out.push({ source: 'faq', sourceId: ranked.item.id, text: ranked.item.answer, approvedText: ranked.item.answer, products: [] });
      continue;
    }
    const script = ranked.item;
    if (!wanted.includes(script.intent) || !fitsSituation(script.text, state) || speaksOfGuideAsOther(script.text)) continue;
    const usesProduct = /\{(?:product_name|price)\}/u.test(script.text);
    const purchase = /上次|之前买/u.test(script.text) ? state.relationship.purchases[0] : undefined;
    const product = purchase ?? focus;
    if (usesProduct && state.complaint && !purchase) continue;
    // A defect or a reaction is not a change of mind: no "不合适没关系，无理由退换" for it.
    if (state.complaint && state.complaint.kind !== 'general' && /不合适没关系|无理由/u.test(script.text)) continue;
    const categories = (script.tags ?? []).filter((t) => t.startsWith('意向品类/')).map((t) => t.slice(5));
    if (usesProduct && product && categories.length > 0 && !categories.includes(product.category)) continue;
    // "有没有便宜点的": a script about the product the customer found too dear is no answer.
    const budget = state.slots.budget?.value;
    if (usesProduct && product && budget && aboveBudget(product.price, budget)) continue;
    // "{product_name}是桑蚕丝面料" filled with a denim jacket (or "纯棉面料…" beside a wool coat) would say
    // something false about the product in view.
    if (product && (script.text.match(MADE_OF) ?? []).some((w) => !madeOf(product).includes(w.replace('纯棉', '棉')))) continue;
    // "选粉底液…油皮选{product_name}" filled with a face cream: the script is about another kind of product.
    if (usesProduct && product && !PAIRING.has(script.intent) && !kindFits(kb, script.text, product)) continue;
    // "油皮夏天可以用{product_name}" filled with a cream made for dry skin says it suits a skin it does not.
    if (usesProduct && product && !skinsFit(script.tags ?? [], product)) continue;
    // "干皮秋冬可以试试…" to a customer who said 油皮.
    if (!skinsFit(script.tags ?? [], state.slots.skinType ? [state.slots.skinType.value] : [])) continue;
    const text = fillTemplate(script.text, { ...values, product_name: product?.name, price: product?.price });
    if (!text) continue;
    // "换个别的": not a script for the one just turned down.
    const turnedDown = kb.products.filter((p) => state.slots.variant?.value.besides.includes(p.sku));
    if (turnedDown.some((p) => text.includes(p.name))) continue;
    // A learned script is a guide's words a manager liked, not policy text: its offers are checked as written.
    out.push({ source: 'script', sourceId: script.id, text, ...(script.learned ? {} : { approvedText: script.text }), products: usesProduct && product ? [product] : [] });
  }
  return out;
}
