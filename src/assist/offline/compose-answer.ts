/**
 * The top draft: one answer part per intent of the newest message, in the state's order (the newest
 * question first), joined into one reply. A complaint replaces everything with the apology and the
 * policy path. Returns the parts so the engine can offer the pieces as alternatives too.
 */
import type { DialogueState, IntentHit } from '../dialogue/dialogue-state.ts';
import { aboutOwnPurchase } from '../dialogue/about-purchase.ts';
import { HOW_TO_CARE } from '../dialogue/intent-cues.ts';
import { OTHER_QUESTION, PRODUCT_ASKS, readIntents } from '../dialogue/read-intents.ts';
import { ABOUT_PRODUCT_ASK, answerAboutProduct, asksAboutProduct } from './answer-about-product.ts';
import { answerComplaint } from './answer-complaint.ts';
import { stockAside } from './answer-stock-aside.ts';
import { withChoiceConfirmed } from './choice-confirmed.ts';
import type { Part } from './answer-product.ts';
import { pickProducts, skinFits, withinBudget } from './pick-products.ts';
import { describeBudget } from '../dialogue/describe-state.ts';
import { priceTag, reasonsFor, sellingPoint } from './describe-product.ts';
import { addsToAnswer, withoutRepeats } from './adds-to-answer.ts';
import { withSkinSaid } from './skin-said.ts';
import { RECOMMENDING, answerIntent, anyFaq } from './answer-intent.ts';
import type { ComposeInput } from './answer-intent.ts';

/** Asks answered beside a complaint's apology: they are not about the problem itself. */
const ALSO_IN_COMPLAINT = new Set(['发票', '会员积分', '营业时间', '门店地址', '支付', '价保', '调货']);
/** What a customer may have asked and not had answered, behind a complaint about the service. */
const ASKED_UNANSWERED = new Set(['库存咨询', '尺码咨询', '物流']);

/** Beside an apology, the policy without the store's offers ("满减、会员折扣…不在价保范围内"): no pitch in a complaint. */
function withoutOffers(part: Part): Part {
  const clauses = part.text.split(/(?<=[；。])/u);
  const offer = (clause: string): boolean => /满减|满\d+减|活动|折扣|优惠/u.test(clause);
  // A clause kept before one left out ends its sentence there.
  const kept = clauses.flatMap((clause, i) => (offer(clause) ? [] : [offer(clauses[i + 1] ?? '') ? clause.replace(/；$/u, '。') : clause]));
  return kept.length > 0 ? { ...part, text: kept.join('').replace(/；$/u, '。') } : part;
}

function withImplicitFocus(input: ComposeInput, hit: IntentHit): ComposeInput {
  const { state } = input;
  if (state.slots.focus || !state.slots.category || !PRODUCT_ASKS.has(hit.intent) || hit.intent === '价格咨询') return input;
  // "你们家的鞋子是真皮的吗" is about the kind, not one pair; "这件毛衣…" is one we cannot see.
  if (/你们家|你们的|你们这|都是|[这那](?:件|款|条|双|个)/u.test(state.newestText)) return input;
  // A size or colour question names its constraint; only "素圈戒指有几号的" (no size given) is about one product.
  // "一米八 160斤 男士羽绒服什么码" is about the jacket that fits him: the kind is named, the body given.
  const sizedKind = hit.intent === '尺码咨询' && state.slots.body && !state.slots.size && (state.slots.category.value.subcategories?.length ?? 0) > 0;
  if (hit.intent === '库存咨询' || (hit.intent === '尺码咨询' && (state.slots.size || state.slots.body) && !sizedKind)) return input;
  const [best] = pickProducts(input.kb, state, input.profile, { n: 1 }).fits;
  return best ? { ...input, state: { ...state, slots: { ...state.slots, focus: { value: best, messageId: 'compose', quote: best.name } } } } : input;
}

/** A later part of a joined answer, without the product name or the pieces the answer already said ('' when nothing new is left). */
function laterPart(part: Part, said: string): string {
  let own = part.text.replace(/^好的[，,]/u, '');
  // "牛皮长款钱包：12个卡位…" after the name was said: once is enough.
  const named = /^([^：，。]{2,20})：/u.exec(own);
  if (named?.[1] && part.products.some((p) => p.name === named[1]) && said.includes(named[1])) own = own.slice(named[0].length);
  return withoutRepeats({ ...part, text: own }, [{ text: said, products: [] }])?.text ?? '';
}

function join(parts: readonly Part[]): Part | undefined {
  if (parts.length === 0) return undefined;
  if (parts.length === 1) return parts[0];
  // "还有想了解的随时问我～" closes the whole answer, not a part of it.
  let text = '';
  for (const [i, part] of parts.entries()) {
    const own = (i === 0 ? part.text : laterPart(part, text)).replace(i < parts.length - 1 ? /还有想了解的随时问我～$/u : /$^/u, '');
    if (own) text += i === 0 ? own : `另外，${own}`;
  }
  const approved = parts.flatMap((p) => (p.approvedText ? [p.approvedText] : [])).join('\n');
  return { text, products: [...new Map(parts.flatMap((p) => p.products).map((p) => [p.sku, p])).values()], ...(approved ? { approvedText: approved } : {}) };
}

/** An alternative to a recommendation: the best pick alone, with what makes it worth a look. */
function pitchOf(top: Part, state: DialogueState): Part[] {
  // Not a product the answer just said is made for another skin.
  const skin = state.slots.skinType?.value;
  const product = top.products.find((p) => skinFits(p, skin));
  if (!product || state.complaint || !state.intents.some((h) => RECOMMENDING.has(h.intent) || h.intent === '价格咨询')) return [];
  const reasons = reasonsFor(product, state);
  const point = sellingPoint(product);
  return [{ text: `${product.name}（${priceTag(product)}）${point ? `：${point}` : ''}${reasons.length > 0 ? `，${reasons.join('，')}` : ''}。需要的话我拍几张实拍图发您看看～`, products: [product] }];
}

/** Asks about the product in view, beside which a trait asked is answered too. */
const ABOUT_IN_VIEW: ReadonlySet<string> = new Set(['价格咨询', '库存咨询', '尺码咨询', '材质咨询', '洗护', '规格', '上身效果', '颜色建议', OTHER_QUESTION]);

/** After-sales asks: about an exchange or refund, or how one under way is going. */
const AFTER_SALES_ASKS: ReadonlySet<string> = new Set(['售后', '换货进度', '退款进度', '价保']);
const APOLOGY = /抱歉|不好意思|对不起|麻烦您了|添麻烦/u;

/** "不知道咋保养 能自己洗吗": how to look after what they bought is no trouble to apologise for. */
const caresFor = (state: DialogueState): boolean => HOW_TO_CARE.test(state.intents[0]?.clause ?? '') && !/退|换|坏了|问题|不行/u.test(state.intents[0]?.clause ?? '');

/** The top draft, then alternatives made from the same state. */
export function composeAnswer(input: ComposeInput): Part[] {
  const { state } = input;
  if (state.complaint) {
    // "发票到现在也没开 衣服还发错了颜色": the apology and the policy first, then the other ask answered too.
    const [apology, ...rest] = answerComplaint(input.kb, state, state.complaint);
    // Read piece by piece: an angry message often runs on without punctuation.
    const asked = [...state.intents, ...state.newestText.split(/\s+/u).flatMap((piece) => readIntents(piece))];
    // "问了三遍有没有我的码 一个回复都没有": a complaint about not being answered is answered now, without a pitch.
    // "问了那个店员三遍尺码都不带搭理": what was asked of someone else is told, not asked of the guide.
    const unanswered = state.complaint.kind === 'service' ? (h: IntentHit): boolean => ASKED_UNANSWERED.has(h.intent) && h.question : (): boolean => false;
    const also = [...new Map(asked.filter((h) => ALSO_IN_COMPLAINT.has(h.intent) || unanswered(h)).map((h) => [h.intent, h])).values()]
      .map((h) => ({ hit: h, part: answerIntent(input, h) }))
      .filter(({ hit, part }) => part !== undefined && (ALSO_IN_COMPLAINT.has(hit.intent) || part.products.length === 0) && (hit.question || hit.intent !== '会员积分'))
      .map(({ part }) => withoutOffers(part as Part));
    // "…另外之前看的那个垂感阔腿裤还有黑色S吗": a stock question about something else, answered plainly.
    const aside = stockAside(input.kb, state);
    if (aside) also.push(aside);
    // "前天买的 今天就便宜了？当冤大头是吧": what happened is said; the apology asks no more about it.
    const told = apology && also.length > 0 && /麻烦说一下具体情况/u.test(apology.text) ? { ...apology, text: apology.text.replace(/麻烦说一下具体情况[^。]*。/u, '') } : undefined;
    const joined = told && join([told, ...also]);
    if (told && joined) return [{ ...joined, text: joined.text.replace(`${told.text}另外，`, told.text) }, ...rest];
    return apology ? [join([apology, ...also]) ?? apology, ...rest] : rest;
  }
  const parts: Part[] = [];
  let current = input;
  // 有S码吗 is one question whether read as stock or as size: answer it once.
  const intents = state.intents.some((h) => h.intent === '库存咨询') && !state.slots.body ? state.intents.filter((h) => h.intent !== '尺码咨询') : state.intents;
  // A long message with more asks than a reply can carry: the questions first, in the order asked.
  const rank = (h: IntentHit): number => (h.question ? 0 : 2) + (RECOMMENDING.has(h.intent) || h.intent === '促成下单' ? 1 : 0);
  const chosen = intents.length > 3 ? [...intents].sort((a, b) => rank(a) - rank(b)).slice(0, 3).sort((a, b) => intents.indexOf(a) - intents.indexOf(b)) : intents;
  for (const hit of chosen) {
    const raw = answerIntent(withImplicitFocus(current, hit), hit);
    // The skin is answered once: by the material answer when one is asked, else beside the price or size.
    const skinHere = hit.intent === '材质咨询' || ((hit.intent === '规格' || hit.intent === '价格咨询') && !chosen.some((h) => h.intent === '材质咨询'));
    const answered = raw && skinHere ? withSkinSaid(raw, current.state) : raw;
    const part = answered && withoutRepeats(answered, parts);
    if (!part || !addsToAnswer(part, hit, parts)) continue;
    parts.push(part);
    // "推荐毛衣，穿啥码": the size answer is about the product just recommended.
    const recommended = part.products[0];
    if (recommended && !current.state.slots.focus) current = { ...current, state: { ...current.state, slots: { ...current.state.slots, focus: { value: recommended, messageId: 'compose', quote: recommended.name } } } };
  }
  // "在不在 问下你们支持分期吗": a greeting with an ask no intent covers — the FAQ that answers it, if one does.
  if (state.intents.length > 0 && state.intents.every((h) => h.intent === '问候') && /[?？吗呢]|问下|问一下|请问/u.test(state.newestText) && state.newestText.length > 6) {
    const faq = anyFaq(input.kb, state.newestText);
    if (faq) parts.push(faq);
  }
  // "M的 五百以内没问题吧": a budget said beside another ask about the product in view is answered too.
  const budget = state.slots.budget;
  const inView = state.slots.focus?.value;
  // Not for a budget derived from what was shown ("有没有更便宜的"), nor beside a request for others.
  const said = budget && budget.messageId === state.newestMessageId && !/便宜/u.test(budget.quote) && state.slots.variant?.messageId !== state.newestMessageId && !state.intents.some((h) => RECOMMENDING.has(h.intent));
  if (said && budget && inView && parts.length > 0 && withinBudget(inView.price, budget.value) && !parts.some((p) => p.text.includes(priceTag(inView)))) {
    parts.push({ text: `${inView.name}是${priceTag(inView)}，在您${describeBudget(budget.value)}的预算内。`, products: [inView] });
  }
  // "是宽松的还是修身的": no intent read, but a question about the product in view.
  const focus = state.slots.focus?.value;
  // "多少钱 我是特别干那种 够不够滋润": a trait asked after another ask, answered too.
  const aboutInView = state.intents.length > 0 && state.intents.every((h) => ABOUT_IN_VIEW.has(h.intent));
  const traitPiece = focus && parts.length > 0 && aboutInView ? state.newestText.split(/\s+/u).find((piece) => piece.length >= 3 && asksAboutProduct(focus, piece) && ABOUT_PRODUCT_ASK.test(piece) && !parts.some((p) => p.text.includes(piece))) : undefined;
  const trait = traitPiece && focus ? answerAboutProduct(focus, traitPiece) : undefined;
  // Not when the answer already says it ("H型直身" twice).
  const facts = (trait?.text.split('：')[1] ?? '').split(/[，。]/u).map((f) => f.replace(/^[^是]{0,4}是/u, '').slice(0, 4)).filter((f) => f.length >= 2);
  if (trait && facts.length > 0 && !facts.some((f) => parts.some((p) => p.text.includes(f)))) parts.push({ ...trait, text: trait.text.replace(/还有想了解的随时问我～$/u, '') });
  if (parts.length === 0 && focus && state.intents.every((h) => !h.question || h.intent === OTHER_QUESTION) && ABOUT_PRODUCT_ASK.test(state.newestText)) {
    const about = answerAboutProduct(focus, state.newestText);
    if (about) parts.push(about);
  }
  const joined = join(parts);
  if (!joined) return [];
  const top = withChoiceConfirmed(joined, state);
  // "我退的那件大衣 钱什么时候能退回来", "上次买的乐福鞋 能换38吗": after-sales about their own purchase opens
  // with an apology for the trouble, as a guide would, before the policy.
  if (AFTER_SALES_ASKS.has(state.intents[0]?.intent ?? '') && aboutOwnPurchase(state) && !APOLOGY.test(top.text.slice(0, 12)) && !caresFor(state)) {
    // "前天才买的 今天就降了": the price-protection terms, without the offers beside them.
    if (state.intents[0]?.intent === '价保') top.text = withoutOffers(top).text;
    top.text = `不好意思给您添麻烦了！${top.text}`;
  }
  // A first reply to a brand-new contact opens with a welcome; any first reply opens politely.
  if (!state.relationship.guideHasSpoken && !top.text.startsWith('好的') && !state.intents.some((h) => h.intent === '问候' || h.intent === '告别' || h.intent === '夸奖' || h.intent === '闲聊')) {
    top.text = `${state.relationship.isNew ? '您好，很高兴加上您！' : '您好，'}${top.text}`;
  }
  return [top, ...(parts.length > 1 ? parts : []), ...pitchOf(top, state)];
}
