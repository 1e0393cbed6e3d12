/**
 * Unfilled template slots are never sendable, whatever the store's thresholds say: the rule is fixed at
 * `block` and not configurable in guardrails.yaml, so a permissive policy cannot let one through.
 */
import type { Flag } from '../suggestion-schema.ts';
import { findSlots } from './find-slots.ts';
import { makeFlag } from './flag.ts';

export const UNFILLED_PLACEHOLDER = 'unfilled_placeholder';
const REASON = '含未填写的占位符（如商品名、价格），发给顾客会显示成乱码，请先补全';

export function checkSlots(text: string): Flag[] {
  return findSlots(text).map((hit) => makeFlag(UNFILLED_PLACEHOLDER, text, hit, REASON, 'block'));
}
