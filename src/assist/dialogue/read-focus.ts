/**
 * The product in focus: the one named last in the conversation (by either side, so the guide's own
 * recommendation counts), unless the customer has since moved on to another kind of product.
 * "第二款" / "后面那个" pick among the products of the message that named several.
 */
import type { ChatMessage } from '../../conversation/model.ts';
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import { findNamedProducts } from '../knowledge/find-named-products.ts';
import type { Product } from '../knowledge/schemas.ts';
import { normalizeAligned } from '../tags/find-phrases.ts';
import { buildContext } from '../context.ts';
import { findFocusProducts } from '../offline/focus-products.ts';
import type { CategoryNeed, Slot } from './dialogue-state.ts';
import { readCategory } from './read-category.ts';

const namedByText = new WeakMap<KnowledgeBase, Map<string, Product[]>>();

/** Products named in a text, in the order they appear (a shorter name inside a longer one is not counted twice). */
export function productsInOrder(kb: KnowledgeBase, text: string): Product[] {
  // Every turn reads the same window again: remember the last texts per knowledge base.
  let cache = namedByText.get(kb);
  if (!cache) namedByText.set(kb, (cache = new Map()));
  const hit = cache.get(text);
  if (hit) return hit;
  const found = findInOrder(kb, text);
  if (cache.size >= 2000) cache.clear();
  cache.set(text, found);
  return found;
}

function findInOrder(kb: KnowledgeBase, text: string): Product[] {
  const normalized = normalizeAligned(text);
  const at = (p: Product): number => {
    const whole = normalized.indexOf(normalizeAligned(p.name));
    return whole >= 0 ? whole : normalized.indexOf(normalizeAligned(p.name.split(/\s/u)[0] ?? p.name));
  };
  const found = findNamedProducts(kb, text).map((p) => ({ p, at: at(p) }));
  const kept = found.filter((f) => !found.some((g) => g !== f && g.p.name.length > f.p.name.length && g.p.name.includes(f.p.name)));
  return kept.sort((a, b) => a.at - b.at).map((f) => f.p);
}

const ORDINAL: [RegExp, number][] = [
  [/第一[款个件双]|前面那[款个件双]|第1[款个件]/u, 0],
  [/第二[款个件双]|第2[款个件]/u, 1],
  [/第三[款个件双]|第3[款个件]|最后那[款个件双]|后面那[款个件双]/u, 2],
];

/** Amounts said that could be a price ("1299的大衣", "599那个"), not a size, height, weight or age. */
function pricesSaid(text: string): number[] {
  return [...text.matchAll(/(?<![\d.])(\d{2,5})(?![\d.]|码|cm|斤|号|岁)/gu)].map((m) => Number(m[1]));
}

export function fitsNeed(product: Product, need: CategoryNeed): boolean {
  if (product.category !== need.category) return false;
  if (need.subcategories.length > 0 && !need.subcategories.includes(product.subcategory)) return false;
  return need.nameIncludes === undefined || need.nameIncludes.split('|').some((part) => product.name.includes(part));
}

/**
 * No product named exactly: "那条真丝方巾 90的那个" or "1299的大衣" point at one product when the
 * customer's product words (or a catalog price) single it out.
 */
function productByWords(kb: KnowledgeBase, window: readonly ChatMessage[]): Slot<Product> | undefined {
  const context = buildContext(window);
  const last = context.lastCustomer;
  if (!last) return undefined;
  // Only when the customer points at one ("那条…", "这款…", "…的那个"): a kind of product with a budget is a request, not a pick.
  const pointing = /[这那](?:条|款|件|个|双|只|瓶|支)|的那个|的那款/u.test(last.text);
  const [matched] = pointing ? findFocusProducts(kb, context) : [];
  if (matched) return { value: matched, messageId: last.id, quote: matched.name };
  const need = readCategory(kb, last.text)?.value;
  const prices = pricesSaid(last.text);
  if (!need || prices.length === 0) return undefined;
  const priced = kb.products.filter((p) => prices.includes(p.price) && fitsNeed(p, need));
  return priced.length === 1 && priced[0] ? { value: priced[0], messageId: last.id, quote: String(priced[0].price) } : undefined;
}

/** Length of the longest common subsequence of two short strings. */
function common(a: string, b: string): number {
  let row: number[] = Array.from({ length: b.length + 1 }, () => 0);
  for (const ca of a) {
    const next = [0];
    for (let j = 1; j <= b.length; j++) next[j] = ca === b[j - 1] ? (row[j - 1] ?? 0) + 1 : Math.max(row[j] ?? 0, next[j - 1] ?? 0);
    row = next;
  }
  return row[b.length] ?? 0;
}

/** The listed product whose name the customer's words shorten ("复古短靴" → 复古粗跟短靴), when only one clearly does. */
function byShortName(list: readonly Product[], text: string, least = 4): Product | undefined {
  const runs = text.match(/\p{Script=Han}{3,}/gu) ?? [];
  const scored = list.map((p) => ({ p, n: Math.max(0, ...runs.map((r) => common(r, p.name))) })).sort((a, b) => b.n - a.n);
  const [best, next] = scored;
  // "啲珍珠耳钉几钱": the end of one name (珍珠耳钉 of 925银淡水珍珠耳钉) says which one, one character short of the bar.
  // "那套真丝睡衣": its beginning will do as well (真丝睡衣套装).
  const ends = best === undefined || best.n < 4 ? [] : [best.p.name.slice(-best.n), best.p.name.slice(0, best.n)].filter((end) => runs.some((r) => r.includes(end)));
  const tail = best !== undefined && best.n === least - 1 && ends.length > 0;
  // An end said word for word that no other name holds is clear enough, whatever the others share loosely.
  // (Pointed at: "那套真丝睡衣", not "我有好多真丝睡衣" nor "要件男款羽绒服".)
  const only = ends.some((end) => runs.some((r) => new RegExp(`[那这][套件款条双个只瓶支]${end}`, 'u').test(r)) && list.every((p) => p === best?.p || !p.name.includes(end)));
  return best && (best.n >= least || tail) && (best.n >= (next?.n ?? 0) + 2 || (tail && only)) ? best.p : undefined;
}

/** The one listed product whose name holds a two-to-four character word of the text that no other listed name holds. */
function byDistinctWord(list: readonly Product[], text: string): Product | undefined {
  // Only a pointing follow-up ("那府绸那件呢", "托特包那个多少钱"); "公文包用不上" names one to turn it down.
  // ("会不会", "是不是" ask; they turn nothing down.)
  if (!/[这那][款个件双条只对支瓶]|呢|吗/u.test(text) || /不|没|别|算了|一堆|用不上/u.test(text.replace(/(\p{Script=Han})不\1/gu, ''))) return undefined;
  const runs = text.replace(/[这那哪][款个件双条只对支瓶]?/gu, ' ').match(/\p{Script=Han}{2,}/gu) ?? [];
  for (let size = 4; size >= 2; size--) {
    const hits = new Set<Product>();
    for (const run of runs)
      for (let i = 0; i + size <= run.length; i++) {
        const word = run.slice(i, i + size);
        const holders = list.filter((p) => p.name.includes(word));
        if (holders.length === 1 && holders[0]) hits.add(holders[0]);
      }
    if (hits.size === 1) return [...hits][0];
    if (hits.size > 1) return undefined;
  }
  return undefined;
}

const GENERIC_WORDS = /羊绒|羊毛|真丝|桑蚕丝|牛皮|羊皮|真皮|纯棉|亚麻|男款|女款|男士|女士|短款|长款|[黑白灰红粉蓝绿紫黄棕驼杏米]色|多少钱|什么|颜色|有没有|能不能/gu;

/** A question about one product rather than a request for some ("贝雷帽多少钱", "男士针扣腰带能剪短吗"). */
const ASKS_OF_ONE = /多少钱|什么价|几个颜色|什么颜色|哪些颜色|有[^，。？?]{1,4}色(?:的)?吗|[码号]|多大|多长|多重|能不能|可不可以|能[^，。？?]{1,6}吗|可以[^，。？?]{1,6}吗|是不是|证书|什么材质|什么面料/u;
const REQUEST = /推荐|想买|想要|看看|有没有(?:什么|别的|其他|便宜)|预算|以内|左右|送给|送人|礼物/u;

/**
 * "男士针扣腰带多少钱 能剪短吗": of the products of the kind the message names (腰带), the one a word of it
 * (针扣) belongs to alone, when the message asks about one rather than for some.
 */
function namedWithinKind(kb: KnowledgeBase, text: string): Product | undefined {
  if (!ASKS_OF_ONE.test(text) || REQUEST.test(text)) return undefined;
  const kind = readCategory(kb, text)?.value;
  if (!kind) return undefined;
  const ofKind = kb.products.filter((p) => fitsNeed(p, kind));
  // The kind itself, what it is made of, its colour and cut say no name ("男款羽绒服", "羊绒大衣").
  const naming = text.split(kind.word).join(' ').replace(GENERIC_WORDS, ' ');
  const runs = naming.match(/\p{Script=Han}{2,}/gu) ?? [];
  const hits = new Set<Product>();
  for (const run of runs)
    for (let size = 2; size <= Math.min(4, run.length); size++)
      for (let i = 0; i + size <= run.length; i++) {
        const word = run.slice(i, i + size);
        const holders = ofKind.filter((p) => p.name.includes(word));
        // Said as the name of the kind ("针扣腰带", "贝雷帽"), not elsewhere in the message.
        if (holders.length === 1 && holders[0] && text.includes(`${word}${kind.word}`)) hits.add(holders[0]);
      }
  // "针扣" belongs to one belt, "扣腰" to another: the one whose name the words follow more closely.
  const ranked = [...hits].map((p) => ({ p, n: Math.max(0, ...runs.map((r) => common(r, p.name))) })).sort((a, b) => b.n - a.n);
  return ranked[0] && (ranked.length === 1 || ranked[0].n > (ranked[1]?.n ?? 0)) ? ranked[0].p : undefined;
}

const BACK_TO = /上一款|上一个|上一双|上一件|之前那(?:款|个|双|件)|刚才那(?:款|个|双|件)|原来那(?:款|个|双|件)|还是(?:要|买)?(?:之前|原来|刚才|最开始)的?/u;

export function readFocus(kb: KnowledgeBase, window: readonly ChatMessage[], category: Slot<CategoryNeed> | undefined): Slot<Product> | undefined {
  let focus: Slot<Product> | undefined;
  let focusIndex = -1;
  let list: Product[] = [];
  let before: Product | undefined;
  window.forEach((message, index) => {
    const named = productsInOrder(kb, message.text);
    // "算了还是要上一款吧": the product talked about before the one now in view.
    if (message.speaker === 'customer' && before && named.length === 0 && BACK_TO.test(message.text)) {
      focus = { value: before, messageId: message.id, quote: BACK_TO.exec(message.text)?.[0] ?? '' };
      focusIndex = index;
      before = undefined;
      return;
    }
    if (message.speaker === 'customer' && list.length > 1) {
      // "便宜的那个" / "贵一点的那款": the cheaper or dearer of the products just listed.
      const byPrice = /便宜(?:一?点|一些|些)?的?那|贵(?:一?点|一些|些)?的?那/u.exec(message.text);
      if (byPrice) {
        const sorted = [...list].sort((a, b) => a.price - b.price);
        const chosen = byPrice[0].startsWith('便宜') ? sorted[0] : sorted[sorted.length - 1];
        if (chosen) {
          focus = { value: chosen, messageId: message.id, quote: byPrice[0] };
          focusIndex = index;
        }
      }
      // "短的吧": the one of those listed whose name says it (牛皮短款钱包); "金的那个" says which one outright.
      const trait = /(?<![这那])([\u4e00-\u9fff]{1,2}?)的那(?:个|款|双|件|条|只|对)/u.exec(message.text.replace(/^[那这]/u, ''))?.[1] ?? /(短|长|大|小|黑|白|薄|厚)(?:的|款)/u.exec(message.text)?.[1];
      const described = trait ? list.filter((p) => p.name.includes(trait)) : [];
      if (described.length === 1 && described[0]) {
        focus = { value: described[0], messageId: message.id, quote: trait ?? '' };
        focusIndex = index;
      }
      // "暖和的那双焦糖色的": the one listed that comes in the colour named, when only one does.
      const coloured = list.filter((p) => {
        const raw = p.attributes['颜色'];
        return (Array.isArray(raw) ? raw : raw ? [raw] : []).some((c) => c.replace(/色$/u, '').length >= 2 && message.text.includes(c.replace(/色$/u, '')));
      });
      if (coloured.length === 1 && coloured[0] && /[这那][款个件双条只对]|的$|的\s|呢|吗/u.test(message.text)) {
        focus = { value: coloured[0], messageId: message.id, quote: coloured[0].name };
        focusIndex = index;
      }
      // "599那个有雾蓝m吗": the one listed at that price.
      const prices = pricesSaid(message.text);
      const atPrice = list.filter((p) => prices.includes(p.price));
      if (atPrice.length === 1 && atPrice[0]) {
        focus = { value: atPrice[0], messageId: message.id, quote: String(atPrice[0].price) };
        focusIndex = index;
      }
      // "你刚说的那个有内衬的": the one listed whose description has that feature.
      const feature = /(?:有|带|是)([\u4e00-\u9fff]{2,4}?)的(?:那|$|[，,\s])/u.exec(message.text)?.[1];
      const featured = feature ? list.filter((p) => `${p.name}${p.description}`.includes(feature)) : [];
      if (featured.length === 1 && featured[0]) {
        focus = { value: featured[0], messageId: message.id, quote: feature ?? '' };
        focusIndex = index;
      }
      // "那双黑的复古短靴": a shortened name that only one of those listed has in it.
      const shortened = byShortName(list, message.text);
      if (shortened) {
        focus = { value: shortened, messageId: message.id, quote: shortened.name };
        focusIndex = index;
      }
      // "那府绸那件呢": a word of the message that only one of those listed has in its name.
      const worded = byDistinctWord(list, message.text);
      if (worded) {
        focus = { value: worded, messageId: message.id, quote: worded.name };
        focusIndex = index;
      }
      // "套装有点贵了 单件的就行": of two listed, the one not turned down.
      const down = /([\u4e00-\u9fff]{2,4}?)(?:有点|太|还是|略|就)?(?:贵了|太贵|贵|不要了|算了|不考虑)/u.exec(message.text)?.[1];
      const spared = down && list.length === 2 ? list.filter((p) => !p.name.includes(down.slice(-2))) : [];
      if (spared.length === 1 && spared[0]) {
        focus = { value: spared[0], messageId: message.id, quote: down ?? '' };
        focusIndex = index;
      }
      const pick = ORDINAL.find(([pattern]) => pattern.test(message.text));
      if (pick && list[pick[1]]) {
        focus = { value: list[pick[1]] as Product, messageId: message.id, quote: pick[0].exec(message.text)?.[0] ?? '' };
        focusIndex = index;
      }
    }
    // "莫代尔长袖打底有肤色的吗": a product named short of its full name, when only one has that name.
    if (named.length === 0 && message.speaker === 'customer') {
      const short = byShortName(kb.products, message.text, 5) ?? (list.length === 0 ? namedWithinKind(kb, message.text) : undefined);
      if (short) {
        focus = { value: short, messageId: message.id, quote: short.name };
        focusIndex = index;
      }
    }
    if (named.length === 0) return;
    list = named;
    if (focus && focus.value.sku !== named[0]?.sku) before = focus.value;
    focus = { value: named[0] as Product, messageId: message.id, quote: (named[0] as Product).name };
    focusIndex = index;
  });
  focus ??= productByWords(kb, window);
  if (!focus) return undefined;
  // "不看大衣了，想看看裤子": a kind of product asked for after the focus was named replaces it.
  if (category && window.findIndex((m) => m.id === category.messageId) > focusIndex && !fitsNeed(focus.value, category.value)) return undefined;
  return focus;
}
