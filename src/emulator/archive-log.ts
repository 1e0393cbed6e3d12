import type { ArchiveRecord } from '../wecom/archive/archive-source.ts';
import type { CallbackSender, Delivery } from './callback-sender.ts';
import { nextId, type EmulatorState } from './emulator-state.ts';
import { buildEventXml } from './event-xml.ts';
import { HttpError } from './http-kit.ts';

/**
 * The emulated 会话内容存档: chat lines kept as the decrypted records a Finance-SDK sidecar would serve
 * (doc 91774), each with a seq, plus the `msgaudit_notify` callback that says new data exists (doc 95039).
 */

export interface ArchiveLineInput {
  guide: string;
  customer: string;
  from: 'customer' | 'guide';
  text?: string;
  msgtype?: string;
  /** A group chat id; empty (default) for a 1:1 chat. */
  roomid?: string;
  action?: 'send' | 'recall' | 'switch';
  /** Receivers; default the other party of the 1:1 chat. */
  tolist?: string[];
}

/** A line said in a customer group: the record carries the group's `roomid` and every other member as receivers. */
export interface ArchiveGroupLineInput {
  chatId: string;
  from: string;
  tolist: string[];
  text?: string;
  msgtype?: string;
}

export interface EmulatorArchive {
  /** Bearer token the chatdata route accepts. */
  token: string;
  records: ArchiveRecord[];
  /** Stores the line as an archive record, without a callback. */
  append(input: ArchiveLineInput): ArchiveRecord;
  /** Stores a customer-group line as an archive record, without a callback. */
  appendGroupLine(input: ArchiveGroupLineInput): ArchiveRecord;
  /** Sends a signed msgaudit_notify callback. */
  notify(): Promise<Delivery>;
  /** append, then notify; resolves after the callback was delivered or given up. */
  say(input: ArchiveLineInput): Promise<{ record: ArchiveRecord; delivery: Delivery }>;
  /** GetChatData: records after `seq`, at most `limit`. */
  page(seq: number, limit: number): { items: ArchiveRecord[]; has_more: boolean };
}

export function createArchiveLog(state: EmulatorState, sender: CallbackSender, now: () => number, token: string): EmulatorArchive {
  const records: ArchiveRecord[] = [];

  const append = (input: ArchiveLineInput): ArchiveRecord => {
    const { guide, customer, from, text = '', msgtype = 'text', roomid = '', action = 'send' } = input;
    if (!state.members.has(guide)) throw new HttpError(400, `unknown guide ${guide}`);
    if (!state.customers.has(customer)) throw new HttpError(400, `unknown customer ${customer}`);
    if (action === 'send' && msgtype === 'text' && text.trim() === '') throw new HttpError(400, 'text is empty');
    const author = from === 'customer' ? customer : guide;
    return push({ from: author, external: from === 'customer', tolist: input.tolist ?? [from === 'customer' ? guide : customer], roomid, action, msgtype, text });
  };

  function push(line: { from: string; external: boolean; tolist: string[]; roomid: string; action: ArchiveRecord['action']; msgtype: string; text: string }): ArchiveRecord {
    // Messages sent by an external contact carry an `_external` msgid suffix in the real archive.
    const msgid = `${nextId(state, 'archmsg_')}${line.external ? '_external' : ''}`;
    const record: ArchiveRecord = {
      seq: records.length + 1,
      msgid,
      action: line.action,
      from: line.from,
      tolist: line.tolist,
      roomid: line.roomid,
      msgtime: now(),
      msgtype: line.msgtype,
      ...(line.msgtype === 'text' ? { text: { content: line.text } } : {}),
    };
    records.push(record);
    return record;
  }

  // Each notify names a later second than the one before (WeCom sends them seconds apart): two in the same
  // second would be the same XML, and the service rightly takes a repeated callback only once.
  let lastNotify = 0;
  const notify = (): Promise<Delivery> => {
    lastNotify = Math.max(Math.floor(now() / 1000), lastNotify + 1);
    const xml = buildEventXml({
      ToUserName: state.corp.id,
      FromUserName: 'sys',
      CreateTime: lastNotify,
      MsgType: 'event',
      AgentID: state.agentId,
      Event: 'msgaudit_notify',
    });
    return sender.send(xml, 'msgaudit_notify');
  };

  return {
    token,
    records,
    append,
    appendGroupLine: ({ chatId, from, tolist, text = '', msgtype = 'text' }) =>
      push({ from, external: /^w[mo]/.test(from), tolist, roomid: chatId, action: 'send', msgtype, text }),
    notify,
    async say(input) {
      const record = append(input);
      return { record, delivery: await notify() };
    },
    page(seq, limit) {
      const after = records.filter((r) => r.seq > seq);
      return { items: after.slice(0, limit), has_more: after.length > limit };
    },
  };
}
