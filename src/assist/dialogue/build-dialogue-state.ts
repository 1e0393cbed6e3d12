/**
 * buildDialogueState(conversation, profile): the state a draft is built from. Slots are read from every
 * customer message oldest first, so a later statement replaces an earlier one and each slot remembers
 * the message it came from; the intents are the newest message's only. A change of category (服装 →
 * 鞋履) drops the size, which belongs to the old one.
 */
import type { ChatMessage, CustomerProfile } from '../../conversation/model.ts';
import { looksLikeInstruction } from '../injection.ts';
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import type { CategoryNeed, DialogueState, Slot, Slots } from './dialogue-state.ts';
import type { Product } from '../knowledge/schemas.ts';
import { readComplaint, stillOpen } from './read-complaint.ts';
import { fitsNeed, productsInOrder, readFocus } from './read-focus.ts';
import { ELSEWHERE_THEN_HERE, EVIDENCE_SENT, LONG_WEAR, MISHAP, REPLACEMENT } from './complaint-words.ts';
import { OTHER_QUESTION } from './read-intents.ts';
import { newestIntents } from './newest-intents.ts';
import { toMandarin } from './to-mandarin.ts';
import { shadedByTone } from './read-skin-tone.ts';
import { colourNames, readNeeds, WARM_CLOTHES } from './read-needs.ts';
import type { Needs } from './read-needs.ts';
import { readRelationship } from './read-relationship.ts';
import { readUnsold } from './read-unsold.ts';
import { withoutPartOfShown } from './part-of-shown.ts';
import { madeFor } from '../offline/pick-products.ts';
import { readVariant, variantScore } from './read-variant.ts';

export interface StateInput {
  conversation: readonly ChatMessage[];
  profile?: CustomerProfile | undefined;
  guideId: string;
  now: number;
  /** A regenerate instruction may state a need too ("推荐黑色的"); it fills slots but carries no intent. */
  instruction?: string | undefined;
  windowSize?: number;
}

const LETTERS = ['XS', 'S', 'M', 'L', 'XL', 'XXL', 'XXXL'];

function stepSize(size: string, step: 1 | -1): string | undefined {
  if (/^\d{2}$/u.test(size)) return String(Number(size) + step);
  const at = LETTERS.indexOf(size);
  return at >= 0 ? LETTERS[at + step] : undefined;
}

/** A shoe size said as a bare number, not an age, a weight, a length or a price. */
const BARE_SHOE = /(?<![\d.])(3[4-9]|4[0-6])(?![\d.]|岁|斤|kg|cm|元|块)/u;

/** "以前37 现在肿了估计要38了": after the size they used to take, the later one is wanted. */
function newestBareShoe(text: string): RegExpExecArray | null {
  const all = [...text.matchAll(new RegExp(BARE_SHOE.source, 'gu'))];
  const [first, last] = [all[0], all.at(-1)];
  if (all.length >= 2 && first && last && /(?:以前|原来|之前|本来|平时)(?:是|穿)?\s*$/u.test(text.slice(0, first.index))) return last as RegExpExecArray;
  return BARE_SHOE.exec(text);
}

function applyNeeds(slots: Slots, needs: Needs, messageId: string): void {
  if (needs.category && !(slots.category && needs.categoryOwned)) {
    if (slots.category && slots.category.value.category !== needs.category.value.category) {
      delete slots.size;
      delete slots.budget;
      delete slots.colour;
      delete slots.colourWish;
    }
    slots.category = { ...needs.category, messageId };
  }
  if (needs.anyMaterial) delete slots.material;
  for (const key of ['budget', 'size', 'body', 'colour', 'skinType', 'occasion', 'recipient', 'gender', 'material', 'child', 'avoid', 'colourWish', 'personalised', 'skinTone'] as const) {
    const reading = needs[key];
    if (reading) (slots as Record<string, unknown>)[key] = { ...reading, messageId };
  }
  // "有大一码的吗": one step from the size in play (letters S→M, shoes 37→38).
  // "我穿M有点紧 有大一码吗": one step from the size said with it.
  if (needs.sizeStep && slots.size) {
    const stepped = stepSize(slots.size.value, needs.sizeStep.value);
    if (stepped) slots.size = { value: stepped, messageId, quote: needs.sizeStep.quote };
  }
  // A size given as a letter supersedes the body measurements it was chosen from, and the other way round.
  if (needs.size && !needs.body) delete slots.body;
}

const AFTER_SALES: ReadonlySet<string> = new Set(['洗护', '售后', '投诉安抚']);
/** Services a customer may ask after without any problem: refunds, exchanges, delivery, invoices. */
const SERVICE_ASKS: ReadonlySet<string> = new Set(['售后', '退款进度', '换货进度', '物流', '发票']);

/** "托特包昨天淋了雨": a kind named without the full name, and the customer bought one of that kind — theirs. */
function ownPurchase(focus: Slot<Product> | undefined, purchases: readonly Product[], window: readonly ChatMessage[]): Slot<Product> | undefined {
  if (!focus || purchases.some((p) => p.sku === focus.value.sku)) return focus;
  const said = window.find((m) => m.id === focus.messageId);
  if (!said || said.speaker !== 'customer' || said.text.includes(focus.value.name)) return focus;
  const mine = purchases.filter((p) => p.subcategory === focus.value.subcategory);
  return mine.length === 1 && mine[0] ? { ...focus, value: mine[0] } : focus;
}

export function buildDialogueState(kb: KnowledgeBase, input: StateInput): DialogueState {
  const asWritten = input.conversation.filter((m) => m.text.trim().length > 0).slice(-(input.windowSize ?? 12));
  // Read in Mandarin ("有冇M码" → "有没有M码"); the newest message as written is kept for display.
  const window = asWritten.map((m) => (m.speaker === 'customer' ? { ...m, text: toMandarin(m.text) } : m));
  // A message that tries to instruct the assistant is answered, but it is no evidence about the customer.
  const evidence = (m: ChatMessage): boolean => m.speaker === 'customer' && !looksLikeInstruction(m.text);
  const male = input.profile?.gender === 1;
  const slots: Slots = {};
  let newestNeeds: Needs = {};
  const newestCustomer = window.findLast((m) => m.speaker === 'customer');
  let guideSaid = '';
  let partAsked = false;
  for (const message of window) {
    // The guide's "芭蕾舞鞋37码有货" puts a size in play that "有大一码的吗" steps from.
    if (message.speaker === 'guide') {
      // Only a size the guide names on its own: "S到XL都有" lists the range, it puts no size in play.
      const said = readNeeds(kb, message.text, male).size;
      const listed = (message.text.match(/(?<![A-Za-z])(?:XXL|XL|XS|S|M|L)(?![A-Za-z])|(?<!\d)(?:3[4-9]|4[0-6])(?!\d)/gu) ?? []).length > 1;
      if (said && !slots.size && !listed) slots.size = { ...said, messageId: message.id };
      // "这款是鹅绒的…" names nothing: the product shown before is still the one in view.
      if (productsInOrder(kb, message.text).length > 0 || productsInOrder(kb, guideSaid).length === 0) guideSaid = message.text;
      continue;
    }
    if (!evidence(message)) continue;
    newestNeeds = readNeeds(kb, message.text, male);
    // "帽子能拆下来不 我不喜欢带帽子的": a part of the product in view, asked about (not another kind, nor another one).
    if (message === newestCustomer) {
      const read = newestNeeds;
      newestNeeds = withoutPartOfShown(kb, guideSaid, read, message.text);
      partAsked = newestNeeds !== read;
    }
    applyNeeds(slots, newestNeeds, message.id);
    // "37，预算五百以内吧" earlier in a talk of shoes: the bare number was the size (the newest is read below).
    const bare = message === newestCustomer || newestNeeds.size ? null : BARE_SHOE.exec(message.text);
    if (bare && (slots.category?.value.category === '鞋履' || productsInOrder(kb, guideSaid).some((p) => p.category === '鞋履'))) slots.size = { value: bare[1] ?? '', messageId: message.id, quote: bare[0] };
    const compared = colourNames(kb, undefined, message.text);
    if (compared.length >= 2) slots.colourChoice = { value: compared, messageId: message.id, quote: compared.join('、') };
  }
  if (input.instruction) applyNeeds(slots, readNeeds(kb, input.instruction, male), 'instruction');
  // "37 短的" after 想买双靴子: with shoes in play, a bare 34–46 is the size.
  // "38换39": the size wanted is the one after 换.
  const bareShoe = newestCustomer ? (/换\s*(?:成|到)?\s*(3[4-9]|4[0-6])(?![\d.])/u.exec(newestCustomer.text) ?? newestBareShoe(newestCustomer.text)) : null;
  const shoeInView = slots.category?.value.category === '鞋履' || productsInOrder(kb, window.filter((m) => m.speaker === 'guide').at(-1)?.text ?? '').some((p) => p.category === '鞋履');
  if (bareShoe && shoeInView && !newestNeeds.size) slots.size = { value: bareShoe[1] ?? '', messageId: newestCustomer?.id ?? '', quote: bareShoe[0] };
  // Only with no kind in play: after talk of dresses, "有没有卖X的" is more likely about them.
  const unsold = newestCustomer && !slots.category ? readUnsold(kb, newestCustomer.text) : undefined;
  if (unsold && newestCustomer) slots.unsold = { ...unsold, messageId: newestCustomer.id };
  const lastGuideMessage = window.findLast((m) => m.speaker === 'guide');
  const shown = lastGuideMessage ? productsInOrder(kb, lastGuideMessage.text) : [];
  if (lastGuideMessage && shown.length >= 2) slots.shown = { value: shown, messageId: lastGuideMessage.id, quote: shown.map((p) => p.name).join('、') };
  const relationship = readRelationship(kb, window, input.profile, input.guideId, input.now);
  const read = ownPurchase(readFocus(kb, window, slots.category), relationship.purchases, window);
  // "不是我穿 给我老公的": a women's jacket in view is no answer for him.
  const forOther = read && slots.recipient && window.findIndex((m) => m.id === slots.recipient?.messageId) > window.findIndex((m) => m.id === read.messageId) && slots.recipient.value.gender !== undefined && madeFor(read.value) !== 'both' && madeFor(read.value) !== slots.recipient.value.gender;
  const focus = forOther ? undefined : read;
  if (focus) slots.focus = focus;
  const newest = window.findLast((m) => m.speaker === 'customer');
  // "阔腿的呢", "换个别的": another of the kind in view, as described.
  // "有没有平一点的 还要香槟色": a colour kept from before changes nothing of the ask.
  const keptColour = newest !== undefined && /(?:还|也|还是)(?:要|得)[^，。\s]{0,4}色/u.test(newest.text);
  const plain = !newestNeeds.category && (!newestNeeds.colour || keptColour) && !newestNeeds.size && !newestNeeds.budget && !newestNeeds.cheaper && !newestNeeds.recipient;
  const variantAsk = plain && !partAsked && focus && newest && newest.id !== focus.messageId ? readVariant(newest.text, focus.value, kb.products.filter((p) => p.subcategory === focus.value.subcategory)) : undefined;
  // "莫要皮鞋" after a pair of leather shoes: others of the category, not that kind.
  // ("哪双跟矮一点 我基本不穿高跟": a choice between the ones shown, asked with the reason.)
  if (!variantAsk && focus && newest && newestNeeds.avoid && focus.value.subcategory.includes(newestNeeds.avoid.value) && !newestNeeds.category && !(slots.shown && /哪(?:双|个|件|款|条)/u.test(newest.text))) {
    slots.category = { value: { word: focus.value.category, category: focus.value.category, subcategories: [] }, messageId: newest.id, quote: newestNeeds.avoid.quote };
    slots.variant = { value: { words: [], besides: [focus.value.sku] }, messageId: newest.id, quote: newestNeeds.avoid.quote };
  }
  const avoidAsk = slots.variant?.messageId === newest?.id && !variantAsk && slots.variant !== undefined;
  if (variantAsk && focus && newest) {
    // "换成平底的" after heels: when none of that kind has the trait, others of the category that do.
    const ofKind = kb.products.filter((p) => p.subcategory === focus.value.subcategory && p.sku !== focus.value.sku);
    const widen = variantAsk.words.length > 0 && !ofKind.some((p) => variantScore(p, variantAsk) > 0);
    slots.category = { value: { word: widen ? ({ 服装: '衣服', 鞋履: '鞋', 配饰: '配饰', 美妆: '护肤品' } as Record<string, string>)[focus.value.category] ?? focus.value.category : focus.value.subcategory, category: focus.value.category, subcategories: widen ? [] : [focus.value.subcategory] }, messageId: newest.id, quote: variantAsk.quote };
    slots.variant = { value: { words: variantAsk.words, besides: [focus.value.sku] }, messageId: newest.id, quote: variantAsk.quote };
  }
  // "有没有更便宜的": the same kind of product below the price of the one in focus.
  // "太长了 整个短点的呗": others of the kind in focus.
  if (newestNeeds.variant && focus && newest && !newestNeeds.category) {
    slots.category = { value: { word: focus.value.subcategory, category: focus.value.category, subcategories: [focus.value.subcategory] }, messageId: newest.id, quote: newestNeeds.variant.quote };
    // "这个太薄了 有没有更暖和的": another one, not the one turned down.
    slots.variant ??= { value: { words: [], besides: [focus.value.sku] }, messageId: newest.id, quote: newestNeeds.variant.quote };
  }
  if (newestNeeds.cheaper && focus && newest) {
    // "都要八九百啊 几百块钱的有没": cheaper than all the guide just showed, of their kinds.
    const shownNow = slots.shown?.messageId === lastGuideMessage?.id && slots.shown?.value.some((p) => p.sku === focus.value.sku) ? slots.shown.value : [focus.value];
    const floor = Math.min(...shownNow.map((p) => p.price));
    const kinds = [...new Set(shownNow.filter((p) => p.category === focus.value.category).map((p) => p.subcategory))];
    // "有没有便宜点的 一千来块的": a budget said with it is the budget.
    if (!newestNeeds.budget) slots.budget = { value: { kind: 'max', lo: 0, hi: Math.floor((floor * 0.95) / 10) * 10 }, messageId: newest.id, quote: newestNeeds.cheaper.quote };
    slots.category = { value: { word: slots.category?.value.word ?? focus.value.subcategory, category: focus.value.category, subcategories: kinds }, messageId: newest.id, quote: newestNeeds.cheaper.quote };
    slots.variant = { value: { words: [], besides: shownNow.map((p) => p.sku) }, messageId: newest.id, quote: newestNeeds.cheaper.quote };
  }
  if (newestNeeds.dearer && focus && newest) {
    // Above the one in view, within a budget said with it.
    const lo = Math.ceil((focus.value.price * 1.05) / 10) * 10;
    const hi = newestNeeds.budget?.value.hi ?? slots.budget?.value.hi ?? Number.POSITIVE_INFINITY;
    slots.budget = { value: hi > lo && Number.isFinite(hi) ? { kind: 'range', lo, hi } : { kind: 'min', lo, hi: Number.POSITIVE_INFINITY }, messageId: newest.id, quote: newestNeeds.dearer.quote };
    slots.category = { value: { word: slots.category?.value.word ?? focus.value.subcategory, category: focus.value.category, subcategories: [focus.value.subcategory] }, messageId: newest.id, quote: newestNeeds.dearer.quote };
    slots.variant = { value: { words: [], besides: [focus.value.sku] }, messageId: newest.id, quote: newestNeeds.dearer.quote };
  }
  // "先帮我看看我妈的 她六十了 特别怕冷 一千以内": no kind named in the whole talk, someone who feels the cold wants something warm.
  if (!slots.category && newest && /(?<!不)怕冷|怕冻|手脚冰凉/u.test(newest.text) && !/店里|屋里/u.test(newest.text)) slots.category = { value: WARM_CLOTHES, messageId: newest.id, quote: '怕冷' };
  if (slots.category) {
    // From the message that named the kind, or a later one that named someone else to buy for.
    const from = Math.max(...[slots.category.messageId, slots.recipient?.messageId].map((id) => window.findIndex((m) => m.id === id)));
    const words = window.slice(Math.max(0, from)).filter(evidence).map((m) => m.text);
    if (words.length > 0) slots.wishes = { value: words.join(' '), messageId: newest?.id ?? '', quote: words.join(' ') };
  }
  const lastGuide = window.findLastIndex((m) => m.speaker === 'guide');
  const unanswered = window.slice(lastGuide + 1).filter((m) => m.speaker === 'customer');
  const bought = (input.profile?.facts ?? []).some((f) => f.key === 'purchase');

  let intents = (variantAsk || avoidAsk || (newestNeeds.dearer && focus)) && newest && !newestNeeds.cheaper ? [{ intent: '商品推荐', clause: newest.text, question: true, score: 1 }] : newestIntents(kb, window, newest, newestNeeds, male);
  // "冬天要穿厚袜子 还是拿38吧": a size settled on for the one in view, with nothing else asked.
  if (newest && focus && slots.size?.messageId === newest.id && intents.length === 0) intents = [{ intent: '库存咨询', clause: newest.text, question: true, score: 3 }];
  // "我有点黄黑 选哪个色号啊": the shade of the foundation in view, for the tone told.
  if (newest && shadedByTone(focus?.value.attributes['色号']) && newestNeeds.skinTone && /色号|哪个色|哪个号|选哪个|几号|什么号/u.test(newest.text)) {
    intents = [{ intent: '颜色建议', clause: newest.text, question: true, score: 4 }];
  }
  // "昨天下雨淋了几滴 有几个水印 要怎么弄啊": a mishap of their own and how to deal with it, asked apart.
  if (newest && MISHAP.test(newest.text) && /怎么|咋|如何|能弄/u.test(newest.text) && intents.length > 0 && intents.every((h) => h.intent === OTHER_QUESTION)) {
    intents = [{ intent: '洗护', clause: newest.text, question: true, score: 3.5 }];
  }
  // "黑的我已经有一个了 换个颜色 哪个百搭点": which other colour of the product in view.
  const wish = newestNeeds.colourWish?.value;
  if (newest && focus && wish && (wish.avoid.length > 0 || wish.another) && !newestNeeds.category && !newestNeeds.size && !newestNeeds.colour && !newestNeeds.budget && intents.every((h) => ['其他问题', '库存咨询', '比较', '颜色建议', '尺码咨询', '商品推荐'].includes(h.intent))) {
    intents = [{ intent: '颜色建议', clause: newest.text, question: true, score: 4 }];
  }
  // "想退" … "运费谁出啊": the postage of the return talked about, not of a parcel.
  const returnTalk = window.slice(-4, -1).some((m) => /退|换/u.test(m.text));
  if (newest && intents.length === 1 && intents[0]?.intent === '物流' && /运费|邮费/u.test(newest.text) && returnTalk) intents = [{ intent: '售后', clause: `退货 ${newest.text}`, question: true, score: 3 }];
  // "正在安排换货" … "那大概多久能处理好": how long the exchange or refund under way takes.
  const underWay = lastGuideMessage && /换货|退货|退款|寄回|签收了您|收到您寄回|售后/u.test(lastGuideMessage.text);
  if (newest && underWay && /多久|什么时候|啥时候|几天|多长时间|何时/u.test(newest.text) && !newestNeeds.category && intents.every((h) => !['物流', '售后', '会员积分', '发票'].includes(h.intent) || h.intent === '物流')) {
    intents = [{ intent: /退款/u.test(lastGuideMessage?.text ?? '') ? '退款进度' : '换货进度', clause: newest.text, question: true, score: 3 }];
  }
  // "之前网上买的包 链条掉漆 … 想换个你们家的": trouble with one from elsewhere, and a new one wanted here.
  const burst = (unanswered.length > 0 ? unanswered : newest ? [newest] : []).map((m) => m.text).join(' ');
  const ownOfKind = slots.category !== undefined && relationship.purchases.some((p) => fitsNeed(p, slots.category?.value as CategoryNeed));
  // "我那个钱包用了五六年 边都磨毛了 … 想换个新的": an old or broken one of their own, and a new one wanted.
  const wornOut = LONG_WEAR.test(burst) || (relationship.purchases.length === 0 && /旧|坏|破|烂|磨|开口笑|掉色|不行了/u.test(burst));
  const replacing = newest !== undefined && slots.category !== undefined && !ownOfKind && !intents.some((h) => h.intent === '隐私') && (ELSEWHERE_THEN_HERE.test(burst) || (REPLACEMENT.test(newest.text) && wornOut));
  if (replacing && newest) intents = [{ intent: '商品推荐', clause: newest.text, question: true, score: 3 }, ...intents.filter((h) => h.intent !== '售后' && h.intent !== '商品推荐' && h.intent !== '投诉安抚')];
  // "拍好了 怎么处理": a complaint the guide has answered is still open while the customer keeps on about it.
  const fresh = readComplaint((unanswered.length > 0 ? unanswered : newest ? [newest] : []).filter(evidence), bought, window.slice(Math.max(0, lastGuide - 2), lastGuide + 1).filter(evidence));
  // "那L这件我怎么处理": a trouble question in the newest message carries on the problem told before it.
  // "吊牌上也写的黑色 订单截图也给你了 … 你们仓库怎么配的货": anger at the store, with the evidence asked for, is the problem told before.
  const followsUp = fresh?.kind === 'service' && newest !== undefined && (EVIDENCE_SENT.test(newest.text) || /吊牌|订单/u.test(newest.text));
  // "她刚又跟我说上衣领口也有一小块 两件都有": more of the same problem, whatever part it names.
  const addsToIt = !fresh && newest !== undefined && /也有|也是|又发现|还发现|两(?:件|个|双|只)都/u.test(newest.text) && !/想买|想要|推荐|有没有|再买|再来/u.test(newest.text);
  const carried = !fresh || fresh.kind === 'general' || followsUp || addsToIt ? stillOpen(window.slice(0, lastGuide + 1).filter(evidence), newestNeeds, intents, bought, followsUp || addsToIt) : undefined;
  const told = carried ?? fresh;
  // "鞋子磨脚磨得我想哭 … 想找一双 37码 黑色 不超过900": a full request from someone with nothing bought
  // here is a request; the trouble they had elsewhere is why they ask.
  // ("300左右 一定要油皮能用的 之前用厚面霜闷痘了": the kind may have been named a turn before.)
  const request = intents[0]?.intent === '商品推荐' && (newestNeeds.category ?? slots.category) && [newestNeeds.budget, newestNeeds.size, newestNeeds.colour, newestNeeds.skinType].filter(Boolean).length >= 2;
  // "什么服务态度", "你们文案写得真好": the intent reader heard a complaint the problem words did not name.
  const heard = !told && newest && evidence(newest) && intents[0]?.intent === '投诉安抚' ? { kind: /店员|服务|态度|导购|客服|理我|不理/u.test(newest.text) ? ('service' as const) : ('general' as const), messageId: newest.id, quote: newest.text.slice(0, 40) } : undefined;
  // "寄回去了 多久能退款": no problem named, only the service asked after; the service is the answer.
  // "牛仔裤腰有点大 想退了" … "吊牌在 前天到的 怎么寄回去": a return for fit, carried on, is the service asked.
  const forFit = told?.ongoing === true && /大|小|不合适|不喜欢|退|换|不要了/u.test(told.quote);
  const serviceOnly = told?.kind === 'general' && !told.problem && (!told.ongoing || forFit) && (intents[0]?.question === true || forFit) && SERVICE_ASKS.has(intents[0]?.intent ?? '');
  // "沁润那个我以前用过 太厚了 闷得长闭口 换个别的": a suggestion turned down with what it did to them once,
  // and another asked for, is a request; nothing bought here went wrong.
  const inView = slots.focus?.value;
  const turnedDown = newest !== undefined && inView !== undefined && slots.variant?.messageId === newest.id && intents[0]?.intent === '商品推荐' && (lastGuideMessage?.text.includes(inView.name) ?? false) && !relationship.purchases.some((p) => p.sku === inView.sku);
  const complaint = told && !serviceOnly && !replacing && !turnedDown && !(request && !bought && relationship.purchases.length === 0) ? told : heard;
  // "托特包淋了雨 咋办": care or after-sales for a kind the customer bought is about theirs.
  // "上次那双小白鞋…还有没有别的色儿 想再整一双": another of the one bought.
  // "这鞋穿上贼拉舒服 … 给她也整一双 38的有不": the same one again, for someone else.
  const again = newest !== undefined && ((/再(?:整|买|来|要)|换着|又想|别的色|别的颜色/u.test(newest.text) && intents.some((h) => h.intent === '库存咨询')) || (/也(?:想)?(?:整|买|来|要|入)(?:一)?(?:双|件|条|个|瓶|支|只|套)/u.test(newest.text) && intents.some((h) => ['库存咨询', '尺码咨询', '商品推荐'].includes(h.intent))));
  if (!slots.focus && slots.category && (complaint || again || intents.some((h) => AFTER_SALES.has(h.intent)))) {
    const need = slots.category.value;
    const mine = relationship.purchases.filter((p) => p.category === need.category && (!need.subcategories?.length || need.subcategories.includes(p.subcategory)));
    if (mine.length === 1 && mine[0]) slots.focus = { value: mine[0], messageId: slots.category.messageId, quote: slots.category.quote };
  }
  // "新的这件没毛病了 … 给我妹也买一件 她穿S 米白的还有吗": the one thing bought, again.
  const [only] = relationship.purchases;
  if (!slots.focus && !slots.category && again && newest && only && relationship.purchases.length === 1) slots.focus = { value: only, messageId: newest.id, quote: newest.text.slice(0, 12) };
  // "39有吗 不合适能换不": a bare shoe size asked after a shoe is a size question, first.
  if (slots.size?.quote === bareShoe?.[0] && slots.size?.messageId === newest?.id && newest && /^\s*(?:(?:我|他|她)?(?:男朋友|女朋友|老公|老婆|朋友|儿子|女儿|爸|妈|我|他|她)(?:的|穿)?)?\s*(?:有没有|有)?\s*\d{2}\s*(?:码|的)?\s*(?:有吗|有没有|有伐|有不|有么|吗|没|不)/u.test(newest.text) && !intents.some((h) => h.intent === '尺码咨询' || h.intent === '库存咨询')) {
    intents = [{ intent: '尺码咨询', clause: newest.text, question: true, score: 3 }, ...intents.filter((h) => h.intent !== OTHER_QUESTION)];
  }
  return {
    newestMessageId: newest?.id,
    newestText: newest?.text ?? '',
    newestSaid: asWritten.findLast((m) => m.speaker === 'customer')?.text ?? '',
    intents,
    slots,
    ...(complaint ? { complaint } : {}),
    relationship,
  };
}
