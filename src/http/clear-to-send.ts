/**
 * The server's word on a text a guide is about to send, asked before WeCom sends it and again when the
 * sidebar records it: an unfilled template slot is refused (422) whatever the client shows; a held draft
 * is refused until approved (409); a text with no draft behind it that breaks a block-level guardrail is
 * refused (422); a guide's edit of a draft goes through the guardrails, and in a store
 * that holds risky edits, an edit that breaks one at or above the store's threshold waits for a manager.
 */
import { slotNames } from '../assist/guardrails/find-slots.ts';
import type { Draft, Flag } from '../assist/suggestion-schema.ts';
import { badRequest } from '../errors.ts';
import { approvalIdOf } from '../suggestions/approval-store.ts';
import type { StoredSuggestion } from '../suggestions/suggestion-store.ts';
import type { GuideApiDeps } from './guide-deps.ts';

export interface SendRequest {
  text: string;
  suggestionId?: string | undefined;
  draftId?: string | undefined;
}

export interface FromDraft {
  suggestion: StoredSuggestion;
  draft: Draft;
  /** What the guide was offered: the draft, or the manager's approved wording. */
  offeredText: string;
}

export type Clearance = { state: 'clear'; flags: Flag[]; from?: FromDraft } | { state: 'hold'; flags: Flag[]; from: FromDraft };

const RANK: Record<Flag['severity'], number> = { info: 0, warn: 1, block: 2 };

export function refuseSlots(text: string): void {
  const slots = slotNames(text);
  if (slots.length > 0) {
    throw badRequest('unfilled_placeholder', `the text still has unfilled placeholders (${slots.join(', ')}); fill them or pick a product first`, 422);
  }
}

export async function clearToSend(deps: GuideApiDeps, guideId: string, customerId: string, request: SendRequest): Promise<Clearance> {
  refuseSlots(request.text);
  if (!request.suggestionId || !request.draftId) {
    // No draft behind it (a knowledge-search script, a task's text): the same guardrails as a draft. A text
    // that would be held as a draft (a price, promise or number the store cannot stand behind) is refused.
    const check = deps.knowledge.check(request.text, {});
    if (check.needsApproval) {
      const rules = [...new Set(check.flags.filter((f) => f.severity === 'block').map((f) => `${f.rule}「${f.text}」`))].join('、');
      deps.log.warn({ guideId, customerId, rules }, 'refused: text breaks a guardrail');
      throw badRequest('text_flagged', `this text breaks a guardrail (${rules}); edit it or send a reviewed draft`, 422);
    }
    return { state: 'clear', flags: check.flags };
  }
  const suggestion = await deps.suggestions.get(guideId, customerId);
  const draft = suggestion?.id === request.suggestionId ? suggestion.drafts.find((d) => d.id === request.draftId) : undefined;
  if (!suggestion || !draft) throw badRequest('unknown_draft', 'that draft is not the current suggestion', 404);
  const approval = await deps.approvals.get(approvalIdOf(suggestion.id, draft.id));
  if ((approval && approval.state !== 'approved') || (!approval && draft.needsApproval)) {
    deps.log.warn({ guideId, customerId, suggestionId: suggestion.id, draftId: draft.id }, 'refused: held draft asked to be sent');
    throw badRequest('draft_held', 'this draft waits for the store manager and cannot be sent yet', 409);
  }
  const offeredText = approval?.text ?? draft.text;
  const from: FromDraft = { suggestion, draft, offeredText };
  if (request.text === offeredText) return { state: 'clear', flags: [], from };
  // The offered text was checked (or approved) already: only what the guide's edit adds can newly break a rule.
  const check = deps.knowledge.check(request.text, { approvedText: offeredText, skus: draft.skus });
  const policy = deps.editPolicy(guideId);
  const threshold = policy.threshold;
  const risky = threshold ? check.flags.some((f) => RANK[f.severity] >= RANK[threshold]) : check.needsApproval;
  if (!policy.holdRiskyEdits || !risky) return { state: 'clear', flags: check.flags, from };
  if (approval) {
    // The manager decided on this draft already; a second, different risky wording needs a new draft.
    throw badRequest('draft_reviewed', 'the manager already approved this draft; send the approved text or an edit that passes the guardrails', 409);
  }
  return { state: 'hold', flags: check.flags, from };
}
