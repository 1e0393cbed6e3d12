/** A product as a guide names it in a reply: catalog name and price, with the reasons in the customer's terms. */
import type { DialogueState } from '../dialogue/dialogue-state.ts';
import { describeBudget } from '../dialogue/describe-state.ts';
import { readRecipient } from '../dialogue/read-recipient.ts';
import { checkDraft } from '../guardrails/check-draft.ts';
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import type { Product } from '../knowledge/schemas.ts';
import { COLOURS_ASK } from '../dialogue/intent-cues.ts';
import { clauseForWishes } from './echo-wishes.ts';
import { formatPrice } from './fill-template.ts';
import { aboveBudget, colours, hasColour, hasSize, sizesOf, withinBudget } from './pick-products.ts';
import { coloursWished } from '../dialogue/read-colour-wish.ts';
import { shadeFor } from './shade-for.ts';
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
  // "她穿38的" for slippers sized 37-38: the size as the product labels it.
  const label = slots.size ? sizesOf(product).find((s) => s.includes('-') && s.split('-').includes(slots.size?.value ?? '')) : undefined;
  if (slots.size && hasSize(product, slots.size.value) && slots.size.value !== '均码') reasons.push(`有${label ?? slots.size.value}码`);
  if (slots.colour && hasColour(product, slots.colour.value)) reasons.push(`有${slots.colour.value}`);
  // "干皮 我比较白": the shade of a foundation for the tone told.
  const shade = slots.skinTone ? shadeFor(product, slots.skinTone.value) : undefined;
  if (shade) reasons.push(`${shade.said}选${shade.pick}`);
  // "别黑色了 浅色点": the colours it has that the customer has not turned down.
  const wished = !slots.colour && slots.colourWish ? coloursWished(colours(product), slots.colourWish.value) : [];
  if (wished.length > 0) reasons.push(`有${wished.slice(0, 3).join('、')}`);
  // "有没有便宜点的": the budget was derived from the product in focus, not said; compare with that product.
  const derived = slots.budget && (/便宜/u.test(slots.budget.quote) || (slots.variant && slots.variant.messageId === slots.budget.messageId));
  // Compared with what was just shown, without naming the dearer one again.
  const compared = slots.variant && slots.variant.value.besides.length > 1 ? (slots.variant.value.besides.length === 2 ? '刚才那两款' : '刚才那几款') : '刚才那款';
  const below = slots.focus !== undefined && product.price < slots.focus.value.price;
  if (derived && compared && slots.focus && slots.focus.value.sku !== product.sku && below) reasons.push(`比${compared}便宜一些`);
  // "预算加到一千 有没有高级点的": above the one in view, inside the budget said.
  else if (derived && slots.budget && slots.focus && product.price > slots.focus.value.price && !/便宜/u.test(slots.budget.quote)) {
    if (product.price <= slots.budget.value.hi) reasons.push(`在您${describeBudget({ kind: 'max', lo: 0, hi: slots.budget.value.hi })}的预算内`);
  } else if (slots.budget) {
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
export function productLine(product: Product, state: DialogueState, kb: KnowledgeBase): string {
  const found = state.slots.wishes ? clauseForWishes(product, state.slots.wishes.value) : undefined;
  // The catalog's words pass the same guardrails as any draft: a clause they would flag, or one that
  // names another product, is left out.
  const check = found ? checkDraft(kb, found) : undefined;
  // "随手送同事很合适" is no reason when the one asked for is a boyfriend.
  const forWhom = found ? readRecipient(found)?.value.who : undefined;
  const someoneElse = forWhom !== undefined && state.slots.recipient !== undefined && forWhom !== state.slots.recipient.value.who;
  const echo = found && check && check.flags.length === 0 && check.skus.every((sku) => sku === product.sku) && !someoneElse ? found : undefined;
  // "婚礼当天配婚纱…" says the occasion already: "参加婚礼很得体" would repeat it.
  // Size, colour and budget are facts to keep; only the occasion or recipient may be said twice.
  const said = (reason: string): boolean => echo !== undefined && !/预算|码|^有/u.test(reason) && [...(reason.match(/\p{Script=Han}{2}/gu) ?? [])].some((pair) => echo.includes(pair) && !/适合|很合|合适/u.test(pair));
  const reasons = [...(echo ? [echo] : []), ...reasonsFor(product, state).filter((r) => !said(r))];
  // "瑜伽裤有几个色 有xs没": the colours asked about, beside the pick.
  const asked = COLOURS_ASK.test(state.newestText) && !state.slots.colour ? product.attributes['颜色'] : undefined;
  const palette = Array.isArray(asked) && asked.length > 0 ? [`${asked.join('、')}${asked.length > 1 ? `${asked.length}个颜色` : ''}`] : [];
  return `${product.name}（${[priceTag(product), ...palette, ...reasons].join('，')}）`;
}

/** The first clause of the description: what the product is like, in the catalog's words. */
export function sellingPoint(product: Product): string {
  const first = /^[^。！!；;]+/u.exec(product.description)?.[0] ?? '';
  return first.length > 0 && first.length <= 40 ? first : first.slice(0, first.lastIndexOf('，', 40) > 0 ? first.lastIndexOf('，', 40) : 40);
}

/** The measure word a guide says it with: 那条裙子, 那件夹克, 那双鞋, 那个包. */
export function countWord(product: Product): string {
  if (product.category === '鞋履') return '双';
  if (product.subcategory === '包袋' || product.subcategory === '皮具小件') return '个';
  if (/裙|裤|围巾|披肩|丝巾|项链|手链|腰带/u.test(product.subcategory)) return '条';
  if (product.category === '服装') return '件';
  return '款';
}

/** "我是金卡 打完折多少钱": the member rate and the price at it, when the customer asks for a member price. */
export function memberPrice(kb: KnowledgeBase, product: Product, said: string): string | undefined {
  const member = kb.policy.discounts[0];
  if (!member || !/金卡|黑金|会员价|打完折|折后|打折后|打折完/u.test(said)) return undefined;
  return `${member.label}，折后是¥${Math.round(product.price * member.rate)}`;
}
