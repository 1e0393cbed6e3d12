/**
 * A complaint or after-sales problem in the customer's unanswered messages: a skin reaction, a defect,
 * a wrong item, a late parcel or the service itself. A complaint changes what the top draft may say:
 * an apology and the policy path, never a sales pitch.
 *
 * Read clause by clause: a named problem (起球, 发错) counts unless the clause is a worry or a wish
 * (会不会起球, 不起球的毛衣); otherwise something received or used followed by a bad outcome
 * (穿了一次就不行了) counts unless the clause praises it.
 */
import type { ChatMessage } from '../../conversation/model.ts';
import { BAD_OUTCOMES, BOUGHT_ELSEWHERE, EXPERIENCED, HABIT, RESOLVED, LONG_WEAR, MISHAP, NAMED_PROBLEMS, NOT_A_FAULT, PART_DAMAGE, PRAISE, BROKEN_CLAIM, WAITED, ELSEWHERE_THEN_HERE, WORRY_WITH_HISTORY, WORRY, WRONG_ITEM_ACROSS, PROMISE_NOT_KEPT, OWN_FAULT, SOMEDAY, CAME_ALREADY, PATINA, ADMIRED } from './complaint-words.ts';
import { scoreSentiment } from '../tags/score-sentiment.ts';
import type { Complaint } from './dialogue-state.ts';

// Voice-to-text has no punctuation: a space ends a clause too.
const CLAUSE = /[^，。！？!?,;；~～\n ]+/gu;

type Found = [Complaint['kind'], string, boolean?];

function named(clause: string): Found | undefined {
  for (const [kind, pattern] of NAMED_PROBLEMS) {
    const match = pattern.exec(clause);
    if (!match) continue;
    const before = clause.slice(0, match.index);
    // "不起球的毛衣", "防过敏", "不是质量问题": the word negated right before it is a wish or a denial;
    // "会不会起球", "怕过敏", "洗了会缩水吗": a worry before buying.
    // "别给我整坏了": a wish it does not happen.
    // "这不是忽悠人吗": a rhetorical question says it is.
    const rhetorical = /(?:这|那)?不(?:就)?是$/u.test(before) && /[吗嘛么][？?!！]*\s*$/u.test(clause);
    // "我以为坏了 这正常吗": what they feared, not what happened.
    if (/以为(?:是)?$/u.test(before)) continue;
    if (/(?:[不没防抗无]|不是|没有|并非|不算|不属于)$/u.test(before) && !before.endsWith('是不是') && !rhetorical || /别[^，。\s]{0,4}$/u.test(before) || WORRY.test(before.slice(-8)) || (/会/u.test(before.slice(-4)) && /[吗么嘛]\s*$/u.test(clause))) continue;
    // "别整个人造毛忽悠我啊": a warning before buying, not a complaint.
    if (kind === 'service' && /别[^，。]{0,8}$/u.test(before)) continue;
    // "这件衣服起球吗": the word asked about, right before the question's end.
    if ((kind === 'quality' || kind === 'harm') && /^\s*(?:吗|么|嘛|不|没有?)\s*[？?]?\s*$/u.test(clause.slice(match.index + match[0].length))) continue;
    // "耳朵过敏能戴吗": whether it can be worn or used, asked before buying.
    if ((kind === 'harm' || kind === 'quality') && /(?:能|可以|能不能|可不可以)(?:戴|穿|用|涂|擦|抹)(?:吗|么|嘛|不)?\s*[？?]?\s*$/u.test(clause)) continue;
    // "是正品还是假的": asking whether it is genuine is a question before buying.
    if (/假/u.test(match[0]) && /还是|是不是|真的假的|[吗嘛？?]/u.test(clause)) continue;
    return [kind, match[0], true];
  }
  return undefined;
}

/** "耳钉的珍珠掉了一颗": a part of the thing and what happened to it, unless asked about before buying. */
function partDamage(clause: string): Found | undefined {
  const match = PART_DAMAGE.exec(clause);
  if (!match || /[吗么嘛？?]\s*$|会不会|能不能|可以|怎么/u.test(clause.slice(match.index))) return undefined;
  return ['quality', match[0], true];
}

/** "买的鞋子穿着脚疼": the quote runs from what was had to the bad outcome; the outcome alone when the had-it is in another clause. */
function experienced(clause: string, message: string): Found | undefined {
  const had = EXPERIENCED.exec(clause);
  if (!had && !EXPERIENCED.test(message)) return undefined;
  const from = had ? had.index + had[0].length : 0;
  for (const [kind, pattern] of BAD_OUTCOMES) {
    const match = pattern.exec(clause.slice(from));
    // "晚上脚一点都不疼", "一点没坏": the outcome denied is praise.
    if (match && /(?:不|没|没有|不会|一点都不|一点也不|都不|也不)$|(?:不想|不要|别|怕|担心)[^，。\s]{0,3}$/u.test(clause.slice(0, from + match.index))) continue;
    if (match) return [kind, clause.slice(had ? had.index : from + match.index, from + match.index + match[0].length)];
  }
  return undefined;
}

/** "银手链发黑了 可以拿去店里弄一下吗": wear brought in for care, not a fault to make good. */
const CARE_ASK = /清洗|保养|烘干|抛光|弄一下|擦一下|护理|翻新|打理一下|能洗吗|可以洗吗|洗一下|洗吗|怎么洗(?![一了过完])|(?:能|可以)[^，。]{0,4}(?:洗衣机|机洗|水洗|手洗)|刷吗|能刷|怎么弄干净|能弄干净|洗得干净|擦得干净|怎么清理/u;

/** "穿一晚 第二天寄回来退掉", "保证不钻绒不": a plan or a guarantee asked for before buying, not a problem had. */
const NOT_YET = /穿一(?:晚|天|次)[^。]{0,30}(?:退|寄回)|(?:退掉|寄回来)[^，。]{0,6}看不出来|保证[^，。]{0,6}(?:不|没)/u;

const SIGNED_NOT_RECEIVED = /(?:放|到)了?(?:驿站|快递柜|丰巢|门卫|前台)[^。]{0,16}(?:没有|找不到|没找到|根本没)|没(?:有)?收到[^。]{0,24}(?:显示|物流)[^，。]{0,6}(?:已|早就|早)?签收|(?:显示|写着?|说|物流)[^，。]{0,6}(?:已)?签收(?:了)?[^。]{0,16}(?:没(?:人)?收到|没见到|没拿到|没看到|没有收到|根本没(?:有)?(?:人|收到|见到))/u;

const ARRIVED_BROKEN = /收到(?:的时候|时|就|后一看|一看)|到货(?:就|时)|拆开(?:快递|包裹|就|一看)|一打开|打开快递|快递到了/u;

/** `had`: the message with the customer's message before it ("那个面霜我用了三天了" … "脸上痒 还有点红"). */
function readMessage(text: string, had = text, bought = false): Found | undefined {
  // "被我自己手滑摔地上 断成两截了": their own doing.
  if (OWN_FAULT.test(text) && !/质量|投诉|说法|才用|才穿/u.test(text)) return undefined;
  // "他身上老是一股烟味 想让他香一点": a smell on a person, not on what was bought.
  if (/身上[^，。]{0,4}(?:一股|有股|都是|老有)[^，。]{0,3}味/u.test(text) && !/衣服|鞋|包|面料|味道太|洗了/u.test(text)) return undefined;
  if (PATINA.test(text) && !/掉色|染|花了|斑|裂|脱皮|发霉/u.test(text)) return undefined;
  if (NOT_YET.test(text) && !/收到|买的|穿了[^一]|用了/u.test(text.replace(/穿了保证/u, ''))) return undefined;
  // "…一圈白印子 丑死了 这个还能弄干净吗": care asked in annoyance is still a complaint.
  if (CARE_ASK.test(text) && !/退|换|赔|投诉|质量|丑死|气死|无语|太差|什么玩意|坑人/u.test(text)) return undefined;
  // "后来虽然给我换了 … 又想起你了": made good, unless the problem came back (又坏了, 这次也).
  if (RESOLVED.test(text) && !/又(?:坏|断|开线|开了|出问题|掉|起球|破|裂|不行)|还是(?:不行|坏|有问题|没好)|再次(?:出现|坏)|这次(?:也|又)/u.test(text.slice(text.search(RESOLVED)))) return undefined;
  if (BOUGHT_ELSEWHERE.test(text) && !/在你们|你们(?:家|店)[^，。]{0,3}买|在这买|这里买/u.test(text)) return undefined;
  if (ELSEWHERE_THEN_HERE.test(text)) return undefined;
  if (WORRY_WITH_HISTORY.test(text) && !/在你们|你们(?:家|店|这)(?:买|的)|你们那个/u.test(text)) return undefined;
  const across = WRONG_ITEM_ACROSS.exec(text);
  if (across) return ['wrong_item', across[0], true];
  // "物流显示昨天签收了 我家根本没人收到": signed for in one clause, never received in the next.
  const unreceived = SIGNED_NOT_RECEIVED.exec(text);
  if (unreceived) return ['delay', unreceived[0], true];
  // "快递盒子一股香味 拆开一看香水瓶口那里裂了": broken in transit, whatever the smell said first.
  const inTransit = /(?:拆开|打开|收到|到手)(?:一看|就|发现|后)?([^。\s]{0,10}?(?:裂了|碎了|漏了|破了|碎成|摔碎|压坏了))/u.exec(text);
  if (inTransit && /快递|盒子|包裹|箱子/u.test(text)) return ['package', inTransit[1] ?? inTransit[0], true];

  // "冬天用这个控油水 脸干得起皮": skin that peels after using what they bought, told across clauses.
  const peeling = bought && /(?:用|涂|擦|抹)(?:了|这个|这款|你们)/u.test(text) ? /起皮|皮屑|脱皮/u.exec(text) : null;
  if (peeling) return ['harm', peeling[0], true];
  const clauses = text.match(CLAUSE) ?? [];
  let angry: Found | undefined;
  // "裙摆抽丝了…给我办了退款…今天信用卡还没看到": a problem dealt with gives way to the one still open after it.
  const dealt = (at: number): boolean => /办了退款|退款了|给我换了|换好了|处理了|处理好了|给我退了|说钱会|说(?:给我|会|要)退|答应(?:给我)?退|同意(?:给我)?退/u.test(text.slice(at));
  let first: Found | undefined;
  let firstAt = -1;
  for (const clause of clauses) {
    // "你们不会卖假货吧": a suspicion, not a worry before buying.
    const suspicion = /不会[^，。]{0,4}假货吧/u.exec(clause);
    if (suspicion) return ['quality', suspicion[0], true];
    // "我一用面霜就闷痘": the skin described before buying, not a reaction to something bought.
    if (HABIT.test(clause) && !/买的|收到|上次|之前买/u.test(text)) continue;
    // "以后起球了咋个整": a problem that may come one day is a care question, not one had.
    const hypothetical = SOMEDAY.test(clause) && !CAME_ALREADY.test(clause);
    const found = hypothetical ? undefined : named(clause) ?? (WORRY.test(clause) || PRAISE.test(clause) || NOT_A_FAULT.test(clause) ? undefined : (experienced(clause, had) ?? (bought || OWN_THING.test(text) || EXPERIENCED.test(text) ? partDamage(clause) : undefined)));
    // "那件旧西装 穿了四五年 袖口都磨起毛了": wear after years, not a fault.
    if (found && found[0] === 'quality' && LONG_WEAR.test(text)) continue;
    // "今天收到的时候乳液那瓶盖子裂了": broken on arrival is damage in transit.
    if (found && found[0] === 'quality' && /裂|碎|漏|破|压坏|压扁|瘪/u.test(found[1]) && ARRIVED_BROKEN.test(text)) return ['package', found[1], true];
    // "我真的很生气 …线就开了": the problem itself says more than the anger about it.
    if (found && found[0] !== 'service') {
      const at = text.indexOf(clause);
      if (!first) {
        first = found;
        firstAt = at;
        if (!dealt(at)) return found;
        continue;
      }
      if (firstAt >= 0 && found[0] !== first[0]) return found;
    }
    if (found?.[0] === 'service') angry ??= found;
  }
  if (first) return first;
  // Told across clauses: what it was sold as against what happened; a wait and the chase after it.
  const claim = BROKEN_CLAIM.exec(text);
  if (claim) return ['quality', claim[0]];
  const waited = WAITED.exec(text);
  // "退回去都一个多礼拜了 钱呢": the wait is for the refund.
  if (waited) return [/退/u.test(text) && /钱|退款|到账/u.test(waited[0]) ? 'refund' : 'delay', waited[0]];
  // "店员说调到货给我打电话 到现在一个电话都没有": a promise not kept, told across clauses.
  // ("前天你说第二天给我回电话" … "到现在电话没有": the promise may be in the message before.)
  const broken = PROMISE_NOT_KEPT.exec(text) ?? (had !== text && PROMISE_NOT_KEPT.test(had) && !PROMISE_NOT_KEPT.test(had.slice(0, had.length - text.length)) ? PROMISE_NOT_KEPT.exec(had) : null);
  if (broken) return ['service', broken[0], true];
  return angry;
}

/** Whether a clause reports a problem (the intent reader asks before it lets 投诉安抚 stand). */
export function readsAsComplaint(text: string): boolean {
  return readMessage(text) !== undefined;
}

/**
 * "做工太粗糙了", "穿上很难看": no named problem, but plainly unhappy with something bought (said in the
 * message, or known from the profile). Not a worry, a question or a word of politeness.
 */
function unhappyWithPurchase(text: string, bought: boolean): Found | undefined {
  if (!bought && !EXPERIENCED.test(text)) return undefined;
  if (WORRY.test(text) || PRAISE.test(text) || BOUGHT_ELSEWHERE.test(text) || NOT_YET.test(text) || RESOLVED.test(text) || /[吗嘛？?]\s*$|会不会|是不是|能不能|可不可以|选哪|哪个|哪一件|哪能|帮我|讲讲|建议/u.test(text)) return undefined;
  const score = scoreSentiment(text);
  const hits = score.hits.filter((h) => h.polarity < 0 && !/贵|好意思|麻烦|打扰/u.test(h.word));
  const weight = hits.reduce((sum, h) => sum + h.weight, 0);
  return weight >= 1.3 && score.positive <= 0.4 && hits[0] ? ['general', hits[0].word] : undefined;
}

/** `earlier`: the customer's messages before these, for what was used ("那个面霜我用了三天了") when these say only how it went. */
/** "上次买的那件 怎么回事啊": a trouble question about something bought, however the problem is put. */
const TROUBLE = /都这样吗|都是这样吗|是我的问题吗|是不是我的问题|是我(?:穿|用|洗|戴)的不对吗|是我(?:穿|用|洗|戴)(?:得|的)?不对|怎么会这样|这合理吗|就这质量|就这样了吗|还管不管|能不能管|还能处理吗|怎么回事|咋回事|啥情况|什么情况|怎么搞的|咋搞的|怎么办|咋办|咋整|怎么处理|咋处理|怎么解决|正常吗|正不正常|是不是质量问题|算质量问题吗|有问题/u;
const OWN_THING = /我买的|买的那|上次买|之前买|前几天买|刚买|收到的|到手的|寄来的|寄过来的|在你这买|在你们(?:这|店|家)买/u;

function troubleWithPurchase(text: string, bought: boolean): Found | undefined {
  const trouble = TROUBLE.exec(text);
  // "包淋雨了 咋办": a mishap of their own is care, not a fault.
  if (!trouble || !(bought || OWN_THING.test(text)) || CARE_ASK.test(text) || MISHAP.test(text) || RESOLVED.test(text) || BOUGHT_ELSEWHERE.test(text) || PRAISE.test(text)) return undefined;
  // "我以为坏了 这正常吗": what they feared, asked about.
  if (/以为/u.test(text)) return undefined;
  // "买了不合适怎么办": a rule asked before buying, not a problem had.
  if (/如果|万一|要是|的话/u.test(text) && !OWN_THING.test(text)) return undefined;
  return ['general', trouble[0]];
}

export function readComplaint(messages: readonly ChatMessage[], bought = false, earlier: readonly ChatMessage[] = []): Complaint | undefined {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (!message || message.speaker !== 'customer') continue;
    // "气死我了" … "被八个同事追着问链接": the cross words before were about being admired.
    if (i < messages.length - 1 && ADMIRED.test(messages.at(-1)?.text ?? '')) return undefined;
    const before = [...earlier, ...messages.slice(0, i)].findLast((m) => m.speaker === 'customer');
    // "他用了十几年那个都烂了": wear after years is no fault, however unhappy it sounds.
    const worn = LONG_WEAR.test(message.text);
    // "以后起球了咋个整": trouble that may come one day is no trouble had.
    const someday = SOMEDAY.test(message.text) && !CAME_ALREADY.test(message.text);
    const found = readMessage(message.text, before ? `${before.text} ${message.text}` : message.text, bought) ?? (worn || someday ? undefined : (unhappyWithPurchase(message.text, bought) ?? troubleWithPurchase(message.text, bought)));
    // "裤子改好了没 …都第八天了": a late alteration is named as such (the tailor, not the courier).
    const alteration = found?.[0] === 'delay' && /改好|改裤|修改|改短|改长|改衣/u.test(message.text) && !/改地址/u.test(message.text);
    if (found) return { kind: found[0], messageId: message.id, quote: found[1], ...(alteration ? { problem: '改衣' } : found[2] ? { problem: found[1] } : {}) };
  }
  return undefined;
}

/** Asks that move on from a problem: thanks and goodbyes, praise, a new product wanted. */
/** A question no cue names (the intent reader's 其他问题). */
const OTHER_ASK = '其他问题';
const MOVED_ON: ReadonlySet<string> = new Set(['告别', '问候', '夸奖', '闲聊', '商品推荐', '送礼推荐', '新品推荐', '搭配建议', '肤质推荐']);

/**
 * The complaint of the customer's last few messages before the guide's answer, when the newest message
 * carries it on ("拍好了 怎么处理", "你们怎么赔", an order number) rather than closing it or asking for
 * something new.
 */
export function stillOpen(before: readonly ChatMessage[], newest: { category?: unknown; budget?: unknown }, intents: readonly { intent: string }[], bought: boolean, angry = false): Complaint | undefined {
  // "是换还是退 我周六当伴娘要穿的": an after-sales ask keeps the problem open, whatever else the message names.
  const afterSales = intents.some((h) => h.intent === '售后');
  // "衣服不就是这么洗的吗": a kind said in passing, in a question, is no new request.
  // Anger at the store ("你们仓库怎么配的货") has not moved on, whatever kind or colour it names.
  if (!afterSales && !angry && ((newest.category !== undefined && intents.every((h) => h.intent !== OTHER_ASK)) || newest.budget !== undefined || intents.some((h) => MOVED_ON.has(h.intent)))) return undefined;
  const complaint = readComplaint(before.filter((m) => m.speaker === 'customer').slice(-3), bought);
  return complaint ? { ...complaint, ongoing: true } : undefined;
}
