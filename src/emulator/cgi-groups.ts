import { CgiError, bodyString, type CgiDeps, type CgiRoute } from './cgi.ts';
import { decodeCursor, encodeCursor } from './cgi-contact.ts';
import type { EmGroup, EmulatorState } from './emulator-state.ts';

/**
 * Customer groups: groupchat/list (doc 92120) and groupchat/get (92122). A dismissed group is gone for the
 * APIs (40050). Its members' archive consent is answered by msgaudit/check_room_agree (cgi-msgaudit.ts).
 */

function activeGroup(state: EmulatorState, chatId: string | undefined): EmGroup {
  const group = chatId ? state.groups.get(chatId) : undefined;
  if (!group || group.status !== 'active') throw new CgiError(40050);
  return group;
}

function groupJson(group: EmGroup, names: boolean): Record<string, unknown> {
  return {
    chat_id: group.chatId,
    name: group.name,
    owner: group.owner,
    create_time: group.createTime,
    notice: group.notice,
    member_list: group.members.map((m) => ({
      userid: m.userid,
      type: m.type,
      join_time: m.joinTime,
      join_scene: m.joinScene,
      ...(m.invitor ? { invitor: { userid: m.invitor } } : {}),
      group_nickname: m.groupNickname,
      ...(names ? { name: m.name } : {}),
    })),
    admin_list: group.admins.map((userid) => ({ userid })),
    member_version: group.memberVersion,
  };
}

export function groupRoutes({ state }: CgiDeps): CgiRoute[] {
  return [
    {
      method: 'POST',
      path: 'externalcontact/groupchat/list',
      handler: ({ body }) => {
        const limit = typeof body.limit === 'number' ? body.limit : 0;
        if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new CgiError(40058, 'limit must be 1..1000');
        const filter = (body.owner_filter ?? {}) as { userid_list?: unknown };
        const owners = Array.isArray(filter.userid_list) ? filter.userid_list.filter((u): u is string => typeof u === 'string') : [];
        if (owners.length > 100) throw new CgiError(40058, 'owner_filter.userid_list holds at most 100 userids');
        const all = [...state.groups.values()].filter((g) => g.status === 'active' && (owners.length === 0 || owners.includes(g.owner)));
        const offset = decodeCursor(bodyString(body, 'cursor') ?? '');
        const page = all.slice(offset, offset + limit);
        return {
          group_chat_list: page.map((g) => ({ chat_id: g.chatId, status: 0 })),
          next_cursor: offset + limit < all.length ? encodeCursor(offset + limit) : '',
        };
      },
    },
    {
      method: 'POST',
      path: 'externalcontact/groupchat/get',
      handler: ({ body }) => ({ group_chat: groupJson(activeGroup(state, bodyString(body, 'chat_id')), body.need_name === 1) }),
    },
  ];
}
