/**
 * Category keywords learned from the store's own catalog: a word of a product's name or subcategory
 * that only occurs in one category ("晚桂" only in 美妆, "切尔西靴" only in 鞋履) becomes a keyword of
 * the library tag named after that category. A customer who names a product thus tags its category.
 */
import { PRODUCT_WORDS } from '../knowledge/retail-dict.ts';
import type { CorpTagLibraryInput, Product, TagRule } from '../knowledge/schemas.ts';
import { getJieba, normalizeText } from '../knowledge/segment.ts';
import { PRODUCT_HEADS } from './mention-lexicon.ts';

const HAN_OR_WORD = /^[\p{Script=Han}a-z]{2,}$/u;
const KNOWN_PRODUCTS = new Set(PRODUCT_WORDS);

/** A coined series name ("晨露", "云步") is not a dictionary word: jieba without HMM splits it. */
function isCoined(word: string): boolean {
  return getJieba().cut(word, false).length > 1;
}

function isProductLike(word: string): boolean {
  return KNOWN_PRODUCTS.has(word) || PRODUCT_HEADS.has(word.charAt(word.length - 1));
}

/**
 * The words of a product a customer would use: its full name, its subcategory, product nouns in the
 * name ("切尔西" + "靴" → 切尔西靴) and coined series names; not everyday adjectives ("经典", "日常").
 */
function wordsOf(product: Product): Set<string> {
  // The sku ("SH-3004") and the opening of a long name ("雨后森林淡香水" → 雨后森林) are how customers refer to it.
  const words = new Set<string>([normalizeText(product.sku)]);
  const name = normalizeText(product.name).trim();
  if (name.length > 4 && /^\p{Script=Han}{4}/u.test(name)) words.add(name.slice(0, 4));
  for (const source of [product.name, product.subcategory]) {
    const whole = normalizeText(source).trim();
    if (whole.length >= 2) words.add(whole);
    const tokens = getJieba().cut(whole, true).filter((token) => token.trim().length > 0);
    tokens.forEach((token, index) => {
      if (!HAN_OR_WORD.test(token)) return;
      if (isProductLike(token) || isCoined(token)) words.add(token);
      const next = tokens[index + 1];
      if (next && next.length <= 2 && isProductLike(next)) words.add(token + next);
    });
  }
  return words;
}

export function catalogCategoryRules(
  products: readonly Product[],
  corp: CorpTagLibraryInput,
  otherRules: Readonly<Record<string, TagRule>> = {},
): Record<string, TagRule> {
  // A word another tag already owns ("通勤", "跑步" for 场合) says nothing about the category.
  const owned = new Set(Object.values(otherRules).flatMap((rule) => [...rule.keywords, ...rule.synonyms].map((w) => normalizeText(w))));
  const tagByCategory = new Map<string, string>();
  for (const group of corp.groups) {
    for (const tag of group.tags) tagByCategory.set(tag.name, `${group.name}/${tag.name}`);
  }
  const categoriesOf = new Map<string, Set<string>>();
  for (const product of products) {
    for (const word of wordsOf(product)) {
      const set = categoriesOf.get(word) ?? new Set<string>();
      set.add(product.category);
      categoriesOf.set(word, set);
    }
  }
  const keywords = new Map<string, string[]>();
  for (const [word, categories] of categoriesOf) {
    if (categories.size !== 1 || owned.has(word)) continue;
    const [category] = [...categories];
    const key = category === undefined ? undefined : tagByCategory.get(category);
    if (!key) continue;
    keywords.set(key, [...(keywords.get(key) ?? []), word]);
  }
  return Object.fromEntries(
    [...keywords].map(([key, words]) => [key, { keywords: words.sort(), synonyms: [], regexes: [], negative: [] } satisfies TagRule]),
  );
}

/** Rules from several sources for the same tag are concatenated. */
export function mergeTagRules(...sources: readonly Readonly<Record<string, TagRule>>[]): Record<string, TagRule> {
  const merged: Record<string, TagRule> = {};
  for (const source of sources) {
    for (const [key, rule] of Object.entries(source)) {
      const current = merged[key];
      merged[key] = current
        ? {
            keywords: [...current.keywords, ...rule.keywords],
            synonyms: [...current.synonyms, ...rule.synonyms],
            regexes: [...current.regexes, ...rule.regexes],
            negative: [...current.negative, ...rule.negative],
            extractor: current.extractor ?? rule.extractor,
            fallback: current.fallback ?? rule.fallback,
          }
        : { ...rule };
    }
  }
  return merged;
}
