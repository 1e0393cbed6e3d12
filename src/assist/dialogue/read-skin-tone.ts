/**
 * How light or deep the customer's skin is, as they say it ("我比较白", "偏黄 也不算白", "有点黄黑"):
 * what a foundation's shade is chosen by. Not a colour wanted, and not the skin type (干皮, 油皮).
 */
export type SkinTone = 'fair' | 'yellow' | 'deep';

/** A foundation's shades for each tone, best first (the catalog's 色号 words). */
export const FOUNDATION_SHADES: Record<SkinTone, string[]> = { deep: ['小麦色', '自然色'], yellow: ['自然色', '小麦色'], fair: ['象牙白', '亮肤色', '自然色'] };

/** Whether a product's shades are a foundation's, chosen by skin tone. */
export function shadedByTone(shades: unknown): boolean {
  return Array.isArray(shades) && shades.some((c) => Object.values(FOUNDATION_SHADES).some((list) => list.includes(String(c))));
}

const TONES: [RegExp, SkinTone][] = [
  [/黄黑|偏黑|黑皮|小麦色?皮|肤色(?:偏)?深|皮肤(?:有点|比较|偏)?黑|我(?:有点|比较)?黑|健康色/u, 'deep'],
  [/偏黄|黄皮|暗沉|不算白|不白|(?:皮肤|肤色)(?:有点|比较|偏)?黄|我(?:有点|比较)?黄/u, 'yellow'],
  [/冷白|白皙|白皮|偏白|(?:皮肤|肤色)(?:有点|比较|挺|很|偏)?白|我(?:比较|挺|很|蛮)白|比较白|挺白的/u, 'fair'],
];

export function readSkinTone(text: string): { value: SkinTone; quote: string } | undefined {
  for (const [pattern, value] of TONES) {
    const match = pattern.exec(text);
    if (match) return { value, quote: match[0] };
  }
  return undefined;
}
