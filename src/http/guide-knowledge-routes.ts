import type { Router } from '@koa/router';
import { badRequest } from '../errors.ts';
import { currentMember, requireMember } from './current-member.ts';
import type { GuideApiDeps, SearchAudience } from './guide-deps.ts';
import { customerIdOf, ownCustomer } from './own-customer.ts';

const CUSTOMER_ID = /^[\w@.-]{1,128}$/;
const SKU = /^[\w.-]{1,64}$/;

const limitOf = (raw: unknown, fallback: number): number => Math.min(Math.max(Number(raw ?? fallback) || fallback, 1), 20);

/** Knowledge search and product recommendation (prices always from the catalog). */
export function mountGuideKnowledgeRoutes(router: Router, deps: GuideApiDeps): void {
  const member = requireMember(deps, ['guide', 'manager', 'admin']);

  /**
   * Library texts are templates: they come back filled with the guide's and store's names and, when the
   * search is made for a customer (`customerId`, one the guide follows), that chat's focus product. A slot
   * still open is listed in `slots` so the sidebar asks for a product before anything is sent; `sku` is
   * the product the guide then picked (an unknown one fills nothing).
   */
  router.get('/api/knowledge/search', member, async (ctx) => {
    const q = typeof ctx.query.q === 'string' ? ctx.query.q.trim() : '';
    if (!q || q.length > 100) throw badRequest('bad_query', 'q must be 1–100 characters');
    const { userId } = currentMember(ctx);
    const audience: SearchAudience = { guideId: userId };
    const customerId = ctx.query.customerId;
    if (customerId !== undefined) {
      if (typeof customerId !== 'string' || !CUSTOMER_ID.test(customerId)) throw badRequest('bad_customer_id', 'customer id is malformed');
      if (!(await deps.store.isFollowing(userId, customerId))) {
        deps.log.warn({ userId, customerId, path: ctx.path }, 'refused: customer is not followed by this guide');
        throw badRequest('not_your_customer', 'this customer is not in your customer list', 403);
      }
      const [profile, conversation] = await Promise.all([deps.store.getProfile(customerId), deps.store.lastMessages(userId, customerId, 20)]);
      audience.customerName = profile?.name ?? '';
      audience.conversation = conversation;
    }
    const sku = ctx.query.sku;
    if (sku !== undefined) {
      if (typeof sku !== 'string' || !SKU.test(sku)) throw badRequest('bad_sku', 'sku is malformed');
      audience.sku = sku;
    }
    ctx.body = { results: deps.knowledge.search(q, limitOf(ctx.query.limit, 5), audience) };
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
