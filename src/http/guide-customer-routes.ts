import { randomUUID } from 'node:crypto';
import type { Router } from '@koa/router';
import { z } from 'zod';
import type { ChatMessage } from '../conversation/model.ts';
import { currentMember, requireMember } from './current-member.ts';
import type { GuideApiDeps } from './guide-deps.ts';
import { readJson } from './json-body.ts';
import { customerIdOf, ownCustomer } from './own-customer.ts';
import { prepareSent, sentBody } from './sent-message.ts';

const pasteBody = z.object({ text: z.string().trim().min(1).max(2000) });

/** The customer card, the conversation, and the two doors by which the sidebar adds messages (paste, sent). */
/** The 「联系我」 state as stored, with the name the org file gives it (guides read names, not codes). */
function channelOf(channel: string | undefined, org: GuideApiDeps['org']): { channel?: string; channelName?: string } {
  if (!channel) return {};
  const name = org.channelName(channel);
  return name ? { channel, channelName: name } : { channel };
}

export function mountGuideCustomerRoutes(router: Router, deps: GuideApiDeps): void {
  const guide = requireMember(deps, ['guide']);
  const own = ownCustomer(deps);

  router.get('/api/customers', guide, async (ctx) => {
    const { userId } = currentMember(ctx);
    const ids = await deps.store.listFollowed(userId);
    const customers = await Promise.all(
      ids.map(async (customerId) => {
        const [profile, last, suggestion] = await Promise.all([
          deps.store.getProfile(customerId),
          deps.store.lastMessages(userId, customerId, 1),
          deps.suggestions.get(userId, customerId),
        ]);
        const lastMessage = last[0];
        return {
          customerId,
          name: profile?.name ?? customerId,
          ...(lastMessage ? { lastMessage: { text: lastMessage.text, speaker: lastMessage.speaker, at: lastMessage.at } } : {}),
          hasSuggestion: suggestion?.status === 'fresh',
        };
      }),
    );
    ctx.body = { customers: customers.sort((a, b) => (b.lastMessage?.at ?? 0) - (a.lastMessage?.at ?? 0)) };
  });

  router.get('/api/customers/:customerId', guide, own, async (ctx) => {
    const { userId } = currentMember(ctx);
    const customerId = customerIdOf(ctx.params);
    const profile = await deps.store.getProfile(customerId);
    const relationship = profile?.relationships[userId];
    const directory = deps.tags();
    ctx.body = {
      customerId,
      name: profile?.name ?? customerId,
      gender: profile?.gender ?? 0,
      relationship: relationship
        ? { status: relationship.status, since: relationship.since, ...(relationship.remark ? { remark: relationship.remark } : {}), ...channelOf(relationship.channel, deps.org) }
        : null,
      tags: (relationship?.tagIds ?? []).flatMap((id) => {
        const tag = directory.byId(id);
        return tag ? [{ id, group: tag.group, name: tag.name }] : [];
      }),
      facts: profile?.facts ?? [],
      tasks: (await deps.tasks.listOpen(userId, customerId)).map((t) => ({ id: t.id, kind: t.kind, title: t.title, due: t.due, ...(t.draft ? { draft: t.draft } : {}) })),
    };
  });

  router.get('/api/customers/:customerId/messages', guide, own, async (ctx) => {
    const limit = Math.min(Math.max(Number(ctx.query.limit ?? 20) || 20, 1), 100);
    ctx.body = { messages: await deps.store.lastMessages(currentMember(ctx).userId, customerIdOf(ctx.params), limit) };
  });

  router.post('/api/customers/:customerId/paste', guide, own, async (ctx) => {
    const { text } = await readJson(ctx, pasteBody);
    const message: ChatMessage = { id: `paste-${randomUUID()}`, guideId: currentMember(ctx).userId, customerId: customerIdOf(ctx.params), speaker: 'customer', text, source: 'paste', at: deps.now() };
    await deps.record([message]);
    ctx.status = 201;
    ctx.body = { message };
  });

  router.post('/api/customers/:customerId/sent', guide, own, async (ctx) => {
    const body = await readJson(ctx, sentBody);
    const { userId } = currentMember(ctx);
    const customerId = customerIdOf(ctx.params);
    const sent = await prepareSent(deps, userId, customerId, body, async (ids) => (await deps.store.lastMessages(userId, customerId, 50)).find((m) => ids.includes(m.id))?.at);
    const message: ChatMessage = {
      id: `sent-${randomUUID()}`,
      guideId: userId,
      customerId,
      speaker: 'guide',
      text: body.text,
      source: 'sidebar',
      at: deps.now(),
      ...(sent.fromDraft ? { fromDraft: sent.fromDraft } : {}),
    };
    await deps.record([message]);
    await sent.recordFeedback();
    ctx.status = 201;
    ctx.body = { message };
  });
}
