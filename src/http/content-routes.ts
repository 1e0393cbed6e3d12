import type { Router } from '@koa/router';
import { z } from 'zod';
import { COPY_KINDS } from '../assist/content/copy-kinds.ts';
import { writeCopy } from '../assist/content/write-copy.ts';
import type { KnowledgeSource } from '../assist/knowledge/watch-knowledge.ts';
import { badRequest } from '../errors.ts';
import type { Org } from '../org/org.ts';
import { currentMember, requireMember } from './current-member.ts';
import { readJson } from './json-body.ts';
import type { CookieSigner } from './session-cookie.ts';
import type { SessionStore } from '../org/session-store.ts';

const copyBody = z.object({
  kind: z.enum(COPY_KINDS),
  skus: z.array(z.string().min(1).max(40)).min(1).max(5),
  theme: z.string().trim().max(30).optional(),
});

/** Moments copy, short-video and live-stream scripts for catalog products, through the guardrails. */
export function mountContentRoutes(router: Router, deps: { knowledge: KnowledgeSource; org: Org; signer: CookieSigner; sessions: SessionStore; now: () => number }): void {
  router.post('/api/content', requireMember(deps, ['guide', 'manager', 'admin']), async (ctx) => {
    const body = await readJson(ctx, copyBody);
    const member = currentMember(ctx);
    const store = deps.org.stores.find((s) => s.id === member.stores[0]);
    const copy = writeCopy(deps.knowledge.current(), {
      kind: body.kind,
      skus: body.skus,
      ...(body.theme ? { theme: body.theme } : {}),
      ...(store ? { storeName: store.name } : {}),
      guideName: member.name,
    });
    if (copy.skus.length === 0) throw badRequest('unknown_products', 'none of these skus is in the catalog', 404);
    ctx.body = { copy };
  });
}
