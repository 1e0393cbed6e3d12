import type { Access } from './access.ts';
import type { CallbackSender, Delivery } from './callback-sender.ts';
import type { ChatService } from './chat-service.ts';
import { CgiError } from './cgi.ts';
import { addTags } from './cgi-tags.ts';
import { findTag, nextId, type EmulatorState } from './emulator-state.ts';
import { contactChangeXml, tagChangeXml, type ContactChange } from './event-xml.ts';
import { HttpError } from './http-kit.ts';

/**
 * What people do in the WeCom client or admin console. Unlike API calls, these fire callbacks
 * (doc 92130: events come only from client/console actions).
 */

export interface AddContactInput {
  userid: string;
  /** An existing customer, or a new one when absent. */
  externalUserId?: string;
  name?: string;
  gender?: 0 | 1 | 2;
  /** The 「联系我」 channel. */
  state?: string;
  /** Added through 免验证: the guide has not accepted yet (add_half_external_contact). */
  half?: boolean;
}

export interface EditContactInput {
  userid: string;
  externalUserId: string;
  remark?: string;
  description?: string;
  /** Tag ids or `组/标签` names. */
  addTags?: string[];
  removeTags?: string[];
}

export type TagChangeInput =
  | { change: 'create'; groupId?: string; groupName?: string; names: string[] }
  | { change: 'update'; id: string; name: string }
  | { change: 'delete'; id: string };

export interface ContactActions {
  addContact(input: AddContactInput): Promise<{ externalUserId: string; welcomeCode?: string; delivery: Delivery }>;
  editContact(input: EditContactInput): Promise<{ delivery: Delivery }>;
  deleteContact(input: { userid: string; externalUserId: string; by: 'guide' | 'customer' }): Promise<{ delivery: Delivery }>;
  transferFail(input: { userid: string; externalUserId: string; reason: 'customer_refused' | 'customer_limit_exceed' }): Promise<{ delivery: Delivery }>;
  changeTags(input: TagChangeInput): Promise<{ id: string; delivery: Delivery }>;
}

export function createContactActions(state: EmulatorState, access: Access, chat: ChatService, sender: CallbackSender, now: () => number): ContactActions {
  const nowS = (): number => Math.floor(now() / 1000);
  const emitContact = (change: ContactChange): Promise<Delivery> =>
    sender.send(contactChangeXml(state.corp.id, nowS(), change), `${change.changeType} ${change.userid}/${change.externalUserId}`);

  const member = (userid: string): void => {
    if (!state.members.has(userid)) throw new HttpError(400, `unknown member ${userid}`);
  };
  const relationship = (userid: string, externalUserId: string) => {
    member(userid);
    const follow = state.customers.get(externalUserId)?.follows.get(userid);
    if (!follow) throw new HttpError(404, `${userid} has no relationship with ${externalUserId}`);
    return follow;
  };
  const tagId = (ref: string): string => {
    const id = ref.includes('/')
      ? state.tagGroups.find((g) => g.name === ref.slice(0, ref.indexOf('/')))?.tags.find((t) => t.name === ref.slice(ref.indexOf('/') + 1))?.id
      : findTag(state, ref)?.tag.id;
    if (!id) throw new HttpError(400, `unknown tag ${ref}`);
    return id;
  };

  return {
    async addContact(input) {
      member(input.userid);
      const externalUserId = input.externalUserId ?? `wmEmu${nextId(state, '')}`;
      let customer = state.customers.get(externalUserId);
      if (!customer) {
        customer = { externalUserId, name: input.name ?? `微信用户${externalUserId.slice(-4)}`, gender: input.gender ?? 0, type: 1, avatar: '', follows: new Map() };
        state.customers.set(externalUserId, customer);
      }
      customer.follows.set(input.userid, {
        userid: input.userid,
        remark: '',
        description: '',
        createtime: nowS(),
        tagIds: customer.follows.get(input.userid)?.tagIds ?? [],
        remarkMobiles: [],
        status: input.half ? 'half' : 'active',
        ...(input.state ? { state: input.state } : {}),
      });
      // No WelcomeCode once the two have chatted (doc 92277).
      const welcomeCode = chat.hasChatted(input.userid, externalUserId) ? undefined : access.issueWelcomeCode(input.userid, externalUserId);
      const delivery = await emitContact({
        changeType: input.half ? 'add_half_external_contact' : 'add_external_contact',
        userid: input.userid,
        externalUserId,
        ...(input.state ? { state: input.state } : {}),
        ...(welcomeCode ? { welcomeCode } : {}),
      });
      return { externalUserId, delivery, ...(welcomeCode ? { welcomeCode } : {}) };
    },

    async editContact(input) {
      const follow = relationship(input.userid, input.externalUserId);
      const add = (input.addTags ?? []).map(tagId);
      const remove = (input.removeTags ?? []).map(tagId);
      follow.tagIds = [...new Set([...follow.tagIds.filter((id) => !remove.includes(id)), ...add])];
      if (input.remark !== undefined) follow.remark = input.remark;
      if (input.description !== undefined) follow.description = input.description;
      return { delivery: await emitContact({ changeType: 'edit_external_contact', userid: input.userid, externalUserId: input.externalUserId }) };
    },

    async deleteContact({ userid, externalUserId, by }) {
      const follow = relationship(userid, externalUserId);
      follow.status = by === 'guide' ? 'deleted_by_guide' : 'deleted_by_customer';
      const changeType = by === 'guide' ? 'del_external_contact' : 'del_follow_user';
      return { delivery: await emitContact({ changeType, userid, externalUserId }) };
    },

    async transferFail({ userid, externalUserId, reason }) {
      relationship(userid, externalUserId);
      return { delivery: await emitContact({ changeType: 'transfer_fail', userid, externalUserId, failReason: reason }) };
    },

    async changeTags(input) {
      const emitTag = (changeType: 'create' | 'update' | 'delete', id: string, tagType: 'tag' | 'tag_group') =>
        sender.send(tagChangeXml(state.corp.id, nowS(), { changeType, id, tagType }), `change_external_tag ${changeType} ${tagType} ${id}`);
      if (input.change === 'create') {
        let added: ReturnType<typeof addTags>;
        try {
          added = addTags(state, { tags: input.names.map((name) => ({ name })), ...(input.groupId ? { groupId: input.groupId } : {}), ...(input.groupName ? { groupName: input.groupName } : {}) }, nowS());
        } catch (error) {
          if (error instanceof CgiError) throw new HttpError(400, error.message);
          throw error;
        }
        const id = added.newGroup ? added.group.id : (added.created[0]?.id ?? added.group.id);
        return { id, delivery: await emitTag('create', id, added.newGroup ? 'tag_group' : 'tag') };
      }
      const group = state.tagGroups.find((g) => g.id === input.id);
      const tag = findTag(state, input.id);
      if (!group && !tag) throw new HttpError(404, `unknown tag or group ${input.id}`);
      if (input.change === 'update') {
        if (group) group.name = input.name;
        else if (tag) tag.tag.name = input.name;
        return { id: input.id, delivery: await emitTag('update', input.id, group ? 'tag_group' : 'tag') };
      }
      // Deleting a group deletes its tags without a callback per tag (doc 92130).
      const removed = new Set(group ? group.tags.map((t) => t.id) : [input.id]);
      if (group) state.tagGroups = state.tagGroups.filter((g) => g !== group);
      else if (tag) tag.group.tags = tag.group.tags.filter((t) => t.id !== input.id);
      for (const customer of state.customers.values()) {
        for (const follow of customer.follows.values()) follow.tagIds = follow.tagIds.filter((id) => !removed.has(id));
      }
      return { id: input.id, delivery: await emitTag('delete', input.id, group ? 'tag_group' : 'tag') };
    },
  };
}
