import type { Router } from '@koa/router';
import { z } from 'zod';
import type { Approval } from '../suggestions/approval-store.ts';
import { approvalIdOf } from '../suggestions/approval-store.ts';
import { badRequest } from '../errors.ts';
import { clearToSend } from './clear-to-send.ts';
import { customerScope, type ConversationScope } from './conversation-scope.ts';
import { currentMember, requireMember } from './current-member.ts';
import type { GuideApiDeps } from './guide-deps.ts';
import { readJson } from './json-body.ts';

const checkBody = z.object({ text: z.string().trim().min(1).max(2000), suggestionId: z.string().min(1).optional(), draftId: z.string().min(1).optional() });

/**
 * Asked by the sidebar before WeCom sends anything (ww.sendChatMessage runs in the guide's client, so this
 * is where the server gets its say): 200 `clear` with the flags, 200 `held` when the edit went to the
 * store manager, or a 4xx refusal with nothing stored. The same for a customer group (scope).
 */
export function mountGuideSendRoutes(router: Router, deps: GuideApiDeps, scope: ConversationScope = customerScope(deps)): void {
  router.post(`${scope.prefix}/send-check`, requireMember(deps, ['guide']), scope.own, async (ctx) => {
    const body = await readJson(ctx, checkBody);
    const { userId } = currentMember(ctx);
    const customerId = scope.idOf(ctx.params);
    const clearance = await clearToSend(deps, userId, customerId, body);
    if (clearance.state === 'clear') {
      ctx.body = { status: 'clear', flags: clearance.flags };
      return;
    }
    const { suggestion, draft } = clearance.from;
    const approval: Approval = {
      id: approvalIdOf(suggestion.id, draft.id),
      suggestionId: suggestion.id,
      draftId: draft.id,
      guideId: userId,
      customerId,
      storeId: deps.editPolicy(userId).storeId,
      originalText: body.text,
      flags: clearance.flags,
      createdAt: deps.now(),
      state: 'pending',
    };
    if (!(await deps.holdEdit(approval))) throw badRequest('draft_held', 'this draft waits for the store manager and cannot be sent yet', 409);
    deps.log.info({ userId, customerId, suggestionId: suggestion.id, draftId: draft.id }, 'edited draft held for the store manager');
    // The sidebar refetches the suggestion and shows the draft as waiting.
    await deps.feed.publish(userId, { type: 'suggestion', customerId, suggestionId: suggestion.id });
    ctx.body = { status: 'held', approvalId: approval.id, flags: clearance.flags };
  });
}
