import type { CallbackSender, Delivery } from './callback-sender.ts';
import { memberVersion, nextId, type EmConsent, type EmGroup, type EmGroupMember, type EmulatorState } from './emulator-state.ts';
import { chatChangeXml, type ChatChange } from './event-xml.ts';
import type { GroupChats } from './group-chats.ts';
import { HttpError } from './http-kit.ts';

/**
 * What people do to customer groups in the WeCom client: create, add and remove members, hand over,
 * rename, post a notice, dismiss. Each fires the change_external_chat callback WeCom sends (doc 92130);
 * the event says what kind of change, the service reads the rest with groupchat/get.
 */

export interface GroupActions {
  createGroup(input: { chatId?: string; name: string; owner: string; members?: string[] }): Promise<{ chatId: string; delivery: Delivery }>;
  changeMembers(input: { chatId: string; add?: string[]; remove?: string[]; scene?: number }): Promise<{ deliveries: Delivery[] }>;
  updateGroup(input: { chatId: string; name?: string; notice?: string; owner?: string }): Promise<{ deliveries: Delivery[] }>;
  dismissGroup(chatId: string): Promise<{ delivery: Delivery }>;
  /** What check_room_agree answers for an external member of a group from now on. */
  setConsent(input: { externalUserId: string; chatId: string; status: EmConsent }): void;
}

export function createGroupActions(state: EmulatorState, sender: CallbackSender, chats: GroupChats, now: () => number): GroupActions {
  const nowS = (): number => Math.floor(now() / 1000);
  const emit = (change: ChatChange): Promise<Delivery> =>
    sender.send(chatChangeXml(state.corp.id, nowS(), change), `change_external_chat ${change.changeType}${change.changeType === 'update' ? ` ${change.updateDetail}` : ''} ${change.chatId}`);
  const group = (chatId: string): EmGroup => {
    const found = state.groups.get(chatId);
    if (!found) throw new HttpError(404, `unknown group ${chatId}`);
    if (found.status !== 'active') throw new HttpError(409, `group ${chatId} was dismissed`);
    return found;
  };
  const memberOf = (userid: string, invitor: string, scene: number): EmGroupMember => {
    const member = state.members.get(userid);
    const customer = state.customers.get(userid);
    if (!member && !/^w[mo]/.test(userid)) throw new HttpError(400, `${userid} is neither a member nor an external_userid`);
    return {
      userid,
      type: member ? 1 : 2,
      name: member?.name ?? customer?.name ?? `微信用户${userid.slice(-4)}`,
      groupNickname: '',
      joinTime: nowS(),
      joinScene: scene,
      invitor,
      consent: 'Agree',
    };
  };
  const finish = (g: EmGroup): void => chats.changed(g);

  return {
    async createGroup({ chatId = `wrEmu${nextId(state, '')}`, name, owner, members = [] }) {
      if (!state.members.has(owner)) throw new HttpError(400, `unknown owner ${owner}`);
      if (state.groups.has(chatId)) throw new HttpError(409, `group ${chatId} exists`);
      const created: EmGroup = {
        chatId,
        name,
        owner,
        notice: '',
        createTime: nowS(),
        admins: [],
        members: [owner, ...members.filter((m) => m !== owner)].map((userid) => {
          const { invitor: _self, ...founder } = memberOf(userid, owner, 1);
          return userid === owner ? founder : { ...founder, invitor: owner };
        }),
        memberVersion: memberVersion(chatId, 0),
        status: 'active',
      };
      state.groups.set(chatId, created);
      const delivery = await emit({ changeType: 'create', chatId });
      finish(created);
      return { chatId, delivery };
    },

    async changeMembers({ chatId, add = [], remove = [], scene = 1 }) {
      const g = group(chatId);
      const deliveries: Delivery[] = [];
      const joining = add.filter((id) => !g.members.some((m) => m.userid === id));
      if (joining.length > 0) {
        const last = g.memberVersion;
        g.members.push(...joining.map((id) => memberOf(id, g.owner, scene)));
        g.memberVersion = memberVersion(last, 1);
        deliveries.push(await emit({ changeType: 'update', chatId, updateDetail: 'add_member', joinScene: scene, memChangeList: joining, lastMemVer: last, curMemVer: g.memberVersion }));
      }
      const leaving = remove.filter((id) => id !== g.owner && g.members.some((m) => m.userid === id));
      if (leaving.length > 0) {
        const last = g.memberVersion;
        g.members = g.members.filter((m) => !leaving.includes(m.userid));
        g.admins = g.admins.filter((a) => !leaving.includes(a));
        g.memberVersion = memberVersion(last, 1);
        deliveries.push(await emit({ changeType: 'update', chatId, updateDetail: 'del_member', quitScene: 1, memChangeList: leaving, lastMemVer: last, curMemVer: g.memberVersion }));
      }
      finish(g);
      return { deliveries };
    },

    async updateGroup({ chatId, name, notice, owner }) {
      const g = group(chatId);
      const deliveries: Delivery[] = [];
      if (owner !== undefined && owner !== g.owner) {
        if (!g.members.some((m) => m.userid === owner && m.type === 1)) throw new HttpError(400, `the new owner ${owner} must be a member of the corp in the group`);
        g.owner = owner;
        deliveries.push(await emit({ changeType: 'update', chatId, updateDetail: 'change_owner' }));
      }
      if (name !== undefined && name !== g.name) {
        g.name = name;
        deliveries.push(await emit({ changeType: 'update', chatId, updateDetail: 'change_name' }));
      }
      if (notice !== undefined && notice !== g.notice) {
        g.notice = notice;
        deliveries.push(await emit({ changeType: 'update', chatId, updateDetail: 'change_notice' }));
      }
      finish(g);
      return { deliveries };
    },

    async dismissGroup(chatId) {
      const g = group(chatId);
      g.status = 'dismissed';
      const delivery = await emit({ changeType: 'dismiss', chatId });
      finish(g);
      return { delivery };
    },

    setConsent({ externalUserId, chatId, status }) {
      if (!/^w[mo]/.test(externalUserId)) throw new HttpError(400, `${externalUserId} is not an external_userid`);
      const member = group(chatId).members.find((m) => m.userid === externalUserId);
      if (!member) throw new HttpError(404, `${externalUserId} is not in group ${chatId}`);
      member.consent = status;
    },
  };
}
