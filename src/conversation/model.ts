/**
 * The conversation model every door (chat archive, 微信客服, app message, sidebar paste) converges on.
 * Plain data only: no Redis, no WeCom, no Koa.
 */

/** Who said it. `guide` is the store member (WeCom userid), `customer` the external contact. */
export type Speaker = 'customer' | 'guide';

/** Which door the message came through. */
export type MessageSource = 'archive' | 'kf' | 'app' | 'paste' | 'sidebar';

export interface ChatMessage {
  /** Stable id from the source (MsgId, kf msgid, archive msgid) or generated for pastes; unique per conversation. */
  id: string;
  /** WeCom userid of the guide (member) who owns the conversation. */
  guideId: string;
  /** external_userid of the customer. */
  customerId: string;
  speaker: Speaker;
  text: string;
  source: MessageSource;
  /** Epoch milliseconds when the message was sent (CreateTime / send_time / msgtime): the first order key. */
  at: number;
  /** The platform's sequence number where it has one (会话内容存档 seq): the second order key. */
  seq?: number;
  /** Non-text messages (image, voice, ...) are kept as typed placeholders with an empty text. */
  kind?: string;
  /** For a guide message sent from a suggestion: which draft, and whether the guide edited it. */
  fromDraft?: { suggestionId: string; draftId: string; edited: boolean };
  /**
   * Said in a customer group (the archive's `roomid`): such a message belongs to the group's own
   * conversation (group-model.ts), never to a 1:1 one. The speaker is `customerId` (an external contact)
   * or `guideId` (a member), the other one is empty.
   */
  roomId?: string;
}

export type RelationshipStatus = 'active' | 'pending' | 'closed';

/** One guide–customer relationship (a WeCom follow_user entry). */
export interface Relationship {
  guideId: string;
  status: RelationshipStatus;
  /** Epoch ms when the relationship started (or was first seen). */
  since: number;
  remark?: string;
  description?: string;
  /** `State` of the 「联系我」 channel the customer came through. */
  channel?: string;
  /** Corp tag ids the guide has on this customer. */
  tagIds: string[];
  closedAt?: number;
  closedReason?: 'del_external_contact' | 'del_follow_user' | 'transfer';
  transferFailure?: string;
}

/** A profile fact remembered about a customer, with the message it came from. */
export interface ProfileFact {
  key: string;
  value: string;
  sourceMessageId?: string;
  at: number;
}

export interface CustomerProfile {
  customerId: string;
  name?: string;
  /** 0 unknown, 1 male, 2 female (WeCom's coding). */
  gender?: 0 | 1 | 2;
  /** 1 WeChat user, 2 WeCom user. */
  type?: 1 | 2;
  relationships: Record<string, Relationship>;
  facts: ProfileFact[];
  updatedAt: number;
}

export function emptyProfile(customerId: string, now: number): CustomerProfile {
  return { customerId, relationships: {}, facts: [], updatedAt: now };
}
