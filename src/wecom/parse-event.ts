import { badRequest } from '../errors.ts';
import type { ExternalContactChange, ExternalTagChange, WecomEvent } from './events.ts';
import { parseChatChange } from './parse-chat-change.ts';
import { parseXmlDocument, type XmlFields } from './xml.ts';

/** Decrypted callback XML → one WecomEvent. Missing required fields are a 400 `bad_event`. */
export function parseEvent(xml: string): WecomEvent {
  const doc = parseXmlDocument(xml);
  const f = doc.fields;
  const need = (name: string): string => {
    const value = f[name];
    if (value === undefined || value === '') throw badRequest('bad_event', `callback is missing <${name}>`);
    return value;
  };
  const createTime = Number(need('CreateTime'));
  if (!Number.isSafeInteger(createTime)) throw badRequest('bad_event', '<CreateTime> is not an integer');
  const base = { corpId: need('ToUserName'), createTime };
  const msgType = need('MsgType');

  if (msgType !== 'event') {
    const common = { ...base, msgId: need('MsgId'), fromUser: need('FromUserName'), agentId: f.AgentID ?? '' };
    if (msgType === 'text') return { ...common, type: 'text', content: f.Content ?? '' };
    return { ...common, type: 'unsupported_message', msgType };
  }

  const event = need('Event');
  switch (event) {
    case 'change_external_contact':
      return parseContactChange(base, f, need, xml);
    case 'change_external_tag':
      return parseTagChange(base, f, need, xml);
    case 'change_external_chat':
      return parseChatChange(base, doc, need, xml);
    case 'msgaudit_notify':
      return { ...base, type: 'msgaudit_notify', agentId: f.AgentID ?? '' };
    case 'kf_msg_or_event':
      return { ...base, type: 'kf_msg_or_event', token: need('Token'), openKfId: need('OpenKfId') };
    case 'enter_agent':
      return { ...base, type: 'enter_agent', fromUser: need('FromUserName'), agentId: f.AgentID ?? '' };
    default:
      return { ...base, type: 'unknown', msgType, event, xml };
  }
}

export type Base = { corpId: string; createTime: number };

export function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined || value === '' ? {} : { [key]: value }) as { [P in K]?: string };
}

function parseContactChange(base: Base, f: XmlFields, need: (name: string) => string, xml: string): ExternalContactChange | WecomEvent {
  const changeType = need('ChangeType');
  const people = { ...base, type: 'change_external_contact' as const, userId: need('UserID'), externalUserId: need('ExternalUserID') };
  switch (changeType) {
    case 'add_external_contact':
    case 'add_half_external_contact':
      return { ...people, changeType, ...optional('state', f.State), ...optional('welcomeCode', f.WelcomeCode) };
    case 'edit_external_contact':
    case 'del_follow_user':
      return { ...people, changeType };
    case 'del_external_contact':
      return { ...people, changeType, ...optional('source', f.Source) };
    case 'transfer_fail':
      return { ...people, changeType, failReason: f.FailReason ?? '' };
    default:
      return { ...base, type: 'unknown', msgType: 'event', event: `change_external_contact/${changeType}`, xml };
  }
}

function parseTagChange(base: Base, f: XmlFields, need: (name: string) => string, xml: string): ExternalTagChange | WecomEvent {
  const changeType = need('ChangeType');
  const id = need('Id');
  if (changeType === 'shuffle') return { ...base, type: 'change_external_tag', changeType, id, ...optional('strategyId', f.StrategyId) };
  if (changeType === 'create' || changeType === 'update' || changeType === 'delete') {
    const tagType = f.TagType === 'tag_group' ? 'tag_group' : 'tag';
    return { ...base, type: 'change_external_tag', changeType, id, tagType };
  }
  return { ...base, type: 'unknown', msgType: 'event', event: `change_external_tag/${changeType}`, xml };
}
