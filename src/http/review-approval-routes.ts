import type { Router } from '@koa/router';
import { z } from 'zod';
import { badRequest } from '../errors.ts';
import type { Approval } from '../suggestions/approval-store.ts';
import { currentMember, requireMember } from './current-member.ts';
import { readJson } from './json-body.ts';
import { reviewedConversation } from './review-conversation.ts';
import { assertStore, storesFromQuery, type ReviewApiDeps } from './review-deps.ts';

const decisionBody = z
  .object({ decision: z.enum(['approve', 'reject']), text: z.string().trim().min(1).max(2000).optional(), comment: z.string().trim().max(500).optional() })
  .refine((b) => b.decision === 'approve' || Boolean(b.comment), { message: 'a rejection needs a comment for the guide', path: ['comment'] });

const WEEK_MS = 7 * 86400_000;

async function present(deps: ReviewApiDeps, a: Approval): Promise<unknown> {
  const around = await reviewedConversation(deps, a.guideId, a.customerId, 12);
  const store = deps.org.stores.find((s) => s.id === a.storeId);
  const person = (userId: string) => ({ userId, name: deps.org.member(userId)?.name ?? userId });
  return {
    id: a.id,
    state: a.state,
    createdAt: a.createdAt,
    waitingMs: (a.decidedAt ?? deps.now()) - a.createdAt,
    escalated: Boolean(a.escalatedAt),
    store: { id: a.storeId, name: store?.name ?? a.storeId },
    guide: person(a.guideId),
    customer: { customerId: a.customerId, name: around.name },
    originalText: a.originalText,
    ...(a.text ? { text: a.text } : {}),
    ...(a.comment ? { comment: a.comment } : {}),
    ...(a.decidedBy ? { decidedBy: person(a.decidedBy) } : {}),
    ...(a.decidedAt ? { decidedAt: a.decidedAt } : {}),
    flags: a.flags,
    conversation: around.lines.filter((m) => m.at <= a.createdAt),
  };
}

/** The approval queue: held drafts, decided by a manager of the guide's store (or an admin). */
export function mountReviewApprovalRoutes(router: Router, deps: ReviewApiDeps): void {
  const reviewer = requireMember(deps, ['manager', 'admin']);

  router.get('/api/review/approvals', reviewer, async (ctx) => {
    const member = currentMember(ctx);
    const stores = storesFromQuery(member, deps.org, ctx.query.store);
    const items = ctx.query.state === 'decided' ? (await deps.approvals.listDecided(stores, deps.now() - WEEK_MS, deps.now() + 1)).sort((a, b) => (b.decidedAt ?? 0) - (a.decidedAt ?? 0)) : await deps.approvals.listPending(stores);
    ctx.body = { items: await Promise.all(items.map((a) => present(deps, a))) };
  });

  router.get('/api/review/approvals/:id', reviewer, async (ctx) => {
    const approval = await deps.approvals.get(ctx.params.id ?? '');
    if (!approval) throw badRequest('not_found', 'no such item', 404);
    assertStore(currentMember(ctx), deps.org, approval.storeId);
    ctx.body = await present(deps, approval);
  });

  router.post('/api/review/approvals/:id/decision', reviewer, async (ctx) => {
    const member = currentMember(ctx);
    const current = await deps.approvals.get(ctx.params.id ?? '');
    if (!current) throw badRequest('not_found', 'no such item', 404);
    assertStore(member, deps.org, current.storeId);
    const body = await readJson(ctx, decisionBody);
    if (current.state !== 'pending') throw badRequest('already_decided', 'someone already decided this item', 409);
    const decided = await deps.approvals.decide(current.id, {
      state: body.decision === 'approve' ? 'approved' : 'rejected',
      ...(body.decision === 'approve' && body.text ? { text: body.text } : {}),
      ...(body.comment ? { comment: body.comment } : {}),
      by: member.userId,
      at: deps.now(),
    });
    if (!decided) throw badRequest('already_decided', 'someone already decided this item', 409);
    await deps.audit.append({
      at: deps.now(),
      actor: member.userId,
      action: decided.state === 'approved' ? 'approval.approve' : 'approval.reject',
      target: decided.id,
      storeId: decided.storeId,
      before: decided.originalText,
      ...(decided.text ? { after: decided.text } : {}),
      ...(decided.comment ? { comment: decided.comment } : {}),
    });
    await deps.feed.publish(decided.guideId, {
      type: 'approval',
      customerId: decided.customerId,
      suggestionId: decided.suggestionId,
      draftId: decided.draftId,
      decision: decided.state === 'approved' ? 'approved' : 'rejected',
    });
    if (!(await deps.presence.isOnline(decided.guideId, deps.now()))) {
      const customer = (await deps.store.getProfile(decided.customerId))?.name ?? decided.customerId;
      const text =
        decided.state === 'approved'
          ? `店长${member.name}已通过给${customer}的回复，打开侧边栏即可发送：\n${decided.text ?? decided.originalText}`
          : `店长${member.name}驳回了给${customer}的回复：${decided.comment ?? ''}`;
      await deps.notifyGuide(decided.guideId, text).catch((error: unknown) => deps.log.warn({ err: error, guideId: decided.guideId }, 'could not notify the guide'));
    }
    ctx.body = await present(deps, decided);
  });
}
