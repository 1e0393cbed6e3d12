/**
 * A foundation's shade for the customer's skin tone ("我比较白" → 象牙白), and the one to try next.
 */
import { FOUNDATION_SHADES } from '../dialogue/read-skin-tone.ts';
import type { SkinTone } from '../dialogue/read-skin-tone.ts';
import type { Product } from '../knowledge/schemas.ts';

/** Foundation shades by skin tone, best first, with how a guide says the tone. */
const SAID: Record<SkinTone, string> = { deep: '肤色偏深', yellow: '皮肤偏黄', fair: '皮肤白' };

/** The shade of a foundation for a skin tone, and the one to try next, when it has shades that suit. */
export function shadeFor(product: Product, tone: SkinTone): { said: string; pick: string; next?: string } | undefined {
  const raw = product.attributes['色号'];
  const shades = Array.isArray(raw) ? raw : [];
  const said = SAID[tone];
  const order = FOUNDATION_SHADES[tone];
  const [pick, next] = order.filter((shade) => shades.includes(shade));
  return pick ? { said, pick, ...(next ? { next } : {}) } : undefined;
}
