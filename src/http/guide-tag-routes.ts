import type { Router } from '@koa/router';
import { z } from 'zod';
import { badRequest } from '../errors.ts';
import { isWecomApiError } from '../wecom/api/wecom-api-error.ts';
import { currentMember, requireMember } from './current-member.ts';
import type { GuideApiDeps } from './guide-deps.ts';
import { readJson } from './json-body.ts';
import { customerIdOf, ownCustomer } from './own-customer.ts';

const decideBody = z.object({ tag: z.string().min(3).max(80), decision: z.enum(['accepted', 'dismissed']) });

/** Tag proposals: accept writes the tag to WeCom (mark_tag) first, then to our profile; dismiss only records. */
export function mountGuideTagRoutes(router: Router, deps: GuideApiDeps): void {
  const guide = requireMember(deps, ['guide']);
  const own = ownCustomer(deps);

  router.get('/api/customers/:customerId/tag-proposals', guide, own, async (ctx) => {
    ctx.body = { proposals: await deps.suggestions.listTagProposals(currentMember(ctx).userId, customerIdOf(ctx.params)) };
  });

  router.post('/api/customers/:customerId/tags/decide', guide, own, async (ctx) => {
    const { tag, decision } = await readJson(ctx, decideBody);
    const { userId } = currentMember(ctx);
    const customerId = customerIdOf(ctx.params);
    const proposal = (await deps.suggestions.listTagProposals(userId, customerId)).find((p) => p.tag === tag);
    if (!proposal) throw badRequest('unknown_proposal', 'no such tag proposal for this customer', 404);
    const info = deps.tags().byKey(tag);
    if (decision === 'accepted') {
      if (!info) throw badRequest('unknown_tag', 'the tag is no longer in the tag library', 409);
      const profile = await deps.store.getProfile(customerId);
      const current = profile?.relationships[userId]?.tagIds ?? [];
      const remove = info.exclusiveWith.filter((id) => current.includes(id));
      try {
        await deps.markTag({ userId, externalUserId: customerId, addTagIds: [info.id], ...(remove.length ? { removeTagIds: remove } : {}) });
      } catch (error) {
        if (isWecomApiError(error, 84061)) throw badRequest('no_relationship', 'WeCom says this customer is no longer your contact', 409);
        throw error;
      }
      await deps.store.updateProfile(customerId, deps.now(), (p) => {
        const relationship = p.relationships[userId];
        if (!relationship) return undefined;
        const tagIds = [...relationship.tagIds.filter((id) => !remove.includes(id) && id !== info.id), info.id];
        return { ...p, relationships: { ...p.relationships, [userId]: { ...relationship, tagIds } } };
      });
    }
    await deps.suggestions.decideTag(userId, customerId, tag, decision);
    await deps.feed.publish(userId, { type: 'tags', customerId });
    const profile = await deps.store.getProfile(customerId);
    const directory = deps.tags();
    ctx.body = {
      tags: (profile?.relationships[userId]?.tagIds ?? []).flatMap((id) => {
        const t = directory.byId(id);
        return t ? [{ id, group: t.group, name: t.name }] : [];
      }),
    };
  });
}
