import { badRequest } from '../errors.ts';
import type { ChatUpdateDetail, ExternalChatChange, WecomEvent } from './events.ts';
import type { Base } from './parse-event.ts';
import type { XmlDocument } from './xml.ts';

/** Chat ids (`wr…`) and member ids go into keys, URLs and logs: plain id characters only. */
const CHAT_ID = /^[A-Za-z0-9_-]{1,128}$/;
const MEMBER_ID = /^[\w@.-]{1,128}$/;
/** A customer group holds at most 2000 members. */
const MAX_MEMBERS = 2000;
const DETAILS: readonly ChatUpdateDetail[] = ['add_member', 'del_member', 'change_owner', 'change_name', 'change_notice'];

function count<K extends string>(doc: XmlDocument, name: string, key: K): { [P in K]?: number } {
  const raw = doc.fields[name];
  if (raw === undefined || raw === '') return {};
  if (!/^\d{1,9}$/.test(raw)) throw badRequest('bad_event', `<${name}> is not a whole number`);
  return { [key]: Number(raw) } as { [P in K]?: number };
}

function version<K extends string>(doc: XmlDocument, name: string, key: K): { [P in K]?: string } {
  const value = doc.fields[name];
  if (value === undefined || value === '') return {};
  if (!/^[A-Za-z0-9]{1,64}$/.test(value)) throw badRequest('bad_event', `<${name}> is not a version`);
  return { [key]: value } as { [P in K]?: string };
}

/**
 * MemChangeList comes as `<Item>` elements (and, from older servers, as one comma-separated value). Ids
 * that are not ids, or more of them than a group can hold, are refused rather than trimmed.
 */
function memberList(doc: XmlDocument): string[] {
  if (doc.nested.includes('MemChangeList')) throw badRequest('bad_event', '<MemChangeList> holds something other than <Item> elements');
  const items = doc.lists.MemChangeList ?? (doc.fields.MemChangeList ?? '').split(',');
  const ids = items.map((id) => id.trim()).filter((id) => id !== '');
  if (ids.length > MAX_MEMBERS) throw badRequest('bad_event', `<MemChangeList> names more than ${MAX_MEMBERS} members`);
  const bad = ids.find((id) => !MEMBER_ID.test(id));
  if (bad !== undefined) throw badRequest('bad_event', '<MemChangeList> holds a malformed member id');
  return [...new Set(ids)];
}

/**
 * `change_external_chat` (客户群变更, doc 92130): create / update (UpdateDetail says what changed) / dismiss.
 * An unknown ChangeType or UpdateDetail is kept as an `unknown` event (WeCom adds kinds over time); a
 * missing or malformed ChatId, UpdateDetail or member list is a 400 `bad_event`.
 */
export function parseChatChange(base: Base, doc: XmlDocument, need: (name: string) => string, xml: string): ExternalChatChange | WecomEvent {
  const changeType = need('ChangeType');
  const chatId = need('ChatId');
  if (!CHAT_ID.test(chatId)) throw badRequest('bad_event', '<ChatId> is not a chat id');
  const common = { ...base, type: 'change_external_chat' as const, chatId };
  if (changeType === 'create' || changeType === 'dismiss') return { ...common, changeType };
  if (changeType !== 'update') return { ...base, type: 'unknown', msgType: 'event', event: `change_external_chat/${changeType}`, xml };
  const detail = need('UpdateDetail');
  if (!(DETAILS as readonly string[]).includes(detail)) return { ...base, type: 'unknown', msgType: 'event', event: `change_external_chat/update/${detail}`, xml };
  return {
    ...common,
    changeType,
    updateDetail: detail as ChatUpdateDetail,
    ...count(doc, 'JoinScene', 'joinScene'),
    ...count(doc, 'QuitScene', 'quitScene'),
    ...count(doc, 'MemChangeCnt', 'memChangeCnt'),
    memChangeList: detail === 'add_member' || detail === 'del_member' ? memberList(doc) : [],
    ...version(doc, 'LastMemVer', 'lastMemVer'),
    ...version(doc, 'CurMemVer', 'curMemVer'),
  };
}
