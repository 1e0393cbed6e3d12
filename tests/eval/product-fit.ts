/**
 * Does a catalog product fit what the customer said? Category, subcategory, budget (with a guide's
 * tolerance), size, colour and who it is for. The tolerances:
 *   max X        → price ≤ 1.1·X          ("不超过一千" still takes a ¥1,099 coat, with a word)
 *   around X     → 0.75·X ≤ price ≤ 1.25·X
 *   min A, max B → 0.9·A ≤ price ≤ 1.1·B
 * Gender: a name with 男士/男款 is a men's product, 女士/女款 a women's one. For a woman nothing of the
 * men's. For a man nothing of the women's; in 服装 and 鞋履 only men's products (the catalog's unmarked
 * clothes and shoes are cut for women: a man asking for 大衣 gets 男士单排扣羊毛大衣); elsewhere a men's
 * product when one meets every other constraint (雪松男士淡香水 over 白茶淡香水), else any unmarked one
 * (a 牛皮卡包 is fine for a boyfriend).
 * Size: 尺码 for clothes, 鞋码 for shoes; 均码 fits every size. Skin: 肤质 lists it or says 全肤质.
 */
import type { KnowledgeBase } from '../../src/assist/knowledge/build-knowledge-base.ts';
import type { Product } from '../../src/assist/knowledge/schemas.ts';
import type { Budget, ProductExpect } from './dialogue-line.ts';

const MENS = /男士|男款/u;
const WOMENS = /女士|女款/u;

export function isMens(product: Product): boolean {
  return MENS.test(product.name);
}

export function isWomens(product: Product): boolean {
  return WOMENS.test(product.name);
}

/** The price band a budget accepts: [low, high]. */
export function budgetBounds(budget: Budget): [number, number] {
  if ('around' in budget) return [0.75 * budget.around, 1.25 * budget.around];
  return [budget.min === undefined ? 0 : 0.9 * budget.min, budget.max === undefined ? Number.POSITIVE_INFINITY : 1.1 * budget.max];
}

export function isOverBudget(product: Product, budget: Budget): boolean {
  return product.price > budgetBounds(budget)[1];
}

function values(product: Product, key: string): string[] {
  const value = product.attributes[key];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).flatMap((v) => v.split('/'));
}

function matchesKind(product: Product, want: ProductExpect): boolean {
  if (want.category && product.category !== want.category) return false;
  if (want.subcategory && !want.subcategory.includes(product.subcategory)) return false;
  return true;
}

const CUT_BY_GENDER = new Set(['服装', '鞋履']);

function fitsGender(kb: KnowledgeBase, product: Product, want: ProductExpect): boolean {
  if (want.gender === 'female') return !isMens(product);
  if (want.gender === 'male') {
    if (isWomens(product)) return false;
    if (isMens(product)) return true;
    if (CUT_BY_GENDER.has(product.category)) return false;
    return !kb.products.some((p) => isMens(p) && fitsApartFromGender(p, want));
  }
  return true;
}

export function fitsSize(product: Product, size: string): boolean {
  const sizes = [...values(product, '尺码'), ...values(product, '鞋码')];
  return sizes.some((s) => s === size || s === '均码');
}

export function fitsColour(product: Product, colour: string): boolean {
  return values(product, '颜色').some((c) => c === colour || c.includes(colour));
}

export function fitsSkin(product: Product, skin: string): boolean {
  return values(product, '肤质').some((s) => s === skin || s === '全肤质');
}

function fitsApartFromGender(product: Product, want: ProductExpect): boolean {
  if (!matchesKind(product, want)) return false;
  if (want.budget) {
    const [low, high] = budgetBounds(want.budget);
    if (product.price < low || product.price > high) return false;
  }
  if (want.size && !fitsSize(product, want.size)) return false;
  if (want.colour && !fitsColour(product, want.colour)) return false;
  if (want.skin && !fitsSkin(product, want.skin)) return false;
  return true;
}

export function fitsRequest(kb: KnowledgeBase, product: Product, want: ProductExpect): boolean {
  return fitsApartFromGender(product, want) && fitsGender(kb, product, want);
}

/** Every catalog product that fits (for writing and checking the dev set). */
export function fittingProducts(kb: KnowledgeBase, want: ProductExpect): Product[] {
  return kb.products.filter((product) => fitsRequest(kb, product, want));
}
