/**
 * Customer groups (客户群): the group as WeCom describes it (groupchat/get, doc 92122) and its conversation,
 * which the chat archive delivers with a `roomid` (doc 91774). A group's conversation is its own: one per
 * chat id, shared by every member, each message with the id of who said it. Plain data only.
 */
import type { ChatMessage } from './model.ts';

export interface GroupMember {
  /** A member's userid, or an external contact's external_userid. */
  userId: string;
  /** 1 a member of the corp, 2 an external contact (groupchat/get `type`). */
  kind: 'member' | 'external';
  /** The WeCom name (groupchat/get with need_name). */
  name?: string;
  /** The name they gave themselves in this group. */
  groupNickname?: string;
  /** Epoch seconds. */
  joinTime?: number;
}

export interface CustomerGroup {
  chatId: string;
  name: string;
  /** The owner's userid (a member of the corp). */
  owner: string;
  notice?: string;
  /** Epoch seconds. */
  createTime?: number;
  members: GroupMember[];
  admins: string[];
  /** groupchat/get member_version: a change event naming another version means the list moved on. */
  memberVersion?: string;
  /** `dismissed` after a dismiss event; the group is kept (read-only) until it expires. */
  status: 'active' | 'dismissed';
  /** Epoch ms of the last refresh from WeCom. */
  refreshedAt: number;
}

/** Who spoke in a group: an external contact (a customer, ours or not) or a member of the corp. */
export type GroupSpeaker = 'customer' | 'member';

export interface GroupMessage {
  /** The archive msgid (or generated for what the sidebar recorded as sent); unique per group. */
  id: string;
  chatId: string;
  /** The speaker's userid or external_userid. */
  speakerId: string;
  speaker: GroupSpeaker;
  text: string;
  source: 'archive' | 'sidebar';
  /** Epoch ms (msgtime); then `seq`, then `id`: the same order as a 1:1 conversation (compare-messages.ts). */
  at: number;
  seq?: number;
  /** Non-text messages are kept as typed placeholders with an empty text. */
  kind?: string;
  fromDraft?: ChatMessage['fromDraft'];
}

/** The name a group member is shown by: their group nickname, else their WeCom name, else the id. */
export function displayName(member: GroupMember | undefined, fallback: string): string {
  return member?.groupNickname || member?.name || fallback;
}
