import type { ChatMessage } from '../../conversation/model.ts';
import type { ArchiveRecord } from './archive-source.ts';

/** external_userid of a WeChat (wm…) or 企业微信-external (wo…) contact; members have corp-chosen userids. */
export function isExternalId(id: string): boolean {
  return /^w[mo]/.test(id);
}

/**
 * A 1:1 external chat record as a ChatMessage of the (member, customer) conversation, a customer-group
 * record as a ChatMessage with its `roomId` (the group's conversation takes it), or undefined for anything
 * else: recalls and switches, member-to-member chats, chats of members outside the org, and chats with more
 * than two parties. Non-text messages become placeholders (`kind`).
 */
export function toArchiveMessage(record: ArchiveRecord, corpMembers: (userId: string) => boolean): ChatMessage | undefined {
  if (record.action !== 'send') return undefined;
  if (record.roomid !== '') return toRoomMessage(record);
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

function toRoomMessage(record: ArchiveRecord): ChatMessage | undefined {
  if (record.from === '') return undefined;
  const external = isExternalId(record.from);
  const isText = record.msgtype === 'text';
  return {
    id: record.msgid,
    guideId: external ? '' : record.from,
    customerId: external ? record.from : '',
    speaker: external ? 'customer' : 'guide',
    text: isText ? (record.text?.content ?? '') : '',
    source: 'archive',
    at: record.msgtime,
    seq: record.seq,
    roomId: record.roomid,
    ...(isText ? {} : { kind: record.msgtype || 'unknown' }),
  };
}
