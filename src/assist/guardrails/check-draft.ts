/**
 * Every check on one draft, from either engine. The result says which spans are risky and whether the
 * draft waits for a manager (a flag at or above policy.approval.severity).
 */
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import { findNamedProducts } from '../knowledge/find-named-products.ts';
import type { Product } from '../knowledge/schemas.ts';
import type { Flag } from '../suggestion-schema.ts';
import { normalizeAligned } from '../tags/find-phrases.ts';
import { checkContacts } from './check-contacts.ts';
import { checkDiscounts } from './check-discounts.ts';
import { checkPatterns, checkPii, checkPromises } from './check-patterns.ts';
import { checkPrices, findAmounts, pointsAmounts } from './check-prices.ts';
import { checkSlots } from './check-slots.ts';
import { checkTerms } from './check-terms.ts';
import { guardrailsFor } from './compile-guardrails.ts';
import { atLeast } from './flag.ts';

export interface DraftContext {
  /** Products the conversation is about (their catalog prices may be quoted). */
  products?: readonly Product[];
  /** The approved script/FAQ text the draft was filled from: its own amounts are policy facts. */
  approvedText?: string;
}

export interface DraftCheck {
  flags: Flag[];
  needsApproval: boolean;
  /** Catalog products the draft names. */
  skus: string[];
}

/**
 * An offer or promise worded exactly as in the approved script/FAQ the draft came from is the store's
 * own policy text; the same words written by a model or typed elsewhere are still checked.
 */
function fromApproved(flags: Flag[], approvedText: string | undefined): Flag[] {
  if (!approvedText) return flags;
  const approved = normalizeAligned(approvedText);
  return flags.filter((flag) => !approved.includes(normalizeAligned(flag.text)));
}

export function checkDraft(kb: KnowledgeBase, text: string, context: DraftContext = {}): DraftCheck {
  const g = guardrailsFor(kb);
  const named = findNamedProducts(kb, text);
  const allowed = new Set<number>(g.policyAmounts);
  for (const product of [...named, ...(context.products ?? [])]) {
    allowed.add(product.price);
    // "金卡95折，折后是¥1596": a named product's price at a member rate the policy gives.
    for (const discount of g.policy.discounts) allowed.add(Math.round(product.price * discount.rate));
  }
  // "两个一共¥368": the total of the two or three products the draft itself names.
  if (named.length >= 2 && named.length <= 3) allowed.add(named.reduce((sum, p) => sum + p.price, 0));
  if (context.approvedText) for (const hit of findAmounts(context.approvedText)) allowed.add(hit.value);
  for (const worth of pointsAmounts(g.policy.promotions.map((p) => p.label), text)) allowed.add(worth);
  const normalized = normalizeAligned(text);
  const flags = [
    ...g.termLists.flatMap((list) => checkTerms(list, text, normalized)),
    ...checkPrices(text, allowed, g.config.prices.reason, g.config.prices.severity),
    ...fromApproved(checkDiscounts(text, g.policy, g.config.discounts.reason, g.config.discounts.severity), context.approvedText),
    ...fromApproved(checkPromises(text, g.promisePatterns, g.policy, g.config.promises.reason, g.config.promises.severity), context.approvedText),
    ...checkPii(text, g.config.pii.reason, g.config.pii.severity),
    ...checkContacts(text, g.config.contacts.allow, g.config.contacts.reason, g.config.contacts.severity),
    ...checkPatterns(text, g.extraRules),
    ...checkSlots(text),
  ].sort((a, b) => a.span[0] - b.span[0] || a.rule.localeCompare(b.rule));
  return {
    flags,
    needsApproval: flags.some((flag) => atLeast(flag.severity, g.policy.approval.severity)),
    skus: named.map((p) => p.sku),
  };
}
