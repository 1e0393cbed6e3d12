/**
 * The intents of the newest customer message, read in the conversation: product names say which one, not
 * why ("羊毛呢大衣多少钱" asks a price); "有没有便宜点的" is a request whatever else it says; a bare "S码" or
 * "预算八百" answering the guide's question carries on what the customer asked before.
 */
import type { ChatMessage } from '../../conversation/model.ts';
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import type { Product } from '../knowledge/schemas.ts';
import type { IntentHit } from './dialogue-state.ts';
import { productsInOrder } from './read-focus.ts';
import { OTHER_QUESTION, readIntents } from './read-intents.ts';
import { readNeeds } from './read-needs.ts';
import type { Needs } from './read-needs.ts';
import { withoutPartOfShown } from './part-of-shown.ts';
import { QUESTION } from './looks-like-question.ts';
import { ONE_FAQ_EACH } from './intent-cues.ts';
import { bestClause } from '../offline/answer-about-product.ts';

/** "这鞋子", "这双": the one in view pointed at, with or without a measure word. */
const POINTED = /这款|[那这](?:个|款|件|条|双|瓶|支|套|只|鞋|靴|包|裙|裤|衣服|大衣|外套|毛衣)/u;
const ASKS_FOR_OTHERS = /有没有|还有|别的|其他|推荐|想要|想买|换/u;

/** Pointed at the one product the guide just showed, asking what its description speaks to, and asking for no other. */
function aboutTheOneShown(shown: readonly Product[], text: string, needs: Needs): boolean {
  const [one] = shown;
  if (shown.length !== 1 || !one || !POINTED.test(text) || !QUESTION.test(text) || ASKS_FOR_OTHERS.test(text)) return false;
  const sameKind = !needs.category || needs.category.value.subcategories.includes(one.subcategory) || one.name.includes(needs.category.value.word) || needs.category.value.category === one.category && needs.category.value.subcategories.length === 0;
  const nothingElse = Object.keys(needs).every((k) => k === 'avoid' || k === 'occasion' || k === 'category' || k === 'categoryOwned');
  return sameKind && nothingElse && bestClause(one, text) !== undefined;
}

/** The questions of the customer's messages before the newest one since the guide last spoke, in the order asked. */
function burstAsks(kb: KnowledgeBase, window: readonly ChatMessage[], newest: ChatMessage, male: boolean): IntentHit[] {
  const lastGuide = window.findLastIndex((m) => m.speaker === 'guide');
  const burst = window.slice(lastGuide + 1).filter((m) => m.speaker === 'customer' && m !== newest);
  return burst.flatMap((m) => readIntents(m.text, (clause) => readNeeds(kb, clause, male)).filter((h) => h.question && !['问候', '告别', '闲聊', '夸奖', OTHER_QUESTION].includes(h.intent)));
}

export function newestIntents(kb: KnowledgeBase, window: readonly ChatMessage[], newest: ChatMessage | undefined, needs: Needs, male: boolean): IntentHit[] {
  if (!newest) return [];
  // Product names say what, not why: "羊毛呢大衣多少钱" asks a price, not about wool.
  const text = productsInOrder(kb, newest.text).reduce((t, p) => t.split(p.name).join('这款').split(p.name.split(/\s/u)[0] ?? p.name).join('这款'), newest.text);
  // "太贵了 有没有便宜点的": the same kind of product for less, whatever else the words suggest.
  const another: IntentHit = { intent: '商品推荐', clause: newest.text, question: true, score: 1 };
  // "安肌舒缓洁面乳多少钱 有没有更便宜的": the price of the one named first, then the cheaper ones.
  const priceFirst = needs.cheaper && text.includes('这款') ? /^[^，。？?]*?(?:多少钱|什么价|几块钱|多钱|价格多少)/u.exec(text) : null;
  if (priceFirst && needs.cheaper && priceFirst[0].length < text.indexOf(needs.cheaper.quote)) return [{ intent: '价格咨询', clause: priceFirst[0], question: true, score: 3 }, another];
  if (needs.cheaper || needs.variant) return [another];
  // "帽子能拆下来不 我不喜欢带帽子的": a part of the product just shown names no kind wanted.
  const guideSaid = window.findLast((m) => m.speaker === 'guide')?.text ?? '';
  // "帽子能拆吗" after "这款是鹅绒的…": a part of the product the guide last showed by name.
  const lastShown = window.findLast((m) => m.speaker === 'guide' && productsInOrder(kb, m.text).length > 0)?.text ?? guideSaid;
  const read = readIntents(text, (clause) => withoutPartOfShown(kb, lastShown, readNeeds(kb, clause, male), newest.text));
  // "那个轻薄羽绒服能收起来不 出差想塞箱子里": the trip says why they ask about the one pointed at, not a request.
  const pointed = /这款|[那这](?:个|款|件|条|双|瓶|支|套)/u.test(text) && read.some((h) => h.question && h.intent !== '商品推荐');
  const intents = pointed ? read.filter((h) => h.intent !== '商品推荐' || h.question) : read;
  // "这鞋子踩石板滑不滑 周末要去爬山": a question about the one just shown that its description answers, not a request.
  const shown = productsInOrder(kb, lastShown);
  if (aboutTheOneShown(shown, text, needs) && intents.length > 0 && intents.every((h) => h.question && (h.intent === '商品推荐' || h.intent === OTHER_QUESTION))) return [{ intent: OTHER_QUESTION, clause: newest.text, question: true, score: 0.5 }];
  // Only questions no cue knows: what the conversation says comes first, those asks last.
  const onlyUnknown = intents.some((h) => h.intent === OTHER_QUESTION) && intents.every((h) => h.intent === OTHER_QUESTION || h.intent === '问候');
  if (intents.length > 0 && !onlyUnknown) {
    // "跟多高啊" then "我平时只穿平底 太高了怕崴脚": the questions of the same unanswered burst are answered too,
    // in the order asked; what the newest only tells adds nothing to answer.
    // (Two policy asks of one kind, "多少分抵一块" then "会不会过期", are two answers.)
    const more = burstAsks(kb, window, newest, male).filter((h) => !intents.some((i) => i.intent === h.intent && (!ONE_FAQ_EACH.has(h.intent) || i.clause === h.clause)));
    if (more.length === 0) return intents;
    return intents.some((h) => h.question) ? [...more, ...intents] : more;
  }
  const stated = Object.keys(needs).length > 0;
  const lastGuide = window.findLastIndex((m) => m.speaker === 'guide');
  // "是真的吗" after a pasted line: the pasted line (same unanswered burst) carries the ask.
  if (!stated) {
    for (const message of window.slice(lastGuide + 1).filter((m) => m.speaker === 'customer' && m !== newest).toReversed()) {
      const asked = readIntents(message.text, (clause) => readNeeds(kb, clause, male));
      if (asked.length > 0) return asked.map((h) => ({ ...h, question: true }));
    }
  }
  // "帽子能拆下来不" after one product was shown: a question about it, asked in words no cue knows.
  if (intents.every((h) => h.intent === OTHER_QUESTION) && QUESTION.test(newest.text) && shown.length === 1 && shown[0] !== undefined && bestClause(shown[0], newest.text) !== undefined && Object.keys(needs).every((k) => k === 'avoid') && !/有没有|还有|别的|其他|推荐|想要|换/u.test(newest.text)) return [{ intent: OTHER_QUESTION, clause: newest.text, question: true, score: 0.5 }];
  // "S码" / "预算八百" / "不限 质量好就行" answers the guide's question: it continues what the customer asked before.
  const guideAsked = lastGuide >= 0 && /[?？吗呢]|多少|什么|哪/u.test(window[lastGuide]?.text ?? '');
  const earlier = window.filter((m) => m.speaker === 'customer' && m !== newest).toReversed();
  for (const message of earlier) {
    const previous = readIntents(message.text, (clause) => readNeeds(kb, clause, male)).filter((h) => h.intent !== '问候' && h.intent !== '告别');
    if (previous[0] && (stated || guideAsked)) return [{ ...previous[0], clause: newest.text, question: false }];
  }
  // "这款白茶淡香水留香久吗": a question about a product named in it is about that product.
  if (productsInOrder(kb, newest.text).length > 0) return [{ intent: '材质咨询', clause: newest.text, question: true, score: 1 }];
  if (intents.length > 0) return intents;
  return stated ? [{ intent: '商品推荐', clause: newest.text, question: false, score: 1 }] : [];
}
