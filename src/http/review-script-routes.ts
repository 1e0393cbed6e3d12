import type { Router } from '@koa/router';
import { z } from 'zod';
import { badRequest } from '../errors.ts';
import { currentMember, requireMember } from './current-member.ts';
import { readJson } from './json-body.ts';
import type { ReviewApiDeps } from './review-deps.ts';

const promoteBody = z.object({
  text: z.string().trim().min(2).max(500),
  intent: z.string().trim().min(1).max(20),
  tags: z.array(z.string().regex(/^[^/]+\/[^/]+$/, 'tags are written 组/标签')).max(10).default([]),
  fromMessageId: z.string().max(128).optional(),
});

/** The learning loop: a good reply a guide wrote joins the script library and is searched from then on. */
export function mountReviewScriptRoutes(router: Router, deps: ReviewApiDeps): void {
  const reviewer = requireMember(deps, ['manager', 'admin']);

  router.get('/api/review/intents', reviewer, (ctx) => {
    ctx.body = { intents: deps.intents() };
  });

  router.post('/api/review/scripts', reviewer, async (ctx) => {
    const member = currentMember(ctx);
    const body = await readJson(ctx, promoteBody);
    if (!deps.intents().includes(body.intent)) throw badRequest('unknown_intent', `intent must be one of: ${deps.intents().join(' ')}`);
    const script = await deps.promoteScript({ intent: body.intent, text: body.text, tags: body.tags }, member.userId);
    await deps.audit.append({ at: deps.now(), actor: member.userId, action: 'script.promote', target: script.id, after: script.text, ...(body.fromMessageId ? { comment: `from ${body.fromMessageId}` } : {}) });
    ctx.status = 201;
    ctx.body = { script };
  });

  router.get('/api/review/audit', reviewer, async (ctx) => {
    const member = currentMember(ctx);
    const limit = Math.min(Math.max(Number(ctx.query.limit ?? 100) || 100, 1), 500);
    const stores = new Set(member.role === 'admin' ? deps.org.stores.map((s) => s.id) : member.stores);
    const entries = (await deps.audit.recent(deps.now(), 31, limit * 2)).filter((e) => !e.storeId || stores.has(e.storeId)).slice(0, limit);
    ctx.body = {
      entries: entries.map((e) => ({ ...e, actor: { userId: e.actor, name: deps.org.member(e.actor)?.name ?? e.actor } })),
    };
  });
}
