import { createHash } from 'node:crypto';
import { resolveTagRef, type Seed } from './load-seed.ts';

/** The emulated tenant, in memory. Exposed on the emulator handle so tests can look inside. */

export interface EmMember {
  userid: string;
  name: string;
  role: 'guide' | 'manager' | 'admin';
  stores: string[];
}

/** `active`; `half` = added through 免验证, not accepted yet; deleted by the guide (84061) or by the customer. */
export type FollowStatus = 'active' | 'half' | 'deleted_by_guide' | 'deleted_by_customer';

export interface EmFollow {
  userid: string;
  remark: string;
  description: string;
  createtime: number;
  state?: string;
  tagIds: string[];
  remarkMobiles: string[];
  remarkCompany?: string;
  status: FollowStatus;
}

export interface EmCustomer {
  externalUserId: string;
  name: string;
  gender: 0 | 1 | 2;
  type: 1 | 2;
  avatar: string;
  follows: Map<string, EmFollow>;
}

export interface EmTag {
  id: string;
  name: string;
  order: number;
  createTime: number;
}

export interface EmTagGroup {
  id: string;
  name: string;
  order: number;
  createTime: number;
  tags: EmTag[];
}

/** One item of the 微信客服 message log (what kf/sync_msg pages through). */
export interface EmKfMessage {
  seq: number;
  msgid: string;
  externalUserId: string;
  sendTime: number;
  origin: 3 | 4 | 5;
  msgtype: string;
  text?: string;
  event?: Record<string, string>;
  /** The guide whose chat this belongs to (for origin 3 WeCom does not say: ask kf/service_state/get). */
  guide: string;
}

export interface EmAppMessage {
  touser: string;
  msgtype: string;
  body: unknown;
  at: number;
  /** WeCom drops the 31st message per member per minute without telling anyone. */
  dropped: boolean;
}

export type EmConsent = 'Agree' | 'Disagree' | 'Default_Agree';

export interface EmGroupMember {
  userid: string;
  /** 1 a member of the corp, 2 an external contact. */
  type: 1 | 2;
  name: string;
  groupNickname: string;
  joinTime: number;
  /** 1 invited directly, 2 by link, 3 by the group QR code. */
  joinScene: number;
  invitor?: string;
  /** What msgaudit/check_room_agree answers for an external member. */
  consent: EmConsent;
}

/** A customer group (客户群). Dismissed groups are kept for the demo page but WeCom's APIs no longer see them. */
export interface EmGroup {
  chatId: string;
  name: string;
  owner: string;
  notice: string;
  createTime: number;
  admins: string[];
  members: EmGroupMember[];
  /** Changes with every member change (groupchat/get member_version, LastMemVer/CurMemVer of the event). */
  memberVersion: string;
  status: 'active' | 'dismissed';
}

export interface EmCallbackRecord {
  id: number;
  xml: string;
  summary: string;
  status: 'delivered' | 'failed' | 'skipped';
  httpStatus?: number;
  attempts: number;
  at: number;
}

export interface EmulatorState {
  corp: { id: string; name: string };
  agentId: string;
  stores: { id: string; name: string }[];
  members: Map<string, EmMember>;
  customers: Map<string, EmCustomer>;
  tagGroups: EmTagGroup[];
  kf: { openKfId: string; name: string; servicers: string[]; messages: EmKfMessage[]; sessions: Map<string, string> };
  groups: Map<string, EmGroup>;
  /** Requests per cgi path (`gettoken`, `message/send`, …), counted before faults and token checks. */
  calls: Map<string, number>;
  appMessages: EmAppMessage[];
  welcomeMessages: { userid: string; externalUserId: string; text: string; at: number }[];
  callbacks: EmCallbackRecord[];
  /** The guide and customer (or customer group) picked on the demo page (used by OAuth and ww.js when the page says nothing). */
  current: { guide?: string; customer?: string; chat?: string };
  sequence: number;
}

export function nextId(state: EmulatorState, prefix: string): string {
  state.sequence += 1;
  return `${prefix}${state.sequence.toString(36).padStart(6, '0')}`;
}

export function createState(seed: Seed, corpId: string, agentId: string, now: number): EmulatorState {
  const nowS = Math.floor(now / 1000);
  const members = new Map<string, EmMember>(
    seed.stores.members.map((m) => [m.userid, { userid: m.userid, name: m.name, role: m.role, stores: m.stores ?? (m.store ? [m.store] : []) }]),
  );
  const customers = new Map<string, EmCustomer>();
  for (const c of seed.stores.customers) {
    const follows = new Map<string, EmFollow>();
    for (const f of c.follow) {
      follows.set(f.userid, {
        userid: f.userid,
        remark: f.remark,
        description: f.description,
        createtime: f.createtime ?? nowS,
        tagIds: f.tags.map((ref) => resolveTagRef(seed.tags, ref)).filter((id): id is string => id !== undefined),
        remarkMobiles: [],
        status: 'active',
        ...(f.state ? { state: f.state } : {}),
      });
    }
    customers.set(c.external_userid, { externalUserId: c.external_userid, name: c.name, gender: c.gender, type: c.type, avatar: c.avatar ?? '', follows });
  }
  const tagGroups = seed.tags.groups.map((g) => ({
    id: g.id,
    name: g.name,
    order: g.order,
    createTime: nowS,
    tags: g.tags.map((t, i) => ({ id: t.id, name: t.name, order: t.order ?? g.tags.length - i, createTime: nowS })),
  }));
  const guides = [...members.values()].filter((m) => m.role === 'guide').map((m) => m.userid);
  const CONSENT: Record<string, EmConsent> = { agree: 'Agree', disagree: 'Disagree', default_agree: 'Default_Agree' };
  const groups = new Map<string, EmGroup>(
    seed.stores.groups.map((g) => [
      g.chat_id,
      {
        chatId: g.chat_id,
        name: g.name,
        owner: g.owner,
        notice: g.notice ?? '',
        createTime: g.create_time ?? nowS,
        admins: g.admins,
        members: g.members.map((m) => {
          const member = members.get(m.userid);
          return {
            userid: m.userid,
            type: member ? 1 : 2,
            name: m.name ?? member?.name ?? customers.get(m.userid)?.name ?? m.userid,
            groupNickname: m.group_nickname ?? '',
            joinTime: g.create_time ?? nowS,
            joinScene: 1,
            ...(m.userid === g.owner ? {} : { invitor: g.owner }),
            consent: CONSENT[m.archive_consent] ?? 'Agree',
          };
        }),
        memberVersion: memberVersion(g.chat_id, 0),
        status: 'active',
      },
    ]),
  );
  return {
    corp: { id: corpId, name: seed.stores.corp.name },
    agentId,
    stores: seed.stores.stores.map((s) => ({ id: s.id, name: s.name })),
    members,
    customers,
    tagGroups,
    // For the demo every guide serves the 客服 account: a guide–customer chat is that kf session.
    kf: { openKfId: seed.stores.kf.open_kfid, name: seed.stores.kf.name, servicers: [...new Set([...seed.stores.kf.servicers, ...guides])], messages: [], sessions: new Map() },
    groups,
    calls: new Map(),
    appMessages: [],
    welcomeMessages: [],
    callbacks: [],
    current: {},
    sequence: 0,
  };
}

/** A member-list version string (WeCom's are 32 hex digits). */
export function memberVersion(chatId: string, change: number): string {
  return createHash('md5').update(`${chatId}:${change}`).digest('hex');
}

export function findTag(state: EmulatorState, tagId: string): { group: EmTagGroup; tag: EmTag } | undefined {
  for (const group of state.tagGroups) {
    const tag = group.tags.find((t) => t.id === tagId);
    if (tag) return { group, tag };
  }
  return undefined;
}
