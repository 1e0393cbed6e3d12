import type { Router } from '@koa/router';
import { z } from 'zod';
import { badRequest } from '../errors.ts';
import type { SentReviewItem } from '../suggestions/sent-review-store.ts';
import { currentMember, requireMember } from './current-member.ts';
import { readJson } from './json-body.ts';
import { reviewedConversation } from './review-conversation.ts';
import { assertStore, storesFromQuery, type ReviewApiDeps } from './review-deps.ts';

const actionBody = z.object({ action: z.enum(['noted', 'coach']), note: z.string().trim().max(500).optional() });
const MONTH_MS = 30 * 86400_000;

/** Sampled messages guides actually sent that the guardrails flagged: the manager notes them or coaches. */
export function mountReviewSentRoutes(router: Router, deps: ReviewApiDeps): void {
  const reviewer = requireMember(deps, ['manager', 'admin']);
  const present = async (item: SentReviewItem) => ({
    ...item,
    store: { id: item.storeId, name: deps.org.stores.find((s) => s.id === item.storeId)?.name ?? item.storeId },
    guide: { userId: item.guideId, name: deps.org.member(item.guideId)?.name ?? item.guideId },
    customer: { customerId: item.customerId, name: (await reviewedConversation(deps, item.guideId, item.customerId, 0)).name },
  });

  router.get('/api/review/sent', reviewer, async (ctx) => {
    const stores = storesFromQuery(currentMember(ctx), deps.org, ctx.query.store);
    const items = await deps.sentReviews.list(stores, deps.now() - MONTH_MS);
    const wanted = ctx.query.status === 'all' ? items : items.filter((i) => i.status === 'open');
    ctx.body = { items: await Promise.all(wanted.map(present)) };
  });

  router.post('/api/review/sent/:id/action', reviewer, async (ctx) => {
    const member = currentMember(ctx);
    const item = await deps.sentReviews.get(ctx.params.id ?? '');
    if (!item) throw badRequest('not_found', 'no such item', 404);
    assertStore(member, deps.org, item.storeId);
    const body = await readJson(ctx, actionBody);
    const acted = await deps.sentReviews.act(item.id, body.action, member.userId, deps.now(), body.note);
    if (!acted) throw badRequest('not_found', 'no such item', 404);
    await deps.audit.append({ at: deps.now(), actor: member.userId, action: `sent.${body.action}`, target: item.id, storeId: item.storeId, before: item.text, ...(body.note ? { comment: body.note } : {}) });
    ctx.body = await present(acted);
  });
}
