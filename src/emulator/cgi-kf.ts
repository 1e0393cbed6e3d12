import { CgiError, bodyString, type CgiDeps, type CgiRoute } from './cgi.ts';
import type { EmKfMessage } from './emulator-state.ts';

/** 微信客服: kf/sync_msg (doc 94670) and kf/service_state/get (doc 94669). */

const encodeCursor = (offset: number): string => Buffer.from(`kf:${offset}`).toString('base64url');

function decodeCursor(cursor: string | undefined): number | undefined {
  if (!cursor) return undefined;
  const match = /^kf:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw new CgiError(40058, 'invalid cursor');
  return Number(match[1]);
}

function itemJson(m: EmKfMessage, openKfId: string): Record<string, unknown> {
  const item: Record<string, unknown> = {
    msgid: m.msgid,
    open_kfid: openKfId,
    external_userid: m.externalUserId,
    send_time: m.sendTime,
    origin: m.origin,
    msgtype: m.msgtype,
  };
  // servicer_userid only comes with origin 5 (sent from the WeCom client).
  if (m.origin === 5) item.servicer_userid = m.guide;
  if (m.msgtype === 'text') item.text = { content: m.text ?? '' };
  else if (m.msgtype === 'event') item.event = m.event ?? {};
  else item[m.msgtype] = { media_id: `emu_media_${m.msgid}` };
  return item;
}

export function kfRoutes({ state, faults, access }: CgiDeps, now: () => number): CgiRoute[] {
  const kf = state.kf;
  return [
    {
      method: 'POST',
      path: 'kf/sync_msg',
      handler: ({ body }) => {
        if (bodyString(body, 'open_kfid') !== kf.openKfId) throw new CgiError(95000);
        const token = bodyString(body, 'token');
        if (token !== undefined && token !== '' && !access.kfTokenValid(token)) throw new CgiError(95007);
        const limit = typeof body.limit === 'number' ? body.limit : 1000;
        if (limit < 1 || limit > 1000) throw new CgiError(40058, 'limit must be 1..1000');
        // Without a cursor WeCom starts at the earliest message of the last 3 days.
        const start = decodeCursor(bodyString(body, 'cursor')) ?? kf.messages.findIndex((m) => m.sendTime * 1000 >= now() - 3 * 86_400_000);
        const offset = start < 0 ? kf.messages.length : start;
        if (faults.kfEmptyPages > 0) {
          faults.kfEmptyPages -= 1;
          return { next_cursor: encodeCursor(offset), has_more: 1, msg_list: [] };
        }
        const page = kf.messages.slice(offset, offset + Math.min(limit, faults.kfPageSize));
        const next = offset + page.length;
        return { next_cursor: encodeCursor(next), has_more: next < kf.messages.length ? 1 : 0, msg_list: page.map((m) => itemJson(m, kf.openKfId)) };
      },
    },
    {
      method: 'POST',
      path: 'kf/service_state/get',
      handler: ({ body }) => {
        if (bodyString(body, 'open_kfid') !== kf.openKfId) throw new CgiError(95000);
        const servicer = kf.sessions.get(bodyString(body, 'external_userid') ?? '');
        return servicer ? { service_state: 3, servicer_userid: servicer } : { service_state: 0 };
      },
    },
  ];
}
