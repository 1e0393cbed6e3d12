/**
 * Where the relationship stands, for the scripts that only fit one situation: a welcome for a contact
 * added today, 好久不见 after weeks of silence, an after-purchase follow-up only for a known purchase.
 */
import type { ChatMessage, CustomerProfile } from '../../conversation/model.ts';
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import type { Product } from '../knowledge/schemas.ts';
import type { Relationship } from './dialogue-state.ts';
import { productsInOrder } from './read-focus.ts';
import { readPurchaseAge } from './read-purchase-age.ts';

const DAY = 86_400_000;
const NEW_WITHIN_MS = DAY;
const RETURNING_AFTER_MS = 14 * DAY;
const BOUGHT = /买了|买的|入了|下单了|收到了|收到的|拿了|穿了|用了/u;

export function readRelationship(kb: KnowledgeBase, conversation: readonly ChatMessage[], profile: CustomerProfile | undefined, guideId: string, now: number): Relationship {
  const since = profile?.relationships[guideId]?.since;
  const newest = conversation.findLast((m) => m.speaker === 'customer');
  const newestIndex = newest ? conversation.lastIndexOf(newest) : -1;
  // The last message before the customer's current burst.
  let previous: ChatMessage | undefined;
  for (let i = newestIndex - 1; i >= 0; i--) {
    const m = conversation[i] as ChatMessage;
    if (m.speaker === 'guide' || (newest && newest.at - m.at > 6 * 3_600_000)) {
      previous = m;
      break;
    }
  }
  const purchases = new Map<string, Product>();
  for (const fact of profile?.facts ?? []) {
    if (fact.key !== 'purchase') continue;
    const product = kb.productBySku.get(fact.value) ?? kb.products.find((p) => p.name === fact.value);
    if (product) purchases.set(product.sku, product);
  }
  // "牛仔裤穿了两周就鼓包了 另外之前看的那个垂感阔腿裤还有S吗": only what the clause says was bought.
  for (const m of conversation) {
    if (m.speaker !== 'customer' || !BOUGHT.test(m.text)) continue;
    for (const clause of m.text.split(/[，。！？!?；;\s]+|另外|还有|顺便/u)) {
      if (BOUGHT.test(clause)) for (const p of productsInOrder(kb, clause)) purchases.set(p.sku, p);
    }
  }
  const boughtDaysAgo = readPurchaseAge(
    conversation.filter((m) => m.speaker === 'customer').map((m) => m.text),
    (profile?.facts ?? []).filter((f) => f.key === 'purchase').map((f) => f.at),
    now,
  );
  return {
    ...(boughtDaysAgo !== undefined ? { boughtDaysAgo } : {}),
    isNew: since !== undefined && now - since <= NEW_WITHIN_MS,
    returning: previous !== undefined && newest !== undefined && newest.at - previous.at >= RETURNING_AFTER_MS,
    purchases: [...purchases.values()],
    guideHasSpoken: conversation.some((m) => m.speaker === 'guide' && (!newest || m.at <= newest.at)),
  };
}
