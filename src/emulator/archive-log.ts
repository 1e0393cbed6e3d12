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

export interface EmulatorArchive {
  /** Bearer token the chatdata route accepts. */
  token: string;
  records: ArchiveRecord[];
  /** Stores the line as an archive record, without a callback. */
  append(input: ArchiveLineInput): ArchiveRecord;
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
    // Messages sent by an external contact carry an `_external` msgid suffix in the real archive.
    const msgid = `${nextId(state, 'archmsg_')}${from === 'customer' ? '_external' : ''}`;
    const record: ArchiveRecord = {
      seq: records.length + 1,
      msgid,
      action,
      from: author,
      tolist: input.tolist ?? [from === 'customer' ? guide : customer],
      roomid,
      msgtime: now(),
      msgtype,
      ...(msgtype === 'text' ? { text: { content: text } } : {}),
    };
    records.push(record);
    return record;
  };

  const notify = (): Promise<Delivery> => {
    const xml = buildEventXml({
      ToUserName: state.corp.id,
      FromUserName: 'sys',
      CreateTime: Math.floor(now() / 1000),
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
