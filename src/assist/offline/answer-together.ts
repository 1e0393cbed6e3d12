/**
 * "两个都要 一共多少 包邮不": the products just shown, bought together — their total from the catalog
 * prices and whether the order ships free under the store's 满X包邮.
 */
import type { DialogueState } from '../dialogue/dialogue-state.ts';
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import type { Part } from './answer-product.ts';
import { priceTag } from './describe-product.ts';
import { formatPrice } from './fill-template.ts';

const TOGETHER = /(?:两个|两款|俩|两件|两双|两条|两瓶|两支|都)(?:都)?要了?|一起(?:拿|买|要|下单)|一共多少|总共多少|加起来多少|合起来多少|一共几多|一共多钱/u;

/** The spend that ships free, as the policy's promotion says it (满299包邮). */
function freeShippingFrom(kb: KnowledgeBase): number | undefined {
  for (const p of kb.policy.promotions) {
    const at = /满(\d+)元?包邮/u.exec(p.label);
    if (at) return Number(at[1]);
  }
  return undefined;
}

export function answerTogether(kb: KnowledgeBase, state: DialogueState): Part | undefined {
  if (!TOGETHER.test(state.newestText)) return undefined;
  const shown = state.slots.shown;
  // Only the options the guide's last message put on the table, two or three of them.
  if (!shown || shown.value.length < 2 || shown.value.length > 3) return undefined;
  const items = shown.value;
  const total = items.reduce((sum, p) => sum + p.price, 0);
  const free = freeShippingFrom(kb);
  const shipping = free === undefined || !/包邮|运费|邮费|寄/u.test(state.newestText) ? '' : total >= free ? `，已经满${free}包邮了` : `，还不到满${free}包邮`;
  const list = items.map((p) => `${p.name}${priceTag(p)}`).join(' + ');
  return { text: `好的～${list}，一共¥${formatPrice(total)}${shipping}。我这就给您发小程序订单链接，您确认后付款就可以～`, products: items };
}
