/**
 * The intents of the newest customer message, clause by clause, in the order asked ("S码。另外你们门店几点
 * 关门" → the size, then the hours). The newest message comes before anything asked earlier.
 * Builds on the script library's intent cues and adds the asks that have no script of their own
 * (发票, 功效, 议价, 营业时间/地址), which a draft must still answer rather than pattern-match away.
 */
import type { IntentHit } from './dialogue-state.ts';
import { clauseIntents } from './clause-intents.ts';
import type { ClauseNeeds } from './clause-intents.ts';
import { QUESTION } from './looks-like-question.ts';
import { ONE_FAQ_EACH, OTHER_QUESTION } from './intent-cues.ts';
import { settleIntents } from './settle-intents.ts';

/** A question no cue recognises, answered from the FAQ when one matches it. */
export { OTHER_QUESTION };
export { PRODUCT_ASKS } from './clause-intents.ts';
export type { ClauseNeeds } from './clause-intents.ts';

const SPLIT = /(?<=[。！？!?；;\n，,])(?=.{4,})|(?<=吗)(?![？?！!，,。吗])(?=.{4,})|(?<=[呀啊呢嘛])还有(?=.{4,})|(?=另外(?!收|加|付|算|要钱|花钱|给钱)|还有[，,]|还有(?=你们|就是|个问题|一个问题|想问)|顺便|对了|然后想问|再问一下|我就想问|想问一下)/u;

/** "运费是我出还是你们出 钱多久能退回来": two asks typed with a space between them, each its own clause. */
const ASKS = /多少|多久|几|什么|啥|怎么|咋|哪|还是|能不能|可不可以|是不是|[吗嘛么呢]|(\p{Script=Han})不\1/u;
/** A piece between spaces that asks something of its own ("有xs没", "冬天冷不冷", "满多少包邮"). */
const ASK_PIECE = /多少|多久|几天|几点|什么|啥|怎么|咋|哪|还是|能不能|可不可以|是不是|包邮|吗|(\p{Script=Han})不\1|[没不]$/u;

/** Spaced pieces regrouped: a piece that asks starts a clause when the clause before it asked too. */
function apart(clause: string): string[] {
  const out: string[] = [];
  for (const piece of clause.split(/\s+/u)) {
    const current = out.at(-1);
    if (current !== undefined && !(piece.length >= 4 && current.length >= 3 && ASK_PIECE.test(piece) && ASKS.test(current))) out[out.length - 1] = `${current} ${piece}`;
    else out.push(piece);
  }
  return out;
}

function clauses(text: string): string[] {
  return text
    .split(SPLIT)
    .flatMap((c) => apart(c.trim()))
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}


// Voice input and quick typing separate what they ask with spaces: "几多钱 送俾男朋友啱唔啱".
const PAUSE = /(?<=[\u4e00-\u9fffA-Za-z0-9])\s+(?=[\u4e00-\u9fff]{3})/u;

/**
 * A clause's intents, read whole (so each ask keeps its context: "拆封用了一次 能退吗"), plus the questions
 * its space-separated pieces ask that the whole missed, each where it was asked.
 */
function withSpokenAsks(clause: string, needsOf: ClauseNeeds | undefined): IntentHit[] {
  const whole = clauseIntents(clause, needsOf);
  const pieces = clause.split(PAUSE);
  // "…的女的买了什么 电话多少": what the whole refuses, no piece of it asks again.
  if (pieces.length < 2 || whole.some((h) => h.intent === '隐私' || h.intent === '刷评')) return whole;
  // "门店能帮我改吗 多少钱": a bare price beside a service ask is that service's price.
  const service = whole.some((h) => SERVICES.has(h.intent));
  const read = pieces.map((piece) => clauseIntents(piece, needsOf));
  // "我攒了好多积分 能抵吗": a bare ask finishes the piece before it.
  for (let i = 1; i < pieces.length; i++) {
    const bare = (read[i] ?? []).every((h) => h.intent === OTHER_QUESTION) && (pieces[i] ?? '').length <= 6 && QUESTION.test(pieces[i] ?? '');
    const before = read[i - 1] ?? [];
    if (!bare || before.length === 0 || before.some((h) => h.question)) continue;
    const joined = clauseIntents(`${pieces[i - 1] ?? ''} ${pieces[i] ?? ''}`, needsOf);
    // Only a points ask the piece before told ("积分" → 能抵吗); an after-sales or payment "行吗"
    // beside a problem stays with the problem.
    if (joined.some((h) => h.question && JOINABLE.has(h.intent)) && before.every((b) => joined.some((h) => h.intent === b.intent))) {
      read[i - 1] = joined;
      read[i] = [];
    }
  }
  // An ask no single piece carries spans the pieces: it was finished last.
  const at = (intent: string): number => {
    const found = read.findIndex((hits) => hits.some((h) => h.intent === intent));
    return found >= 0 ? found : pieces.length;
  };
  // "我是金卡 能打95折吗": a service named in a piece that asks nothing is who is asking, not an ask.
  const told = (hit: IntentHit): boolean => {
    const piece = pieces[at(hit.intent)] ?? '';
    return hit.intent === '会员积分' && /^我是(?:金卡|银卡|黑金|会员|vip)/iu.test(piece) && read.some((hits) => hits.some((h) => h.question && h.intent !== hit.intent));
  };
  let placed = whole.filter((hit) => !told(hit)).map((hit) => ({ hit, at: at(hit.intent) }));
  // "你们用什么快递 寄去广州要多久": a FAQ ask in two pieces is two questions, each answered.
  const faqAsk = whole.find((h) => ONE_FAQ_EACH.has(h.intent));
  if (faqAsk) {
    // "积分能抵多少钱 会不会过期": a piece no cue knows asks about what the whole is about.
    // "退款多久到" after 退货运费谁出 is the refund's time, as the whole read it.
    // "那个这款多少钱来着 … 积分能抵吗": the price of a product pointed at is its own ask.
    const about = (h: IntentHit): boolean => h.intent === faqAsk.intent || ((h.intent === OTHER_QUESTION || (h.intent === '价格咨询' && !PRICE_OF_ONE.test(h.clause)) || ONE_FAQ_EACH.has(h.intent)) && !whole.some((w) => w.intent === h.intent));
    const asked = read.flatMap((hits, index) => (hits.length === 1 ? hits : []).filter((h) => h.question && about(h)).map((h) => ({ hit: { ...h, intent: faqAsk.intent }, at: index })));
    if (asked.length >= 2) {
      placed = [...placed.filter((p) => p.hit.intent !== faqAsk.intent), ...asked];
      for (const { at: used } of asked) read[used] = [];
    }
  }
  for (const [index, hits] of read.entries()) {
    for (const hit of hits) {
      // "38换39 运费谁出": the exchange's postage, which the whole read as after-sales.
      // "想退 寄到哪个地址": where the return goes, part of the same after-sales ask.
      const postage = hit.intent === '物流' && /运费|邮费|寄回|(?:寄|邮)(?:到|回|去)?哪|地址/u.test(pieces[index] ?? '') && whole.some((h) => h.intent === '售后');
      // "地址填成我妈家了 能改吗": the change asked is the address's.
      const address = hit.intent === '售后' && whole.some((h) => h.intent === '物流') && /地址/u.test(clause) && !/退|换/u.test(clause);
      if (address) continue;
      if (hit.question && !RECOMMENDS.has(hit.intent) && hit.intent !== OTHER_QUESTION && !(service && hit.intent === '价格咨询' && !PRICE_OF_ONE.test(hit.clause)) && !postage && !placed.some((p) => p.hit.intent === hit.intent)) placed.push({ hit, at: index });
    }
  }
  return placed.sort((a, b) => a.at - b.at).map((p) => p.hit);
}

const JOINABLE: ReadonlySet<string> = new Set(['会员积分']);

/** "那个这款多少钱": the price of a product pointed at, not of a service beside it. */
const PRICE_OF_ONE = /这款|那款|[这那](?:件|双|条|只|瓶|支)/u;

/** Asks about the store's services, whose "多少钱" is the service's price. */
const SERVICES: ReadonlySet<string> = new Set(['售后', '物流', '会员积分', '发票', '支付', '优惠活动', '议价', '调货', '试用', '预约到店', '价保']);


/** A piece that only names a product or a wish is context for the rest, not an ask of its own. */
const RECOMMENDS: ReadonlySet<string> = new Set(['商品推荐', '送礼推荐', '搭配建议', '肤质推荐', '问候', '告别']);

export function readIntents(text: string, needsOf?: ClauseNeeds): IntentHit[] {
  const hits: IntentHit[] = [];
  // "…算了先不纠结这个，我就想问一下能开发票吗": a long message's real ask is the one it flags.
  const all = clauses(text);
  const flagged = all.findIndex((c) => /就想问|想问一下|想问下|请问一下|主要是想问|我就问/u.test(c));
  let context = '';
  for (const clause of flagged >= 0 ? all.slice(flagged) : all) {
    const read = withSpokenAsks(clause, needsOf);
    // "衣服要是穿几回开线了 能给换吗": a short FAQ ask keeps the clause before it that asked nothing, its context.
    const told = context;
    context = read.length === 0 ? clause : '';
    for (const found of read) {
      const hit = told && clause.length <= 6 && ONE_FAQ_EACH.has(found.intent) ? { ...found, clause: `${told} ${clause}` } : found;
      // "门店能帮我改吗 多少钱": a bare price after a service ask is that service's price.
      // "积分快过期了吗 能抵多少钱啊": what the points are worth is the points' own second ask.
      if (hit.intent === '价格咨询' && hits.at(-1)?.intent === '会员积分' && /抵/u.test(hit.clause)) {
        hits.push({ ...hit, intent: '会员积分' });
        continue;
      }
      if (hit.intent === '价格咨询' && hit.clause.length <= 6 && SERVICES.has(hits.at(-1)?.intent ?? '')) continue;
      // Each FAQ ask is its own answer ("能抵多少钱 会不会过期"); other intents are answered once.
      const same = hits.findIndex((h) => h.intent === hit.intent && !(ONE_FAQ_EACH.has(hit.intent) && h.clause !== hit.clause && !h.clause.includes(hit.clause) && !hit.clause.includes(h.clause)));
      if (same < 0) hits.push(hit);
      // "我一米六五，一百二十斤，穿什么码": the clause that asks is the one to answer, in the first one's place.
      else if (hit.question && !hits[same]?.question) {
        // …unless a question came between: "我150出头，长度到哪里？最小的码多大" answers in the order asked.
        if (hits.slice(same + 1).some((h) => h.question)) {
          hits.splice(same, 1);
          hits.push(hit);
        } else hits[same] = hit;
      }
    }
  }
  return settleIntents(hits, text);
}
