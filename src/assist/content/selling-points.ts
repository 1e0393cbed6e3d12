import type { Product } from '../knowledge/schemas.ts';

const ATTRIBUTE_ORDER = ['材质', '成分', '功效', '版型', '肤质', '香调', '容量', '颜色', '尺码', '鞋码', '季节'];

function listOf(value: string | string[]): string {
  return Array.isArray(value) ? value.slice(0, 3).join('、') : value;
}

/** Up to `n` short facts about a product, only from its catalog entry (never invented). */
export function sellingPoints(product: Product, n = 3): string[] {
  const fromAttributes = ATTRIBUTE_ORDER.flatMap((key) => {
    const value = product.attributes[key];
    return value === undefined ? [] : [`${key}：${listOf(value)}`];
  });
  const fromDescription = product.description
    .split(/[。；;！!]/u)
    .map((s) => s.trim())
    .filter((s) => s.length >= 4 && s.length <= 40);
  return [...fromDescription.slice(0, 1), ...fromAttributes].slice(0, n);
}

/** The catalog price as guides write it. */
export function priceText(product: Product): string {
  return `¥${Number.isInteger(product.price) ? product.price : product.price.toFixed(2)}`;
}
