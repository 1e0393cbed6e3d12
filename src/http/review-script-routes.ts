import type { Router } from '@koa/router';
import { z } from 'zod';
import { badRequest } from '../errors.ts';
import { currentMember, requireMember } from './current-member.ts';
import { readJson } from './json-body.ts';
import type { ReviewApiDeps } from './review-deps.ts';
import { scopeScript } from './scope-script.ts';

const promoteBody = z.object({
  text: z.string().trim().min(2).max(500),
  intent: z.string().trim().min(1).max(20),
  tags: z.array(z.string().regex(/^[^/]+\/[^/]+$/, 'tags are written 组/标签')).max(10).default([]),
  fromMessageId: z.string().max(128).optional(),
  /** Limit it to these stores (a manager: some of theirs; default: all of them). */
  stores: z.array(z.string().min(1).max(64)).min(1).max(100).optional(),
  /** For every store (admins only; an admin's script is company-wide by default). */
  companyWide: z.boolean().optional(),
});

/**
 * The learning loop: a good reply a guide wrote joins the script library, for the stores its author manages
 * (company-wide only from an admin), once it passes the guardrails; its drafts are checked again every time.
 */
export function mountReviewScriptRoutes(router: Router, deps: ReviewApiDeps): void {
  const reviewer = requireMember(deps, ['manager', 'admin']);

  router.get('/api/review/intents', reviewer, (ctx) => {
    ctx.body = { intents: deps.intents() };
  });

  router.post('/api/review/scripts', reviewer, async (ctx) => {
    const member = currentMember(ctx);
    const body = await readJson(ctx, promoteBody);
    if (!deps.intents().includes(body.intent)) throw badRequest('unknown_intent', `intent must be one of: ${deps.intents().join(' ')}`);
    const stores = scopeScript(member, deps.org, body);
    // Checked before it is stored, and again in every draft made from it (a learned script is never policy text).
    const check = deps.checkScript(body.text);
    if (check.refused) {
      deps.log.warn({ userId: member.userId, rules: check.flags.map((f) => f.rule) }, 'refused: promoted script breaks a guardrail');
      ctx.status = 422;
      ctx.body = { error: { code: 'script_flagged', message: 'the script breaks a guardrail at block level; reword it before it joins the library' }, flags: check.flags };
      return;
    }
    const script = await deps.promoteScript({ intent: body.intent, text: body.text, tags: body.tags, ...(stores ? { stores } : {}) }, member.userId);
    await deps.audit.append({ at: deps.now(), actor: member.userId, action: 'script.promote', target: script.id, after: script.text, ...(body.fromMessageId ? { comment: `from ${body.fromMessageId}` } : {}) });
    ctx.status = 201;
    ctx.body = { script, flags: check.flags };
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
