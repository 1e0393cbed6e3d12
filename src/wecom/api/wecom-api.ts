/**
 * The WeCom server APIs the service calls, as one port. Only operations something calls are declared here;
 * the HTTP adapter is http-wecom-api.ts. Shapes are ours (camelCase, ids as strings); the adapter maps
 * WeCom's snake_case JSON. Doc paths are given per operation (https://developer.work.weixin.qq.com/document/path/…).
 */

/**
 * One of WeCom's secrets; each has its own access_token. Missing `contact`/`kf` secrets fall back to `app`.
 * `archive` is the 会话内容存档 Secret, which the msgaudit APIs require.
 */
export type SecretName = 'app' | 'contact' | 'kf' | 'archive';

/** A tag on one guide–customer relationship. `tagId` is absent for personal tags (type 2). */
export interface ContactTag {
  groupName: string;
  tagName: string;
  tagId?: string;
  /** 1 corp tag, 2 personal tag, 3 rule-group tag. */
  type: 1 | 2 | 3;
}

/** A member who has the customer as an external contact (`follow_user`). */
export interface FollowUser {
  userId: string;
  remark: string;
  description: string;
  /** Epoch seconds when the relationship started. */
  createTime: number;
  tags: ContactTag[];
  /** `State` of the 「联系我」 channel, when the customer came through one. */
  state?: string;
  addWay?: number;
  operUserId?: string;
  remarkMobiles: string[];
}

export interface ExternalContact {
  externalUserId: string;
  name: string;
  avatar?: string;
  /** 1 WeChat user, 2 WeCom user. */
  type: 1 | 2;
  /** 0 unknown, 1 male, 2 female. */
  gender: 0 | 1 | 2;
  unionId?: string;
  corpName?: string;
  position?: string;
}

/** `externalcontact/get` (doc 92114), with every page of `follow_user` merged. */
export interface ExternalContactDetail {
  contact: ExternalContact;
  followUsers: FollowUser[];
}

/** One item of `externalcontact/batch/get_by_user` (doc 92994): tags come as ids only. */
export interface ContactOfMember {
  contact: ExternalContact;
  follow: Omit<FollowUser, 'tags'> & { tagIds: string[] };
}

export interface ContactPage {
  items: ContactOfMember[];
  /** Empty when there is nothing more. */
  nextCursor: string;
}

export interface CorpTag {
  id: string;
  name: string;
  order: number;
  createTime: number;
}

export interface CorpTagGroup {
  groupId: string;
  groupName: string;
  order: number;
  createTime: number;
  tags: CorpTag[];
}

export interface AddCorpTagInput {
  /** Add to this existing group… */
  groupId?: string;
  /** …or to the group of this name (created when missing). Names ≤ 30 characters. */
  groupName?: string;
  order?: number;
  tags: { name: string; order?: number }[];
}

export interface MarkTagInput {
  userId: string;
  externalUserId: string;
  addTagIds?: string[];
  removeTagIds?: string[];
}

export interface RemarkInput {
  userId: string;
  externalUserId: string;
  /** ≤ 20 characters. */
  remark?: string;
  /** ≤ 150 characters. */
  description?: string;
  remarkCompany?: string;
  remarkMobiles?: string[];
}

export interface WelcomeInput {
  welcomeCode: string;
  text?: string;
}

/** 41051 (the customer already chatted / the code was used) is an answer, not a failure. */
export type WelcomeResult = { sent: true } | { sent: false; reason: 'already_chatting' };

export type AppMessageBody =
  | { msgtype: 'text'; text: { content: string } }
  | { msgtype: 'textcard'; textcard: { title: string; description: string; url: string; btntxt?: string } }
  | { msgtype: 'markdown'; markdown: { content: string } };

/** An app message (message/send, doc 90236) to members by userid. */
export type AppMessage = AppMessageBody & { toUser: string[] };

export interface SendMessageResult {
  msgId: string;
  /** Recipients WeCom did not accept (unknown or outside the app's visible range). */
  invalidUsers: string[];
}

export interface KfSyncInput {
  openKfId: string;
  /** The Token of the `kf_msg_or_event` callback (valid 10 minutes). */
  token?: string;
  cursor?: string;
  /** Default and maximum 1000. */
  limit?: number;
}

/** One item of `kf/sync_msg` (doc 94670). Unknown msgtypes keep their name and no body. */
export interface KfMessage {
  msgId: string;
  openKfId: string;
  externalUserId: string;
  /** Epoch seconds. */
  sendTime: number;
  /** 3 customer, 4 system event, 5 servicer from the WeCom client. */
  origin: number;
  servicerUserId?: string;
  msgtype: string;
  text?: { content: string };
}

export interface KfSyncPage {
  nextCursor: string;
  hasMore: boolean;
  messages: KfMessage[];
}

/** `kf/service_state/get`: 0 new, 1 assistant, 2 queue, 3 a servicer (servicerUserId), 4 ended. */
export interface KfServiceState {
  state: number;
  servicerUserId?: string;
}

/** One item of `externalcontact/groupchat/list` (doc 92120). status: 0 normal, 1 owner left, 2 handover running, 3 handed over. */
export interface GroupChatSummary {
  chatId: string;
  status: number;
}

export interface GroupChatPage {
  chats: GroupChatSummary[];
  /** Empty when there is nothing more. */
  nextCursor: string;
}

export interface GroupChatMember {
  /** A member's userid or an external contact's external_userid. */
  userId: string;
  /** 1 a member of the corp, 2 an external contact. */
  type: 1 | 2;
  /** Epoch seconds. */
  joinTime: number;
  /** 1 invited directly, 2 through an invitation link, 3 by the group QR code. */
  joinScene?: number;
  invitor?: string;
  groupNickname?: string;
  name?: string;
  unionId?: string;
}

/** `externalcontact/groupchat/get` (doc 92122), asked with need_name. */
export interface GroupChatDetail {
  chatId: string;
  name: string;
  owner: string;
  /** Epoch seconds. */
  createTime: number;
  notice?: string;
  members: GroupChatMember[];
  admins: string[];
  memberVersion?: string;
}

/** One entry of msgaudit/check_single_agree or check_room_agree (doc 91782): a customer's archive consent. */
export interface ArchiveAgreement {
  /** The member of the 1:1 chat (check_single_agree only). */
  userId?: string;
  externalUserId: string;
  agreed: boolean;
  /** Epoch seconds of the last change. */
  changedAt: number;
}

export interface WecomApi {
  getExternalContact(externalUserId: string): Promise<ExternalContactDetail>;
  /** External userids of one member's customers; empty when the member has none. */
  listExternalContacts(userId: string): Promise<string[]>;
  /** One page; pass `nextCursor` back until it is empty. `userIds` ≤ 100, `limit` ≤ 100. */
  batchGetContactsByUser(input: { userIds: string[]; cursor?: string; limit?: number }): Promise<ContactPage>;
  /** Both filters empty → the whole library; `groupIds` wins when both are given. */
  getCorpTagList(filter?: { tagIds?: string[]; groupIds?: string[] }): Promise<CorpTagGroup[]>;
  /** Returns the group with only the tags just created. */
  addCorpTag(input: AddCorpTagInput): Promise<CorpTagGroup>;
  markTag(input: MarkTagInput): Promise<void>;
  remark(input: RemarkInput): Promise<void>;
  sendWelcomeMessage(input: WelcomeInput): Promise<WelcomeResult>;
  /** Throws `send_rate_limited` (SendRateLimitedError) instead of letting WeCom drop a message silently. */
  sendMessage(message: AppMessage): Promise<SendMessageResult>;
  syncKfMessages(input: KfSyncInput): Promise<KfSyncPage>;
  /** One page of customer groups; `ownerUserIds` ≤ 100 narrows to those owners; pass `nextCursor` back until empty. */
  listGroupChats(input: { ownerUserIds?: string[]; cursor?: string; limit?: number }): Promise<GroupChatPage>;
  getGroupChat(chatId: string): Promise<GroupChatDetail>;
  getKfServiceState(input: { openKfId: string; externalUserId: string }): Promise<KfServiceState>;
  /** Corp ticket for `wx.config` (cached, single-flight). */
  getJsApiTicket(): Promise<string>;
  /** App ticket for `wx.agentConfig` (cached, single-flight). */
  getAgentConfigTicket(): Promise<string>;
  /** OAuth code → the member's userid; a non-member throws `not_a_member`. */
  getUserInfo(code: string): Promise<{ userId: string }>;
  /** Consent of each (member, customer) 1:1 chat to be archived; ≤ 100 pairs a call. */
  checkSingleAgree(pairs: { userId: string; externalUserId: string }[]): Promise<ArchiveAgreement[]>;
  /** Consent of each customer in a group chat. */
  checkRoomAgree(roomId: string): Promise<ArchiveAgreement[]>;
}
