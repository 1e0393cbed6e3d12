/**
 * Mentions in a shopper's words: products, brands, models, specs and materials. Segmentation and
 * part-of-speech come from jieba (with the retail dictionary); brands and materials from a lexicon
 * plus the catalog's brands; specs and models from patterns. Used for the summary, product lookup
 * and the eval harness.
 */
import { PRODUCT_WORDS } from '../knowledge/retail-dict.ts';
import { tagWords } from '../knowledge/segment.ts';
import { normalizeAligned, overlaps } from './find-phrases.ts';
import type { Span } from './find-phrases.ts';
import { BRANDS, MATERIALS, NOT_PRODUCTS, PRODUCT_HEADS } from './mention-lexicon.ts';

export type MentionType = 'product' | 'brand' | 'model' | 'spec' | 'material';

export interface Mention {
  type: MentionType;
  text: string;
  span: Span;
}

export interface MentionOptions {
  /** Extra brands (the catalog's) and product names to recognise. */
  brands?: ReadonlySet<string>;
  products?: ReadonlySet<string>;
}

const SPEC = new RegExp(
  String.raw`(?<![a-z0-9.])\d+(?:\.\d+)?\s*(?:gb|g|tb|t|mb|l|ml|毫升|升|英寸|寸|w|瓦|mah|毫安|cm|mm|厘米|毫米|米|斤|kg|公斤|千克|克|匹|p|核|座|门|档|层|人份|片装|抽|支装|瓶装|袋装|盒装|件套|k)(?![a-z])|[一二两三四五六七八九十]+(?:座|匹|开门|门|核|档|层|寸)`,
  'giu',
);
// Letters and digits mixed (mx5, pro6plus, 6sp, x200): a model code. Pure numbers and specs are not.
const MODEL = /(?<![a-z0-9])(?=[a-z0-9-]*[a-z])(?=[a-z0-9-]*\d)[a-z0-9][a-z0-9-]{1,14}(?![a-z0-9])/giu;
const LATIN_PRODUCT = /(?<![a-z])(?:tf卡|sd卡|sim卡|u盘|t恤衫|t恤|pos机|mp3|mp4)/giu;
const HAN = /^[\u4e00-\u9fff]+$/u;
const COLOR = /(?:色|^(?:桃红|粉红|玫红|大红|酒红|米白|纯白|纯黑|藏青|卡其|藏蓝|墨绿|军绿|湖蓝|天蓝))$/u;
const LATIN_PRODUCTS = new Set(['cpu', 'gpu', 'ssd', 'pad', 'mp3', 'mp4', 'led', 'dvd', 'usb', 'tf卡', 'sd卡', 'u盘', 't恤', 'polo', 'ipad', 'iphone', 'kindle', 'pos机']);
const PRONOUN_START = /^(?:我|你|他|她|想|要|买|找|请|能|可|这|那|哪|有)/u;
const KNOWN_PRODUCTS = new Set(PRODUCT_WORDS);

interface Token {
  word: string;
  tag: string;
  span: Span;
}

// jieba's HMM glues the verb to an unknown object ("买拉花"); split it back off.
const GLUED_VERB = /^(要买|想买|买|找)(.{2,})$/u;

function tokensOf(normalized: string): Token[] {
  const out: Token[] = [];
  let at = 0;
  for (const { word, tag } of tagWords(normalized)) {
    const start = normalized.indexOf(word, at);
    if (start < 0) continue;
    at = start + word.length;
    const glued = tag === 'x' ? GLUED_VERB.exec(word) : null;
    if (glued?.[1] && glued[2]) {
      const split = start + glued[1].length;
      out.push({ word: glued[1], tag: 'v', span: { start, end: split } }, { word: glued[2], tag: 'x', span: { start: split, end: at } });
      continue;
    }
    out.push({ word, tag, span: { start, end: at } });
  }
  return out;
}

function isKnownProduct(word: string, options: MentionOptions): boolean {
  return KNOWN_PRODUCTS.has(word) || options.products?.has(word) === true;
}

function isProduct(token: Token, options: MentionOptions): boolean {
  const { word, tag } = token;
  if (isKnownProduct(word, options) || LATIN_PRODUCTS.has(word)) return true;
  if (!HAN.test(word) || NOT_PRODUCTS.has(word) || COLOR.test(word)) return false;
  const head = PRODUCT_HEADS.has(word.charAt(word.length - 1));
  if (word.length === 1) return head;
  if (tag === 'x') return word.length <= 4 && !PRONOUN_START.test(word);
  if (head && !/^(?:r|p|c|u|uj|ul|d|m|q|y|e|o|f|t)$/u.test(tag)) return true;
  return tag === 'n' || tag === 'nz' || tag === 'nrt';
}

const BUY_VERBS = new Set(['买', '购买', '找', '卖', '要买', '想买', '求购', '买点', '买个', '买些']);
const PRICE_ASK = /^(?:多少钱|怎么卖|几块钱|价格|有货|有吗|有没有)/u;

/** The thing bought or priced is a product whatever jieba tags it: 买 + 普洱, 台布 + 多少钱. */
function inObjectSlot(list: readonly Token[], index: number): boolean {
  const token = list[index] as Token;
  if (!HAN.test(token.word) || token.word.length < 2 || token.word.length > 5) return false;
  if (NOT_PRODUCTS.has(token.word) || COLOR.test(token.word) || /^(?:r|p|c|u|uj|ul|d|m|q|y|e|o|f|t)$/u.test(token.tag)) return false;
  const before = list[index - 1];
  const after = list[index + 1];
  // Verbs and adjectives only when they are the whole object ("买挂画"), not the start of a clause.
  const whole = after === undefined || !HAN.test(after.word) || PRICE_ASK.test(after.word);
  if (/^(?:a|ad|v|vd)$/u.test(token.tag) && !whole) return false;
  return (before !== undefined && BUY_VERBS.has(before.word)) || (after !== undefined && PRICE_ASK.test(after.word));
}

/** A modifier that can open a compound product name ("学步" + "裤", "水桶" + "包"). */
function canModify(token: Token, options: MentionOptions): boolean {
  const { word, tag } = token;
  if (!HAN.test(word) || word.length < 2 || word.length > 4 || NOT_PRODUCTS.has(word) || COLOR.test(word)) return false;
  if (BRANDS.has(word) || options.brands?.has(word) || MATERIALS.has(word)) return false;
  return /^(?:n|nz|ng|vn|x|l|j|v|b|nr|nrt|a|an)$/u.test(tag) && !PRONOUN_START.test(word);
}

// Who it is for or its condition is not part of the product's name: 二手手机 → 手机, 男用香水 → 香水.
const STRIPPABLE = /^(?:二手|全新|正品|男士|女士|男式|女式|男款|女款|男用|女用|男|女|双|个|件|小|大)/u;

function stripModifier(token: Token, options: MentionOptions): Span {
  if (isKnownProduct(token.word, options)) return token.span;
  const match = STRIPPABLE.exec(token.word);
  if (!match) return token.span;
  const rest = token.word.slice(match[0].length);
  const ok = isKnownProduct(rest, options) || (rest.length === 1 && PRODUCT_HEADS.has(rest));
  return ok ? { start: token.span.start + match[0].length, end: token.span.end } : token.span;
}

export function extractMentions(text: string, options: MentionOptions = {}): Mention[] {
  const normalized = normalizeAligned(text);
  const mentions: Mention[] = [];
  const push = (type: MentionType, span: Span): void => {
    if (mentions.some((m) => overlaps(m.span, span))) return;
    mentions.push({ type, text: text.slice(span.start, span.end), span });
  };
  for (const match of normalized.matchAll(LATIN_PRODUCT)) push('product', { start: match.index, end: match.index + match[0].length });
  for (const match of normalized.matchAll(SPEC)) push('spec', { start: match.index, end: match.index + match[0].length });
  const list = tokensOf(normalized);
  for (let index = 0; index < list.length; index++) {
    const token = list[index] as Token;
    const next = list[index + 1];
    const { word } = token;
    if (BRANDS.has(word) || options.brands?.has(word)) {
      // "苹果" is a brand before a device or a model code and a fruit on its own.
      if (word !== '苹果' || (next && (/^[a-z0-9]/u.test(next.word) || /机|电脑|平板|耳机|手表|笔记本/u.test(next.word)))) {
        push('brand', token.span);
        continue;
      }
    }
    // A lone head character completes the word before it: 学步 + 裤 → 学步裤, 珍珠 + 粉 → 珍珠粉.
    if (next && next.word.length === 1 && PRODUCT_HEADS.has(next.word) && (canModify(token, options) || MATERIALS.has(word))) {
      push('product', { start: token.span.start, end: next.span.end });
      index++;
      continue;
    }
    if (MATERIALS.has(word) && next && isProduct(next, options)) {
      push('material', token.span);
      continue;
    }
    if (!isProduct(token, options) && !inObjectSlot(list, index)) continue;
    // An unknown word right before a product is usually its brand ("樊文花面膜").
    if (token.tag === 'x' && next && isProduct(next, options) && !isKnownProduct(word, options) && word.length >= 2 && !PRODUCT_HEADS.has(word.charAt(word.length - 1))) {
      push('brand', token.span);
      continue;
    }
    push('product', stripModifier(token, options));
  }
  for (const match of normalized.matchAll(MODEL)) push('model', { start: match.index, end: match.index + match[0].length });
  return mentions.sort((a, b) => a.span.start - b.span.start);
}
