/**
 * One dialogue line → the SuggestInput the engines take: messages m1..mN a minute apart ending at a
 * fixed `now`, a profile with the eval guide's relationship (new or old), name, gender and purchases.
 */
import type { SuggestInput } from '../../src/assist/engine-types.ts';
import { parseContextLine } from '../../src/assist/offline/rank-replies.ts';
import type { ChatMessage, CustomerProfile } from '../../src/conversation/model.ts';
import type { DialogueLine } from './dialogue-line.ts';

/** A fixed clock so every run sees the same dates (a Saturday morning in Shanghai). */
export const EVAL_NOW = Date.parse('2026-11-28T10:00:00+08:00');
export const EVAL_GUIDE = 'eval-guide';
export const EVAL_CUSTOMER = 'eval-customer';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Without addedMinutesAgo the customer is an old contact. */
const OLD_RELATIONSHIP_DAYS = 200;
const PURCHASE_DAYS_AGO = 20;

/** Index of the first message of the final run of customer lines (the ones being answered). */
function finalCustomerRun(messages: readonly { speaker: string }[]): number {
  let start = messages.length;
  while (start > 0 && messages[start - 1]?.speaker === 'customer') start--;
  return start;
}

export function toSuggestInput(line: Pick<DialogueLine, 'context' | 'customer'>, now = EVAL_NOW): SuggestInput {
  const parsed = line.context.map((text) => parseContextLine(text));
  const runStart = finalCustomerRun(parsed);
  const gap = (line.customer?.daysSinceLastChat ?? 0) * DAY;
  const conversation: ChatMessage[] = parsed.map(({ speaker, text }, index) => ({
    id: `m${index + 1}`,
    guideId: EVAL_GUIDE,
    customerId: EVAL_CUSTOMER,
    speaker,
    text,
    source: 'paste',
    // The earlier chat happened `daysSinceLastChat` days before today's customer lines.
    at: now - (parsed.length - 1 - index) * MINUTE - (index < runStart ? gap : 0),
  }));
  const customer = line.customer ?? {};
  const sinceMinutes = customer.addedMinutesAgo ?? OLD_RELATIONSHIP_DAYS * 24 * 60;
  const profile: CustomerProfile = {
    customerId: EVAL_CUSTOMER,
    ...(customer.name ? { name: customer.name } : {}),
    ...(customer.gender !== undefined ? { gender: customer.gender } : {}),
    relationships: { [EVAL_GUIDE]: { guideId: EVAL_GUIDE, status: 'active', since: now - sinceMinutes * MINUTE, tagIds: [] } },
    facts: (customer.purchases ?? []).map((sku) => ({ key: 'purchase', value: sku, at: now - PURCHASE_DAYS_AGO * DAY })),
    updatedAt: now,
  };
  return { conversation, profile, guideId: EVAL_GUIDE, customerId: EVAL_CUSTOMER, now };
}
