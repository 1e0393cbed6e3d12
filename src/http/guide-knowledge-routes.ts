import type { Router } from '@koa/router';
import { badRequest } from '../errors.ts';
import { currentMember, requireMember } from './current-member.ts';
import type { GuideApiDeps } from './guide-deps.ts';
import { customerIdOf, ownCustomer } from './own-customer.ts';

const limitOf = (raw: unknown, fallback: number): number => Math.min(Math.max(Number(raw ?? fallback) || fallback, 1), 20);

/** Knowledge search and product recommendation (prices always from the catalog). */
export function mountGuideKnowledgeRoutes(router: Router, deps: GuideApiDeps): void {
  const member = requireMember(deps, ['guide', 'manager', 'admin']);

  router.get('/api/knowledge/search', member, (ctx) => {
    const q = typeof ctx.query.q === 'string' ? ctx.query.q.trim() : '';
    if (!q || q.length > 100) throw badRequest('bad_query', 'q must be 1–100 characters');
    ctx.body = { results: deps.knowledge.search(q, limitOf(ctx.query.limit, 5)) };
  });

  router.get('/api/customers/:customerId/recommendations', requireMember(deps, ['guide']), ownCustomer(deps), async (ctx) => {
    const customerId = customerIdOf(ctx.params);
    const { userId } = currentMember(ctx);
    const [profile, conversation, suggestion] = await Promise.all([
      deps.store.getProfile(customerId),
      deps.store.lastMessages(userId, customerId, 20),
      deps.suggestions.get(userId, customerId),
    ]);
    const focus = suggestion?.status === 'fresh' ? suggestion.tags.map((t) => t.tag) : [];
    ctx.body = { products: deps.knowledge.recommend(userId, profile, conversation, limitOf(ctx.query.limit, 3), focus) };
  });
}
