import { CgiError, bodyString, type CgiDeps, type CgiRoute } from './cgi.ts';
import type { ChatService } from './chat-service.ts';

/** App messages (message/send, doc 90236) and welcome messages (send_welcome_msg, doc 92137). */

const PER_MEMBER_PER_MINUTE = 30;

function contentOf(body: Record<string, unknown>, msgtype: string): string {
  const part = body[msgtype];
  if (typeof part !== 'object' || part === null) return '';
  const record = part as Record<string, unknown>;
  return bodyString(record, msgtype === 'textcard' ? 'title' : 'content') ?? '';
}

export function messageRoutes({ state, access }: CgiDeps, chat: ChatService, now: () => number): CgiRoute[] {
  return [
    {
      method: 'POST',
      path: 'message/send',
      handler: ({ body }) => {
        if (String(body.agentid ?? '') !== state.agentId) throw new CgiError(40056);
        const msgtype = bodyString(body, 'msgtype') ?? '';
        if (!['text', 'textcard', 'markdown', 'news', 'template_card'].includes(msgtype)) throw new CgiError(40058, 'invalid msgtype');
        if (contentOf(body, msgtype) === '' && msgtype !== 'news' && msgtype !== 'template_card') throw new CgiError(44004);
        const recipients = (bodyString(body, 'touser') ?? '').split('|').filter(Boolean);
        const valid = recipients.filter((u) => state.members.has(u));
        const invalid = recipients.filter((u) => !state.members.has(u));
        if (valid.length === 0) throw new CgiError(81013);
        const at = now();
        for (const touser of valid) {
          const recent = state.appMessages.filter((m) => m.touser === touser && !m.dropped && m.at > at - 60_000).length;
          // WeCom drops the excess without an error (doc 90312): so do we.
          const message = { touser, msgtype, body: body[msgtype], at, dropped: recent >= PER_MEMBER_PER_MINUTE };
          state.appMessages.push(message);
          if (!message.dropped) chat.publishAppMessage(message);
        }
        return { invaliduser: invalid.join('|'), msgid: `emu_msg_${state.appMessages.length}` };
      },
    },
    {
      method: 'POST',
      path: 'externalcontact/send_welcome_msg',
      handler: ({ body }) => {
        const code = access.takeWelcomeCode(bodyString(body, 'welcome_code') ?? '');
        if (!code) throw new CgiError(40058, 'invalid welcome_code');
        // Used, older than 20 s, or the two already chatted: WeCom answers 41051.
        if (code.state !== 'ok' || chat.hasChatted(code.userid, code.externalUserId)) throw new CgiError(41051);
        const text = contentOf(body, 'text');
        state.welcomeMessages.push({ userid: code.userid, externalUserId: code.externalUserId, text, at: now() });
        // In the demo the guide–customer chat is the kf session: show the welcome there, as the guide.
        if (text) chat.post({ guide: code.userid, customer: code.externalUserId, from: 'guide', text });
        return {};
      },
    },
  ];
}
