import type { ChatMessage } from '../../conversation/model.ts';
import type { ArchiveRecord } from './archive-source.ts';

/** external_userid of a WeChat (wm…) or 企业微信-external (wo…) contact; members have corp-chosen userids. */
export function isExternalId(id: string): boolean {
  return /^w[mo]/.test(id);
}

/**
 * A 1:1 external chat record as a ChatMessage of the (member, customer) conversation, or undefined for
 * anything else: recalls and switches, group chats (roomid set), member-to-member chats, chats of members
 * outside the org, and chats with more than two parties. Non-text messages become placeholders (`kind`).
 */
export function toArchiveMessage(record: ArchiveRecord, corpMembers: (userId: string) => boolean): ChatMessage | undefined {
  if (record.action !== 'send' || record.roomid !== '') return undefined;
  const parties = [...new Set([record.from, ...record.tolist])].filter((id) => id !== '');
  if (parties.length !== 2) return undefined;
  const customers = parties.filter(isExternalId);
  const guides = parties.filter((id) => !isExternalId(id) && corpMembers(id));
  const [customerId] = customers;
  const [guideId] = guides;
  if (customers.length !== 1 || guides.length !== 1 || !customerId || !guideId) return undefined;
  const isText = record.msgtype === 'text';
  return {
    id: record.msgid,
    guideId,
    customerId,
    speaker: record.from === customerId ? 'customer' : 'guide',
    text: isText ? (record.text?.content ?? '') : '',
    source: 'archive',
    at: record.msgtime,
    seq: record.seq,
    ...(isText ? {} : { kind: record.msgtype || 'unknown' }),
  };
}
