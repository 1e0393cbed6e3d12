import type { Access } from './access.ts';
import type { CallbackSender, Delivery } from './callback-sender.ts';
import { nextId, type EmAppMessage, type EmKfMessage, type EmulatorState } from './emulator-state.ts';
import { kfEventXml } from './event-xml.ts';
import { HttpError } from './http-kit.ts';

/**
 * The emulated chats. A chat between guide G and customer C is the 微信客服 session of (servicer G,
 * external_userid C): customer lines are origin 3, guide lines origin 5, and every line triggers a
 * `kf_msg_or_event` callback whose Token lets our service pull it with kf/sync_msg.
 */

export interface ChatLine {
  seq: number;
  msgid: string;
  from: 'customer' | 'guide';
  msgtype: string;
  text: string;
  /** Epoch ms. */
  at: number;
}

/** A line said in a customer group, as the demo page shows it. */
export interface GroupLine {
  seq: number;
  msgid: string;
  /** userid or external_userid. */
  from: string;
  fromName: string;
  fromType: 'member' | 'external';
  msgtype: string;
  text: string;
  /** Epoch ms. */
  at: number;
}

export type LiveEvent =
  | { type: 'chat'; customer: string; line: ChatLine }
  | { type: 'app'; message: EmAppMessage }
  | { type: 'group'; chatId: string; line: GroupLine }
  | { type: 'group_change'; chatId: string };

export interface ChatInput {
  guide: string;
  customer: string;
  from: 'customer' | 'guide';
  text?: string;
  /** `text` unless given (image, voice, … arrive as placeholders on our side). */
  msgtype?: string;
}

export interface ChatService {
  post(input: ChatInput): { line: ChatLine; delivery: Promise<Delivery> };
  list(guide: string, customer: string, afterSeq?: number): ChatLine[];
  /** Live lines of every chat of one guide, and the app messages sent to that guide. */
  subscribe(guide: string, listener: (event: LiveEvent) => void): () => void;
  publishAppMessage(message: EmAppMessage): void;
  /** Any other live event for one guide's demo page (customer-group lines and changes). */
  notify(guide: string, event: LiveEvent): void;
  /** True when the guide and the customer already exchanged messages (welcome codes become moot). */
  hasChatted(guide: string, customer: string): boolean;
}

function toLine(m: EmKfMessage): ChatLine {
  return { seq: m.seq, msgid: m.msgid, from: m.origin === 3 ? 'customer' : 'guide', msgtype: m.msgtype, text: m.text ?? '', at: m.sendTime * 1000 };
}

export function createChatService(state: EmulatorState, access: Access, sender: CallbackSender, now: () => number): ChatService {
  const listeners = new Map<string, Set<(event: LiveEvent) => void>>();
  const emit = (guide: string, event: LiveEvent): void => {
    for (const listener of listeners.get(guide) ?? []) listener(event);
  };
  const kf = state.kf;

  function append(entry: Omit<EmKfMessage, 'seq' | 'msgid' | 'sendTime'>): EmKfMessage {
    const message: EmKfMessage = { ...entry, seq: kf.messages.length + 1, msgid: nextId(state, 'kfmsg_'), sendTime: Math.floor(now() / 1000) };
    kf.messages.push(message);
    return message;
  }

  return {
    post({ guide, customer, from, text = '', msgtype = 'text' }) {
      if (!state.members.has(guide)) throw new HttpError(400, `unknown guide ${guide}`);
      if (!state.customers.has(customer)) throw new HttpError(400, `unknown customer ${customer}`);
      if (msgtype === 'text' && text.trim() === '') throw new HttpError(400, 'text is empty');
      if (!kf.sessions.has(customer)) {
        // A first contact opens the session: WeCom logs an enter_session system event (origin 4).
        append({ externalUserId: customer, origin: 4, msgtype: 'event', guide, event: { event_type: 'enter_session', open_kfid: kf.openKfId, external_userid: customer } });
      }
      kf.sessions.set(customer, guide);
      const message = append({ externalUserId: customer, origin: from === 'customer' ? 3 : 5, msgtype, guide, ...(msgtype === 'text' ? { text } : {}) });
      const line = toLine(message);
      emit(guide, { type: 'chat', customer, line });
      const xml = kfEventXml(state.corp.id, message.sendTime, access.issueKfToken(), kf.openKfId);
      return { line, delivery: sender.send(xml, `kf_msg_or_event ${from} ${guide}/${customer}`) };
    },

    list(guide, customer, afterSeq = 0) {
      return kf.messages.filter((m) => m.origin !== 4 && m.guide === guide && m.externalUserId === customer && m.seq > afterSeq).map(toLine);
    },

    subscribe(guide, listener) {
      const set = listeners.get(guide) ?? new Set();
      set.add(listener);
      listeners.set(guide, set);
      return () => void set.delete(listener);
    },

    publishAppMessage(message) {
      emit(message.touser, { type: 'app', message });
    },

    notify: emit,

    hasChatted(guide, customer) {
      return kf.messages.some((m) => m.origin !== 4 && m.guide === guide && m.externalUserId === customer);
    },
  };
}
