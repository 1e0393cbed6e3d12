import type { Router } from '@koa/router';
import { z } from 'zod';
import { badRequest } from '../errors.ts';
import { approvalIdOf } from '../suggestions/approval-store.ts';
import type { StoredSuggestion } from '../suggestions/suggestion-store.ts';
import { customerScope, type ConversationScope } from './conversation-scope.ts';
import { currentMember, requireMember } from './current-member.ts';
import type { GuideApiDeps } from './guide-deps.ts';
import { readJson } from './json-body.ts';

const regenerateBody = z.object({ instruction: z.string().trim().min(1).max(60) });
const feedbackBody = z.object({
  suggestionId: z.string().min(1),
  action: z.enum(['shown', 'copied', 'rejected', 'ignored']),
  reason: z.string().trim().max(60).optional(),
});

/**
 * The current suggestion with each held draft's approval state merged in. A draft the engine did not hold
 * can still have an approval: the guide's risky edit of it, held by the store policy; it shows as held too.
 */
export async function withApprovals(deps: GuideApiDeps, suggestion: StoredSuggestion): Promise<unknown> {
  const ids = suggestion.drafts.map((d) => approvalIdOf(suggestion.id, d.id));
  const approvals = new Map((await deps.approvals.many(ids)).map((a) => [a.draftId, a]));
  return {
    ...suggestion,
    drafts: suggestion.drafts.map((draft) => {
      const approval = approvals.get(draft.id);
      if (!draft.needsApproval && !approval) return draft;
      return {
        ...draft,
        needsApproval: true,
        approval: approval
          ? {
              state: approval.state,
              ...(approval.text ? { text: approval.text } : {}),
              ...(approval.originalText !== draft.text ? { heldText: approval.originalText } : {}),
              ...(approval.comment ? { comment: approval.comment } : {}),
              ...(approval.decidedBy ? { decidedBy: deps.org.member(approval.decidedBy)?.name ?? approval.decidedBy } : {}),
              ...(approval.decidedAt ? { decidedAt: approval.decidedAt } : {}),
            }
          : { state: 'pending' },
      };
    }),
  };
}

/** The current suggestion, regenerate and draft feedback, for a customer's chat or (scope) a customer group. */
export function mountGuideSuggestionRoutes(router: Router, deps: GuideApiDeps, scope: ConversationScope = customerScope(deps)): void {
  const guide = requireMember(deps, ['guide']);
  const { own, idOf, prefix } = scope;

  router.get(`${prefix}/suggestion`, guide, own, async (ctx) => {
    const suggestion = await deps.suggestions.get(currentMember(ctx).userId, idOf(ctx.params));
    ctx.body = { suggestion: suggestion ? await withApprovals(deps, suggestion) : null };
  });

  router.post(`${prefix}/suggestion/regenerate`, guide, own, async (ctx) => {
    const { instruction } = await readJson(ctx, regenerateBody);
    await deps.regenerate({ guideId: currentMember(ctx).userId, customerId: idOf(ctx.params), ...(scope.group ? { group: true } : {}), instruction, requestedAt: deps.now() });
    ctx.status = 202;
    ctx.body = { status: 'regenerating' };
  });

  router.post(`${prefix}/drafts/:draftId/feedback`, guide, own, async (ctx) => {
    const body = await readJson(ctx, feedbackBody);
    const { userId } = currentMember(ctx);
    const customerId = idOf(ctx.params);
    const suggestion = await deps.suggestions.get(userId, customerId);
    const draftId = ctx.params.draftId ?? '';
    if (suggestion?.id !== body.suggestionId || !suggestion.drafts.some((d) => d.id === draftId)) {
      throw badRequest('unknown_draft', 'that draft is not the current suggestion', 404);
    }
    await deps.feedback.record({
      at: deps.now(),
      guideId: userId,
      customerId,
      suggestionId: body.suggestionId,
      draftId,
      action: body.action,
      ...(body.reason ? { reason: body.reason } : {}),
    });
    ctx.status = 204;
  });
}
