/**
 * The reason in the customer's own terms: the clause of a product's description that speaks to what
 * they said about themselves or the use ("脚背也高" → "宽楦版型，脚背高的男士穿着也不压脚"), found by the
 * two-character words both share, leaving out the product's own name and words every request has.
 */
import type { Product } from '../knowledge/schemas.ts';

/** Characters that make a pair a grammatical one rather than a word ("的时", "我也"). */
const FUNCTION = /[的了吗呢吧啊呀哦嘛也都很就还是在有我你他她它们这那么个一不没和跟与或给把被让要想能会可以]/u;
/** Pairs every request shares with some description. */
const COMMON = new Set(['适合', '平时', '时候', '比较', '喜欢', '好看', '舒服', '穿着', '日常', '颜色', '款式', '衣服', '鞋子', '推荐', '预算', '尺码', '上班', '百搭']);

/** What a piece is worn with is not what it is: 长款 wanted is no match for 配长款大衣. */
const PAIRING = /配|搭/u;

function pairs(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) {
      const pair = run.slice(i, i + 2);
      if (!FUNCTION.test(pair) && !COMMON.has(pair)) out.add(pair);
    }
  }
  return out;
}

/** The description clause that answers the customer's words, when one shares a word with them. */
export function clauseForWishes(product: Product, wishes: string): string | undefined {
  const said = pairs(wishes);
  if (said.size === 0) return undefined;
  const own = pairs(`${product.name}${product.subcategory}${product.category}`);
  let best: { clause: string; score: number } | undefined;
  for (const sentence of product.description.split(/[。！!；;]/u)) {
    const clauses = sentence.split(/[，,]/u).map((c) => c.trim());
    for (const [i, clause] of clauses.entries()) {
      const score = [...pairs(clause)].filter((p) => said.has(p) && !own.has(p)).length;
      // A short clause ("宽楦版型") reads with the one after it.
      const whole = clause.length < 8 && clauses[i + 1] ? `${clause}，${clauses[i + 1]}` : clause;
      if (score > 0 && !PAIRING.test(whole) && whole.length <= 28 && (!best || score > best.score)) best = { clause: whole, score };
    }
  }
  return best?.clause;
}
