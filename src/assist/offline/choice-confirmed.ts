/**
 * "L 藏青 我腿短 改裤长要几天" after the guide showed the trousers: the size and colour chosen are confirmed
 * for the product in view before the service asked beside them, since the answer alone would leave the
 * choice unanswered.
 */
import type { DialogueState } from '../dialogue/dialogue-state.ts';
import { aboutOwnPurchase } from '../dialogue/about-purchase.ts';
import { saidNow } from '../dialogue/said-now.ts';
import type { Part } from './answer-product.ts';
import { hasColour, hasSize } from './pick-products.ts';

/** Services asked beside a choice: altering, wrapping or engraving it, sending it. */
const SERVICE_BESIDE: ReadonlySet<string> = new Set(['售后', '礼盒包装', '物流']);

export function withChoiceConfirmed(top: Part, state: DialogueState): Part {
  const product = state.slots.focus?.value;
  const size = saidNow(state, 'size');
  const colour = saidNow(state, 'colour');
  // Only for a product the guide put in view, not one the customer bought and talks about.
  const inView = product !== undefined && state.slots.focus?.messageId !== state.newestMessageId && !state.relationship.purchases.some((p) => p.sku === product.sku) && !aboutOwnPurchase(state);
  if (!product || !inView || state.complaint || (!size && !colour) || top.text.includes(product.name) || top.products.length > 0 || !SERVICE_BESIDE.has(state.intents[0]?.intent ?? '')) return top;
  const asked = `${colour ?? ''}${size ? `${size}码` : ''}`;
  const has = (!size || hasSize(product, size)) && (!colour || hasColour(product, colour));
  const head = has ? `${product.name}${asked}有的，` : `${product.name}暂时没有${asked}，`;
  return { ...top, text: `${head}${top.text.replace(/^可以的?[。，]/u, '')}`, products: [product, ...top.products] };
}
