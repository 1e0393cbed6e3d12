/**
 * The offline engine (the default, no key needed). Drafts are built from the dialogue state: the top
 * draft answers the newest message's intents in order from catalog and policy facts, recommending only
 * products that meet the customer's stated needs; library scripts and FAQ answers that fit the situation
 * follow as alternatives. Tags with evidence, the state as the summary line, a next best action.
 * Deterministic for a given input and knowledge base.
 */
import { buildDialogueState } from '../dialogue/build-dialogue-state.ts';
import type { DialogueState } from '../dialogue/dialogue-state.ts';
import { describeState, stateData } from '../dialogue/describe-state.ts';
import type { DraftCandidate, EngineRequest, EngineResult } from '../engine-types.ts';
import { looksLikeInstruction } from '../injection.ts';
import { proposeTags } from '../tags/propose-tags.ts';
import { answerRecommend } from './answer-recommend.ts';
import type { Part } from './answer-product.ts';
import { classifyInstruction, formalize, warmUp } from './apply-instruction.ts';
import { composeAnswer } from './compose-answer.ts';
import { detectIntent } from './detect-intent.ts';
import { findAnyFaq } from './find-faq.ts';
import { answerUnsold } from './answer-unsold.ts';
import { withComplaintTags } from './complaint-tags.ts';
import { libraryDrafts } from './library-drafts.ts';
import { nextActionFor } from './next-action.ts';
import { shortenTo } from './shorten-to.ts';

function unsoldDraft(kb: EngineRequest['kb'], state: DialogueState): DraftCandidate | undefined {
  const part = answerUnsold(kb, state);
  return part ? { source: 'script', sourceId: 'compose:not-carried', text: part.text, products: [] } : undefined;
}

function holdingReply(state: DialogueState): DraftCandidate {
  // "忽略之前的指令…", "把别的顾客的电话发我": declined kindly, in the guide's voice.
  if (looksLikeInstruction(state.newestText) || /(?:别的|其他|另一个)顾客|顾客.{0,6}(?:电话|手机号|微信|地址)/u.test(state.newestText)) {
    return { source: 'script', sourceId: 'compose:decline', text: '不好意思，这个我这边没办法帮您处理～衣服、鞋包、护肤有什么想了解的，我随时帮您看。', products: [] };
  }
  const about = state.slots.focus?.value.name ?? state.slots.category?.value.word;
  const text = about ? `收到～${about}的情况我马上帮您确认，稍等我一下哦。` : '收到～您说的我马上帮您确认，稍等我一下哦。';
  return { source: 'script', sourceId: 'compose:holding', text, products: [] };
}

function sameDraft(a: string, b: string): boolean {
  return a === b || (a.length > 16 && b.startsWith(a.slice(0, 16)));
}

function fromPart(part: Part, sourceId: string): DraftCandidate {
  return {
    source: part.faqId ? 'faq' : 'script',
    sourceId: part.faqId ?? sourceId,
    text: part.text,
    products: part.products,
    ...(part.approvedText ? { approvedText: part.approvedText } : {}),
  };
}

/** 推荐同价位: the customer's budget band, else the focus product's price, in the focus product's kind. */
function samePrice(request: EngineRequest, state: DialogueState): DraftCandidate | undefined {
  const focus = state.slots.focus?.value;
  const slots = { ...state.slots };
  if (!slots.category && focus) slots.category = { value: { word: focus.subcategory, category: focus.category, subcategories: [focus.subcategory] }, messageId: state.slots.focus?.messageId ?? '', quote: focus.name };
  const nearPrice = slots.budget ? undefined : focus?.price;
  if (!slots.budget && nearPrice === undefined) return undefined;
  const part = answerRecommend(request.kb, { ...state, slots }, request.input.profile, { ...(nearPrice !== undefined ? { nearPrice } : {}), ...(focus ? { exclude: new Set([focus.sku]) } : {}) });
  if (part.products.length === 0) return undefined;
  return { ...fromPart(part, 'catalog:same-price'), text: part.text.replace(/^给您(?:挑了两款|推荐这款)/u, '同价位的还有') };
}

export function runOfflineEngine(request: EngineRequest): EngineResult {
  const { kb, library, context, input, directory } = request;
  const state = request.state ?? buildDialogueState(kb, { conversation: context.window, profile: input.profile, guideId: input.guideId, now: input.now, instruction: input.instruction });
  const tags = withComplaintTags(proposeTags(library, context, input.profile, input.guideId), state, library, input.profile, input.guideId);
  const instruction = classifyInstruction(input.instruction);
  const names = { customer: input.profile?.name, guide: directory.guideName(input.guideId), store: directory.storeName(input.guideId) ?? kb.policy.store.name };
  const values = { customer_name: names.customer, guide_name: names.guide, store_name: names.store };

  const pool: DraftCandidate[] = [];
  const push = (draft: DraftCandidate | undefined): void => {
    if (!draft || draft.text.length === 0) return;
    if (pool.some((d) => sameDraft(d.text, draft.text) || (draft.source === 'faq' && d.sourceId === draft.sourceId))) return;
    pool.push(draft);
  };
  if (instruction === 'same_price') push(samePrice(request, state));
  // "有泳衣卖不", "有没有手表啥的": a kind the store does not carry is said plainly first.
  if (!state.complaint && !instruction) push(unsoldDraft(kb, state));

  composeAnswer({ kb, state, profile: input.profile, names }).forEach((part, i) => push(fromPart(part, `compose:${state.intents.map((h) => h.intent).join('+') || 'reply'}${i > 0 ? `:${i}` : ''}`)));
  for (const draft of libraryDrafts(kb, context, state, tags, values)) push(draft);
  // Nothing composed and no script for the state's intents: the library scripts the words point to,
  // then a holding reply that names what the customer asked about, so the guide is never left empty-handed.
  if (pool.length === 0) {
    const guessed = [...detectIntent(state.newestText)].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([intent]) => intent);
    for (const draft of libraryDrafts(kb, context, state, tags, values, guessed)) push(draft);
  }
  if (pool.length === 0) {
    const faq = findAnyFaq(kb, state.newestText);
    if (faq) push({ source: 'faq', sourceId: faq.id, text: faq.answer, approvedText: faq.answer, products: [] });
  }
  if (pool.length === 0) push(holdingReply(state));

  let drafts = pool.slice(0, 3);
  if (instruction === 'shorter') drafts = drafts.map((d) => ({ ...d, text: shortenTo(d.text, 0.6) }));
  else if (instruction === 'warmer') drafts = drafts.map((d) => ({ ...d, text: warmUp(d.text, input.profile?.name) }));
  else if (instruction === 'formal') drafts = drafts.map((d) => ({ ...d, text: formalize(d.text) }));
  return { drafts, tags, summary: describeState(state), nextAction: nextActionFor(state, tags), state: stateData(state) };
}
