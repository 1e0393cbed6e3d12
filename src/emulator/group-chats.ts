import type { EmulatorArchive } from './archive-log.ts';
import type { ChatService, GroupLine } from './chat-service.ts';
import type { Delivery } from './callback-sender.ts';
import { nextId, type EmGroup, type EmulatorState } from './emulator-state.ts';
import { HttpError } from './http-kit.ts';

/**
 * What people say in the emulated customer groups. A real tenant hears of group lines only through the chat
 * archive, so each line becomes an archive record with the group's roomid and a `msgaudit_notify` callback
 * (when the emulator's archive is on); the demo page sees it live.
 */

export interface GroupLineInput {
  chatId: string;
  /** A member's userid or an external member's external_userid. */
  from: string;
  text?: string;
  msgtype?: string;
}

export interface GroupChats {
  post(input: GroupLineInput): { line: GroupLine; delivery: Promise<Delivery> | undefined };
  lines(chatId: string, afterSeq?: number): GroupLine[];
  /** Tells every member's demo page that the group changed. */
  changed(group: EmGroup): void;
}

/** A group as the demo page shows it. */
export function describeGroup(group: EmGroup): Record<string, unknown> {
  return {
    chat_id: group.chatId,
    name: group.name,
    owner: group.owner,
    notice: group.notice,
    status: group.status,
    members: group.members.map((m) => ({ userid: m.userid, type: m.type, name: m.groupNickname || m.name, consent: m.consent })),
  };
}

export function guidesOf(state: EmulatorState, group: EmGroup): string[] {
  return group.members.filter((m) => m.type === 1 && state.members.get(m.userid)?.role === 'guide').map((m) => m.userid);
}

export function createGroupChats(state: EmulatorState, chat: ChatService, archive: EmulatorArchive | undefined, now: () => number): GroupChats {
  const log = new Map<string, GroupLine[]>();
  return {
    post({ chatId, from, text = '', msgtype = 'text' }) {
      const group = state.groups.get(chatId);
      if (!group) throw new HttpError(404, `unknown group ${chatId}`);
      if (group.status !== 'active') throw new HttpError(409, `group ${chatId} was dismissed`);
      const member = group.members.find((m) => m.userid === from);
      if (!member) throw new HttpError(400, `${from} is not in group ${chatId}`);
      if (msgtype === 'text' && text.trim() === '') throw new HttpError(400, 'text is empty');
      const lines = log.get(chatId) ?? [];
      const record = archive?.appendGroupLine({ chatId, from, tolist: group.members.map((m) => m.userid).filter((id) => id !== from), text, msgtype });
      const line: GroupLine = {
        seq: lines.length + 1,
        msgid: record?.msgid ?? nextId(state, 'grpmsg_'),
        from,
        fromName: member.groupNickname || member.name,
        fromType: member.type === 1 ? 'member' : 'external',
        msgtype,
        text: msgtype === 'text' ? text : '',
        at: now(),
      };
      lines.push(line);
      log.set(chatId, lines);
      for (const guide of guidesOf(state, group)) chat.notify(guide, { type: 'group', chatId, line });
      return { line, delivery: record && archive ? archive.notify() : undefined };
    },

    lines(chatId, afterSeq = 0) {
      return (log.get(chatId) ?? []).filter((l) => l.seq > afterSeq);
    },

    changed(group) {
      for (const guide of guidesOf(state, group)) chat.notify(guide, { type: 'group_change', chatId: group.chatId });
    },
  };
}
