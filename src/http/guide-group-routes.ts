import { randomUUID } from 'node:crypto';
import type { Router } from '@koa/router';
import { displayName, type CustomerGroup, type GroupMessage } from '../conversation/group-model.ts';
import type { CustomerProfile } from '../conversation/model.ts';
import { groupScope } from './conversation-scope.ts';
import { currentMember, requireMember } from './current-member.ts';
import type { GuideApiDeps } from './guide-deps.ts';
import { mountGuideSendRoutes } from './guide-send-routes.ts';
import { mountGuideSuggestionRoutes } from './guide-suggestion-routes.ts';
import { readJson } from './json-body.ts';
import { groupOf } from './own-group.ts';
import { prepareSent, sentBody } from './sent-message.ts';

/** Tags of the customer as the guide sees them: theirs when they follow the customer, else their colleagues'. */
function tagsOf(deps: GuideApiDeps, profile: CustomerProfile, userId: string): Array<{ id: string; group: string; name: string }> {
  const open = Object.entries(profile.relationships).filter(([, r]) => r.status !== 'closed');
  const mine = profile.relationships[userId];
  const ids = mine && mine.status !== 'closed' ? mine.tagIds : [...new Set(open.flatMap(([, r]) => r.tagIds))];
  const directory = deps.tags();
  return ids.flatMap((id) => {
    const tag = directory.byId(id);
    return tag ? [{ id, group: tag.group, name: tag.name }] : [];
  });
}

/** The group card: who is in it, and which external members are our customers (with their tags and open proposals). */
async function groupCard(deps: GuideApiDeps, group: CustomerGroup, userId: string): Promise<unknown> {
  const externals = group.members.filter((m) => m.kind === 'external');
  const profiles = await Promise.all(externals.map((m) => deps.store.getProfile(m.userId)));
  const customers = await Promise.all(
    externals.flatMap((member, i) => {
      const profile = profiles[i];
      const guides = profile ? Object.entries(profile.relationships).filter(([, r]) => r.status !== 'closed').map(([guideId]) => guideId) : [];
      if (!profile || guides.length === 0) return [];
      const followedByYou = guides.includes(userId);
      return [
        (async () => ({
          customerId: member.userId,
          name: displayName(member, profile.name ?? member.userId),
          followedByYou,
          guides: guides.map((g) => deps.org.member(g)?.name ?? g),
          tags: tagsOf(deps, profile, userId),
          proposals: followedByYou ? await deps.suggestions.listTagProposals(userId, member.userId) : [],
        }))(),
      ];
    }),
  );
  const owner = group.members.find((m) => m.userId === group.owner);
  return {
    chatId: group.chatId,
    name: group.name || '未命名客户群',
    owner: { userId: group.owner, name: deps.org.member(group.owner)?.name ?? displayName(owner, group.owner) },
    ...(group.notice ? { notice: group.notice } : {}),
    status: group.status,
    memberCount: group.members.length,
    externalCount: externals.length,
    customers,
    you: { owner: group.owner === userId, admin: group.admins.includes(userId) },
    refreshedAt: group.refreshedAt,
  };
}

function present(group: CustomerGroup, m: GroupMessage): unknown {
  const member = group.members.find((x) => x.userId === m.speakerId);
  return { id: m.id, speakerId: m.speakerId, speakerName: displayName(member, m.speakerId), speaker: m.speaker, text: m.text, at: m.at, ...(m.kind ? { kind: m.kind } : {}) };
}

/**
 * A guide's customer groups: the list, the group card, its conversation, what the sidebar sent into it;
 * and the same draft routes as a 1:1 chat (suggestion, regenerate, feedback, send-check) under
 * `/api/groups/:chatId`. A guide sees only groups they are a member of.
 */
export function mountGuideGroupRoutes(router: Router, deps: GuideApiDeps): void {
  const guide = requireMember(deps, ['guide']);
  const scope = groupScope(deps);
  const { own } = scope;

  router.get('/api/groups', guide, async (ctx) => {
    const { userId } = currentMember(ctx);
    const ids = await deps.groups.store.groupsOf(userId);
    const groups = await Promise.all(
      ids.map(async (chatId) => {
        const [group, last, suggestion] = await Promise.all([deps.groups.store.getGroup(chatId), deps.groups.store.lastMessages(chatId, 1), deps.suggestions.get(userId, chatId)]);
        if (!group) return [];
        const lastMessage = last[0];
        return [{ chatId, name: group.name, memberCount: group.members.length, status: group.status, ...(lastMessage ? { lastMessage: present(group, lastMessage) } : {}), hasSuggestion: suggestion?.status === 'fresh' }];
      }),
    );
    ctx.body = { groups: groups.flat() };
  });

  router.get('/api/groups/:chatId', guide, own, async (ctx) => {
    ctx.body = await groupCard(deps, groupOf(ctx.state), currentMember(ctx).userId);
  });

  router.get('/api/groups/:chatId/messages', guide, own, async (ctx) => {
    const group = groupOf(ctx.state);
    const limit = Math.min(Math.max(Number(ctx.query.limit ?? 20) || 20, 1), 100);
    ctx.body = { messages: (await deps.groups.store.lastMessages(group.chatId, limit)).map((m) => present(group, m)) };
  });

  router.post('/api/groups/:chatId/sent', guide, own, async (ctx) => {
    const body = await readJson(ctx, sentBody);
    const { userId } = currentMember(ctx);
    const { chatId } = groupOf(ctx.state);
    const sent = await prepareSent(deps, userId, chatId, body, async (ids) => (await deps.groups.store.lastMessages(chatId, 50)).find((m) => ids.includes(m.id))?.at);
    const message: GroupMessage = {
      id: `sent-${randomUUID()}`,
      chatId,
      speakerId: userId,
      speaker: 'member',
      text: body.text,
      source: 'sidebar',
      at: deps.now(),
      ...(sent.fromDraft ? { fromDraft: sent.fromDraft } : {}),
    };
    await deps.groups.record([message]);
    await sent.recordFeedback();
    ctx.status = 201;
    ctx.body = { message };
  });

  mountGuideSuggestionRoutes(router, deps, scope);
  mountGuideSendRoutes(router, deps, scope);
}
