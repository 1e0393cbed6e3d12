/**
 * Every decrypted callback becomes exactly one member of WecomEvent. Handlers switch on `type`
 * (and `changeType`) exhaustively, so a new member is a compile error where it is not handled.
 * Ids and times stay strings where WeCom sends 64-bit values (MsgId must never become a number).
 * Formats: wecom-platform.md §3 and §4.11 (doc paths 90375, 92130, 95039, 94670).
 */

interface Envelope {
  /** ToUserName: the corp id. */
  corpId: string;
  /** CreateTime, seconds since the epoch. */
  createTime: number;
}

/** A member wrote text to our self-built app. */
export interface AppTextMessage extends Envelope {
  type: 'text';
  msgId: string;
  fromUser: string;
  agentId: string;
  content: string;
}

/** Any other app message type (image, voice, video, location, link, ...); the type is kept. */
export interface UnsupportedMessage extends Envelope {
  type: 'unsupported_message';
  msgType: string;
  msgId: string;
  fromUser: string;
  agentId: string;
}

interface ContactChangeBase extends Envelope {
  type: 'change_external_contact';
  /** Member (guide) userid. */
  userId: string;
  externalUserId: string;
}

export interface ContactAdded extends ContactChangeBase {
  changeType: 'add_external_contact' | 'add_half_external_contact';
  state?: string;
  welcomeCode?: string;
}

export interface ContactEdited extends ContactChangeBase {
  changeType: 'edit_external_contact';
}

export interface ContactDeleted extends ContactChangeBase {
  changeType: 'del_external_contact';
  /** `DELETE_BY_TRANSFER` when removed by 在职继承. */
  source?: string;
}

export interface FollowUserDeleted extends ContactChangeBase {
  changeType: 'del_follow_user';
}

export interface TransferFailed extends ContactChangeBase {
  changeType: 'transfer_fail';
  failReason: string;
}

export type ExternalContactChange = ContactAdded | ContactEdited | ContactDeleted | FollowUserDeleted | TransferFailed;
export type ExternalContactChangeType = ExternalContactChange['changeType'];

export interface TagChanged extends Envelope {
  type: 'change_external_tag';
  changeType: 'create' | 'update' | 'delete';
  id: string;
  tagType: 'tag' | 'tag_group';
}

export interface TagShuffled extends Envelope {
  type: 'change_external_tag';
  changeType: 'shuffle';
  id: string;
  strategyId?: string;
}

export type ExternalTagChange = TagChanged | TagShuffled;

interface ChatChangeBase extends Envelope {
  type: 'change_external_chat';
  /** The customer group (客户群) id. */
  chatId: string;
}

export interface ChatCreated extends ChatChangeBase {
  changeType: 'create';
}

export interface ChatDismissed extends ChatChangeBase {
  changeType: 'dismiss';
}

export type ChatUpdateDetail = 'add_member' | 'del_member' | 'change_owner' | 'change_name' | 'change_notice';

/** A group changed; only member changes say who (the rest: ask groupchat/get for the new state). */
export interface ChatUpdated extends ChatChangeBase {
  changeType: 'update';
  updateDetail: ChatUpdateDetail;
  /** add_member: 0 invited by a member, 1 through an invitation link, 2 by scanning the group QR code. */
  joinScene?: number;
  /** del_member: 0 left on their own, 1 removed by the owner or an admin. */
  quitScene?: number;
  /** How many members joined or left. */
  memChangeCnt?: number;
  /** Who joined or left (userids and external_userids); WeCom lists at most a page of them. */
  memChangeList: string[];
  /** Member-list versions before and after, to tell a missed event (groupchat/get member_version). */
  lastMemVer?: string;
  curMemVer?: string;
}

export type ExternalChatChange = ChatCreated | ChatUpdated | ChatDismissed;

/** 会话内容存档: new archive data exists; no payload. */
export interface MsgAuditNotify extends Envelope {
  type: 'msgaudit_notify';
  agentId: string;
}

/** 微信客服: new messages for OpenKfId; pull them with kf/sync_msg using Token (valid 10 min). */
export interface KfMsgOrEvent extends Envelope {
  type: 'kf_msg_or_event';
  token: string;
  openKfId: string;
}

export interface EnterAgent extends Envelope {
  type: 'enter_agent';
  fromUser: string;
  agentId: string;
}

/** Anything else; the decrypted XML is kept for later handling. */
export interface UnknownEvent extends Envelope {
  type: 'unknown';
  msgType: string;
  event: string;
  xml: string;
}

export type WecomEvent =
  | AppTextMessage
  | UnsupportedMessage
  | ExternalContactChange
  | ExternalTagChange
  | ExternalChatChange
  | MsgAuditNotify
  | KfMsgOrEvent
  | EnterAgent
  | UnknownEvent;

export type WecomEventType = WecomEvent['type'];

export function assertNever(value: never): never {
  throw new Error(`unhandled variant: ${JSON.stringify(value)}`);
}
