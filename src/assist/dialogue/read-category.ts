/**
 * The kind of product a text asks for: the everyday words of category-words.ts and the catalog's own
 * subcategory names, the later mention winning, leaving out what it is worn with or goes inside it.
 */
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import { normalizeAligned } from '../tags/find-phrases.ts';
import { CATEGORY_WORDS, SHOWN_AS } from './category-words.ts';
import type { CategoryNeed } from './dialogue-state.ts';
import type { Reading } from './read-needs.ts';

/** `a` names a narrower kind of the same category than `b` (单鞋 within 鞋). */
function narrower(a: CategoryNeed, b: CategoryNeed): boolean {
  return a.category === b.category && a.subcategories.length > 0 && (b.subcategories.length === 0 || a.subcategories.every((s) => b.subcategories.includes(s))) && a.word.length > b.word.length;
}

const subcategoryWords = new WeakMap<KnowledgeBase, CategoryNeed[]>();

/** The catalog's subcategory names that the word table does not already cover, once per knowledge base. */
function catalogWords(kb: KnowledgeBase): CategoryNeed[] {
  let words = subcategoryWords.get(kb);
  if (!words) {
    const seen = new Map<string, CategoryNeed>();
    for (const product of kb.products) {
      if (product.subcategory && !(product.subcategory.toLowerCase() in CATEGORY_WORDS) && !seen.has(product.subcategory)) {
        seen.set(product.subcategory, { word: product.subcategory, category: product.category, subcategories: [product.subcategory] });
      }
    }
    words = [...seen.values()];
    subcategoryWords.set(kb, words);
  }
  return words;
}

/** The longest product word in the text, the catalog's own subcategory names included. */
export function readCategory(kb: KnowledgeBase, text: string): Reading<CategoryNeed> | undefined {
  const normalized = normalizeAligned(text);
  let best: Reading<CategoryNeed> | undefined;
  let bestAt = -1;
  // "鞋码", "包邮", "包装好看点" are not products: the last mention of 鞋/包 that is one.
  const notProduct = (at: number): boolean => /^(?:鞋码|包邮|包装|包退|包换|包裹|包括|包含|包成|包起|包一|包个)$/u.test(normalized.slice(at, at + 2)) || /^(?:打包|红包|面包)$/u.test(normalized.slice(Math.max(0, at - 1), at + 1));
  const lastMention = (word: string): number => {
    let found = normalized.lastIndexOf(word);
    if (word !== '鞋' && word !== '包') return found;
    while (found >= 0 && notProduct(found)) found = found > 0 ? normalized.lastIndexOf(word, found - 1) : -1;
    return found;
  };
  const consider = (word: string, need: CategoryNeed): void => {
    const found = lastMention(word.toLowerCase());
    if (found < 0) return;
    // "装手机口红就行": what goes inside the thing is not the thing.
    // ("女装大衣", "套装" are kinds of clothes: 装 there is no verb.)
    if (/(?<![女男童套西服时冬夏春秋正便工礼洋泳睡休军])(?:装|放)(?:得下|下)?(?:手机|钥匙|水杯)?\s*$/u.test(normalized.slice(Math.max(0, found - 5), found))) return;
    // "穿衬衫外面的马甲", "大衣里面搭的": the thing worn with it is not the thing wanted.
    if (/^(?:外面|里面|里边|外边|外头|上面|下面)/u.test(normalized.slice(found + word.length))) return;
    // "细一点的皮带 配裙子的": what it is worn with ("再配个面霜" wants one); "一瓶正装的": a full-size bottle.
    const before = normalized.slice(Math.max(0, found - 3), found);
    // "别给我推精华 就要霜": a kind turned down is not the kind wanted.
    if (/(?:别|不要|不用|不想要)(?:给我|再)?(?:推荐?|介绍|发)?$/u.test(normalized.slice(Math.max(0, found - 6), found))) return;
    // "衣服就算了": ruled out after it is named.
    if (/^(?:就|还是|也)?(?:算了|不要了|不考虑了?|免了|pass)/iu.test(normalized.slice(found + word.length))) return;
    if (/(?:配|搭)着?$/u.test(before) || (word === '正装' && (/[瓶支罐盒]$/u.test(before) || normalized.slice(found + 2).startsWith('那种')))) return;
    // "单鞋…每次买鞋都头疼": a wider word for the same kind, before or after, keeps the narrower one.
    if (best && narrower(best.value, need)) return;
    if (best && narrower(need, best.value)) {
      best = { value: need, quote: word };
      bestAt = found + word.length;
      return;
    }
    // The later mention wins ("不要裙子了，看看裤子"), by where it ends ("钱包" is not "包"); at the
    // same end the longer word does.
    const at = found + word.length;
    if (at > bestAt || (at === bestAt && word.length > (best?.value.word.length ?? 0))) {
      best = { value: need, quote: word };
      bestAt = at;
    }
  };
  for (const [word, entry] of Object.entries(CATEGORY_WORDS)) consider(word, { word: SHOWN_AS[word] ?? word, ...entry });
  for (const need of catalogWords(kb)) consider(need.word, need);
  return best ? eitherOf(kb, normalized, best) : best;
}

/** "围巾披肩都行", "围巾或者披肩": two kinds of one category side by side, either of them wanted. */
function eitherOf(kb: KnowledgeBase, text: string, best: Reading<CategoryNeed>): Reading<CategoryNeed> {
  const at = text.lastIndexOf(best.quote);
  const before = text.slice(Math.max(0, at - 6), at);
  const after = text.slice(at + best.quote.length, at + best.quote.length + 4);
  const joined = /(?:或者|或|还是|和|跟|、|\s)?$/u.exec(before);
  if (!/^(?:都行|都可以|都好|也行|都ok)/iu.test(after) && !/(?:或者|或)$/u.test(before)) return best;
  const other = [...Object.entries(CATEGORY_WORDS).map(([word, entry]) => ({ word, ...entry })), ...catalogWords(kb)].find((need) => need.word !== best.value.word && need.word.length >= 2 && before.replace(joined?.[0] ?? '', '').endsWith(need.word) && need.category === best.value.category && need.subcategories.length > 0);
  if (!other || best.value.subcategories.length === 0) return best;
  const word = `${other.word}或${best.value.word}`;
  // Either kind will do, so a name one of them requires (披肩) no longer narrows the pick.
  const { nameIncludes: _one, ...rest } = best.value;
  const keep = other.nameIncludes === best.value.nameIncludes ? best.value.nameIncludes : undefined;
  return { value: { ...rest, ...(keep ? { nameIncludes: keep } : {}), word, subcategories: [...new Set([...other.subcategories, ...best.value.subcategories])] }, quote: best.quote };
}
