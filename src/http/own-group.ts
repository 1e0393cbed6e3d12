import type { Middleware } from 'koa';
import { corpMembersOf } from '../conversation/group-store.ts';
import type { CustomerGroup } from '../conversation/group-model.ts';
import { badRequest } from '../errors.ts';
import { currentMember } from './current-member.ts';
import type { GuideApiDeps } from './guide-deps.ts';

const CHAT_ID = /^[A-Za-z0-9_-]{1,128}$/;

/** The group of the route, after ownership was checked (ownGroup leaves it on ctx.state). */
export function groupOf(state: unknown): CustomerGroup {
  return (state as { group: CustomerGroup }).group;
}

/**
 * A guide sees a customer group only while they are a member of it (the owner, or in its member list as
 * WeCom last said). An unknown chat is 404 `unknown_group`, someone else's 403 `not_your_group`, logged.
 */
export function ownGroup(deps: Pick<GuideApiDeps, 'groups' | 'log'>): Middleware {
  return async (ctx, next) => {
    const member = currentMember(ctx);
    const chatId = (ctx as unknown as { params: Record<string, string> }).params.chatId ?? '';
    if (!CHAT_ID.test(chatId)) throw badRequest('bad_chat_id', 'chat id is malformed');
    const group = await deps.groups.load(chatId);
    if (!group) throw badRequest('unknown_group', 'WeCom does not know this customer group', 404);
    if (!corpMembersOf(group).includes(member.userId)) {
      deps.log.warn({ userId: member.userId, chatId, path: ctx.path }, 'refused: guide is not a member of this customer group');
      throw badRequest('not_your_group', 'you are not a member of this customer group', 403);
    }
    (ctx.state as { group?: CustomerGroup }).group = group;
    await next();
  };
}
