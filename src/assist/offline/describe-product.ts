/** A product as a guide names it in a reply: catalog name and price, with the reasons in the customer's terms. */
import type { DialogueState } from '../dialogue/dialogue-state.ts';
import { describeBudget } from '../dialogue/describe-state.ts';
import type { Product } from '../knowledge/schemas.ts';
import { formatPrice } from './fill-template.ts';
import { aboveBudget, hasColour, hasSize, withinBudget } from './pick-products.ts';
import { speakOfRecipient } from './speak-of-recipient.ts';

const OCCASION_FIT: Record<string, string> = { 通勤: '通勤穿很合适', 约会: '约会穿很合适', 婚礼: '参加婚礼很得体', 运动: '运动时穿很舒服', 聚会: '聚会穿很出彩', 旅行: '旅行带着方便', 生日: '当生日礼物很合适' };

/** Clothes and shoes are worn (穿); the rest is used or carried. */
function wearable(product: Product): boolean {
  return product.category === '服装' || product.category === '鞋履';
}

export function priceTag(product: Product): string {
  return `¥${formatPrice(product.price)}`;
}

export function reasonsFor(product: Product, state: DialogueState): string[] {
  const { slots } = state;
  const reasons: string[] = [];
  if (slots.size && hasSize(product, slots.size.value) && slots.size.value !== '均码') reasons.push(`有${slots.size.value}码`);
  if (slots.colour && hasColour(product, slots.colour.value)) reasons.push(`有${slots.colour.value}`);
  // "有没有便宜点的": the budget was derived from the product in focus, not said; compare with that product.
  const derived = slots.budget && (/便宜/u.test(slots.budget.quote) || (slots.variant && slots.variant.messageId === slots.budget.messageId));
  // Compared with what was just shown, without naming the dearer one again.
  const compared = slots.variant && slots.variant.value.besides.length > 1 ? (slots.variant.value.besides.length === 2 ? '刚才那两款' : '刚才那几款') : '刚才那款';
  if (derived && compared && slots.focus && slots.focus.value.sku !== product.sku) reasons.push(`比${compared}便宜一些`);
  else if (slots.budget) {
    const budget = slots.budget.value;
    if (aboveBudget(product.price, budget)) reasons.push(`比您${describeBudget(budget)}的预算稍高一点`);
    else if (withinBudget(product.price, budget)) reasons.push(`在您${describeBudget(budget)}的预算内`);
    else reasons.push(`比您${describeBudget(budget)}的预算低一些`);
  }
  const giftSaid = slots.recipient?.value.gift === true;
  if (slots.occasion && !(giftSaid && slots.occasion.value === '生日') && (product.tags ?? []).includes(`场合/${slots.occasion.value}`)) reasons.push(wearable(product) ? (OCCASION_FIT[slots.occasion.value] ?? `适合${slots.occasion.value}`) : `适合${slots.occasion.value}时用`);
  if (slots.recipient) reasons.push(slots.recipient.value.gift ? `送${speakOfRecipient(slots.recipient.value)}很合适` : `适合${speakOfRecipient(slots.recipient.value)}`);
  const skin = product.attributes['肤质'];
  if (slots.skinType && skin && (Array.isArray(skin) ? skin : [skin]).includes(slots.skinType.value)) reasons.push(`适合${slots.skinType.value}肌肤`);
  return reasons;
}

/** "水洗牛仔夹克（¥499，有M码、在您500左右的预算内）" */
export function productLine(product: Product, state: DialogueState): string {
  const reasons = reasonsFor(product, state);
  return `${product.name}（${[priceTag(product), ...reasons].join('，')}）`;
}

/** The first clause of the description: what the product is like, in the catalog's words. */
export function sellingPoint(product: Product): string {
  const first = /^[^。！!；;]+/u.exec(product.description)?.[0] ?? '';
  return first.length > 0 && first.length <= 40 ? first : first.slice(0, first.lastIndexOf('，', 40) > 0 ? first.lastIndexOf('，', 40) : 40);
}
