import { z } from 'zod';
import type { Call } from './contact-endpoints.ts';
import type { GroupChatDetail, WecomApi } from './wecom-api.ts';

/** Customer groups (客户群, docs 92120, 92122); their archive consent is in archive-endpoints.ts. */

const text = z.string().catch('');
const seconds = z.coerce.number().catch(0);

const groupListResponse = z.object({
  group_chat_list: z.array(z.object({ chat_id: z.string().min(1), status: z.coerce.number().catch(0) })).default([]),
  next_cursor: z.string().catch(''),
});

const groupChatResponse = z.object({
  group_chat: z.object({
    chat_id: z.string().min(1),
    name: text,
    owner: text,
    create_time: seconds,
    notice: z.string().optional(),
    member_list: z
      .array(
        z.object({
          userid: z.string().min(1),
          type: z.union([z.literal(1), z.literal(2)]).catch(2),
          join_time: seconds,
          join_scene: z.number().optional(),
          invitor: z.object({ userid: z.string() }).optional(),
          group_nickname: z.string().optional(),
          name: z.string().optional(),
          unionid: z.string().optional(),
        }),
      )
      .default([]),
    admin_list: z.array(z.object({ userid: z.string() })).default([]),
    member_version: z.string().optional(),
  }),
});

type GroupEndpoints = Pick<WecomApi, 'listGroupChats' | 'getGroupChat'>;

function toDetail(raw: z.infer<typeof groupChatResponse>['group_chat']): GroupChatDetail {
  return {
    chatId: raw.chat_id,
    name: raw.name,
    owner: raw.owner,
    createTime: raw.create_time,
    ...(raw.notice ? { notice: raw.notice } : {}),
    members: raw.member_list.map((m) => ({
      userId: m.userid,
      type: m.type,
      joinTime: m.join_time,
      ...(m.join_scene === undefined ? {} : { joinScene: m.join_scene }),
      ...(m.invitor?.userid ? { invitor: m.invitor.userid } : {}),
      ...(m.group_nickname ? { groupNickname: m.group_nickname } : {}),
      ...(m.name ? { name: m.name } : {}),
      ...(m.unionid ? { unionId: m.unionid } : {}),
    })),
    admins: raw.admin_list.map((a) => a.userid),
    ...(raw.member_version ? { memberVersion: raw.member_version } : {}),
  };
}

export function createGroupEndpoints(call: Call): GroupEndpoints {
  return {
    async listGroupChats({ ownerUserIds, cursor, limit }) {
      const answer = await call('contact', {
        method: 'POST',
        path: 'externalcontact/groupchat/list',
        body: {
          status_filter: 0,
          ...(ownerUserIds?.length ? { owner_filter: { userid_list: ownerUserIds.slice(0, 100) } } : {}),
          ...(cursor ? { cursor } : {}),
          limit: Math.min(Math.max(limit ?? 1000, 1), 1000),
        },
        schema: groupListResponse,
      });
      return { chats: answer.group_chat_list.map((c) => ({ chatId: c.chat_id, status: c.status })), nextCursor: answer.next_cursor };
    },

    async getGroupChat(chatId) {
      const answer = await call('contact', { method: 'POST', path: 'externalcontact/groupchat/get', body: { chat_id: chatId, need_name: 1 }, schema: groupChatResponse });
      return toDetail(answer.group_chat);
    },
  };
}
