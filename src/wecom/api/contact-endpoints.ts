import type { z } from 'zod';
import type { WecomRequest } from './call-wecom.ts';
import {
  addCorpTagResponse,
  batchByUserResponse,
  contactListResponse,
  corpTagListResponse,
  emptyResponse,
  externalContactResponse,
  type corpTagGroupSchema,
  type externalContactSchema,
} from './response-schemas.ts';
import { isWecomApiError } from './wecom-api-error.ts';
import type { CorpTagGroup, ExternalContact, FollowUser, SecretName, WecomApi } from './wecom-api.ts';

/** Sends one request with the token of the given secret (the adapter's retry/refresh algorithm applies). */
export type Call = <T>(secret: SecretName, request: WecomRequest<T>) => Promise<T>;

type ContactEndpoints = Pick<
  WecomApi,
  'getExternalContact' | 'listExternalContacts' | 'batchGetContactsByUser' | 'getCorpTagList' | 'addCorpTag' | 'markTag' | 'remark'
>;

function toContact(raw: z.infer<typeof externalContactSchema>): ExternalContact {
  return {
    externalUserId: raw.external_userid,
    name: raw.name,
    type: raw.type,
    gender: raw.gender,
    ...(raw.avatar ? { avatar: raw.avatar } : {}),
    ...(raw.unionid ? { unionId: raw.unionid } : {}),
    ...(raw.corp_name ? { corpName: raw.corp_name } : {}),
    ...(raw.position ? { position: raw.position } : {}),
  };
}

function toFollowBase(raw: Omit<z.infer<typeof externalContactResponse>['follow_user'][number], 'tags'>): Omit<FollowUser, 'tags'> {
  return {
    userId: raw.userid,
    remark: raw.remark,
    description: raw.description,
    createTime: raw.createtime,
    remarkMobiles: raw.remark_mobiles,
    ...(raw.state ? { state: raw.state } : {}),
    ...(raw.add_way === undefined ? {} : { addWay: raw.add_way }),
    ...(raw.oper_userid ? { operUserId: raw.oper_userid } : {}),
  };
}

export function toTagGroup(raw: z.infer<typeof corpTagGroupSchema>): CorpTagGroup {
  return {
    groupId: raw.group_id,
    groupName: raw.group_name,
    order: raw.order,
    createTime: raw.create_time,
    tags: raw.tag.filter((t) => !t.deleted).map((t) => ({ id: t.id, name: t.name, order: t.order, createTime: t.create_time })),
  };
}

/** 客户联系 endpoints (docs 92114, 92113, 92994, 92117, 92118, 92115). All use the `contact` secret. */
export function createContactEndpoints(call: Call): ContactEndpoints {
  return {
    async getExternalContact(externalUserId) {
      // follow_user is paged beyond 500 members: merge every page.
      const followUsers: FollowUser[] = [];
      let cursor = '';
      for (;;) {
        const page = await call('contact', {
          method: 'GET',
          path: 'externalcontact/get',
          query: { external_userid: externalUserId, ...(cursor ? { cursor } : {}) },
          schema: externalContactResponse,
        });
        for (const f of page.follow_user) {
          followUsers.push({
            ...toFollowBase(f),
            tags: f.tags.map((t) => ({ groupName: t.group_name, tagName: t.tag_name, type: t.type, ...(t.tag_id ? { tagId: t.tag_id } : {}) })),
          });
        }
        cursor = page.next_cursor ?? '';
        if (!cursor) return { contact: toContact(page.external_contact), followUsers };
      }
    },

    async listExternalContacts(userId) {
      try {
        const answer = await call('contact', { method: 'GET', path: 'externalcontact/list', query: { userid: userId }, schema: contactListResponse });
        return answer.external_userid;
      } catch (error) {
        // A member without any customer is answered with 84061 rather than an empty list.
        if (isWecomApiError(error, 84061)) return [];
        throw error;
      }
    },

    async batchGetContactsByUser({ userIds, cursor, limit }) {
      const answer = await call('contact', {
        method: 'POST',
        path: 'externalcontact/batch/get_by_user',
        body: { userid_list: userIds, cursor: cursor ?? '', limit: limit ?? 100 },
        schema: batchByUserResponse,
      });
      return {
        nextCursor: answer.next_cursor,
        items: answer.external_contact_list.map((item) => ({
          contact: toContact(item.external_contact),
          follow: { ...toFollowBase(item.follow_info), tagIds: item.follow_info.tag_id },
        })),
      };
    },

    async getCorpTagList(filter = {}) {
      const answer = await call('contact', {
        method: 'POST',
        path: 'externalcontact/get_corp_tag_list',
        body: { tag_id: filter.tagIds ?? [], group_id: filter.groupIds ?? [] },
        schema: corpTagListResponse,
      });
      return answer.tag_group.filter((g) => !g.deleted).map(toTagGroup);
    },

    async addCorpTag(input) {
      const answer = await call('contact', {
        method: 'POST',
        path: 'externalcontact/add_corp_tag',
        body: {
          ...(input.groupId ? { group_id: input.groupId } : {}),
          ...(input.groupName ? { group_name: input.groupName } : {}),
          ...(input.order === undefined ? {} : { order: input.order }),
          tag: input.tags.map((t) => ({ name: t.name, ...(t.order === undefined ? {} : { order: t.order }) })),
        },
        schema: addCorpTagResponse,
      });
      return toTagGroup(answer.tag_group);
    },

    async markTag(input) {
      await call('contact', {
        method: 'POST',
        path: 'externalcontact/mark_tag',
        body: { userid: input.userId, external_userid: input.externalUserId, add_tag: input.addTagIds ?? [], remove_tag: input.removeTagIds ?? [] },
        schema: emptyResponse,
      });
    },

    async remark(input) {
      await call('contact', {
        method: 'POST',
        path: 'externalcontact/remark',
        body: {
          userid: input.userId,
          external_userid: input.externalUserId,
          ...(input.remark === undefined ? {} : { remark: input.remark }),
          ...(input.description === undefined ? {} : { description: input.description }),
          ...(input.remarkCompany === undefined ? {} : { remark_company: input.remarkCompany }),
          ...(input.remarkMobiles === undefined ? {} : { remark_mobiles: input.remarkMobiles }),
        },
        schema: emptyResponse,
      });
    },
  };
}
