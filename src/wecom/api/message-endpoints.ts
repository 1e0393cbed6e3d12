import { AppError } from '../../errors.ts';
import type { Call } from './contact-endpoints.ts';
import { emptyResponse, kfServiceStateResponse, kfSyncResponse, sendMessageResponse, userInfoResponse } from './response-schemas.ts';
import type { SendGuard } from './send-guard.ts';
import { isWecomApiError, notAMember } from './wecom-api-error.ts';
import type { AppMessage, KfMessage, WecomApi } from './wecom-api.ts';

type MessageEndpoints = Pick<WecomApi, 'sendWelcomeMessage' | 'sendMessage' | 'syncKfMessages' | 'getKfServiceState' | 'getUserInfo'>;

export interface MessageDeps {
  call: Call;
  agentId: number;
  guard: SendGuard;
  now: () => number;
}

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** WeCom truncates over-long app messages (doc 90236); we refuse them so nothing is cut off unseen. */
function assertWithinLimits(message: AppMessage): void {
  const problems: string[] = [];
  if (message.toUser.length === 0 || message.toUser.length > 1000) problems.push('toUser must hold 1..1000 userids');
  if (message.msgtype === 'text' && bytes(message.text.content) > 2048) problems.push('text.content exceeds 2048 bytes');
  if (message.msgtype === 'markdown' && bytes(message.markdown.content) > 2048) problems.push('markdown.content exceeds 2048 bytes');
  if (message.msgtype === 'textcard') {
    const card = message.textcard;
    if (bytes(card.title) > 128) problems.push('textcard.title exceeds 128 bytes');
    if (bytes(card.description) > 512) problems.push('textcard.description exceeds 512 bytes');
    if (bytes(card.url) > 2048 || !/^https?:\/\//.test(card.url)) problems.push('textcard.url must be http(s) and ≤ 2048 bytes');
    if (card.btntxt !== undefined && [...card.btntxt].length > 4) problems.push('textcard.btntxt exceeds 4 characters');
  }
  if (problems.length > 0) {
    throw new AppError('message_invalid', `app message rejected before sending: ${problems.join('; ')}`, { status: 400, expose: true });
  }
}

function messageBody(message: AppMessage): Record<string, unknown> {
  switch (message.msgtype) {
    case 'text':
      return { msgtype: 'text', text: message.text };
    case 'textcard':
      return { msgtype: 'textcard', textcard: message.textcard };
    case 'markdown':
      return { msgtype: 'markdown', markdown: message.markdown };
  }
}

/** App messages, welcome messages (doc 92137), 微信客服 (doc 94670, 94669) and OAuth (doc 91023). */
export function createMessageEndpoints({ call, agentId, guard, now }: MessageDeps): MessageEndpoints {
  return {
    async sendWelcomeMessage({ welcomeCode, text }) {
      try {
        await call('contact', {
          method: 'POST',
          path: 'externalcontact/send_welcome_msg',
          body: { welcome_code: welcomeCode, ...(text === undefined ? {} : { text: { content: text } }) },
          schema: emptyResponse,
        });
        return { sent: true };
      } catch (error) {
        // Another app used the code first or the customer already chatted: the welcome is moot.
        if (isWecomApiError(error, 41051)) return { sent: false, reason: 'already_chatting' };
        throw error;
      }
    },

    async sendMessage(message) {
      assertWithinLimits(message);
      await guard.claim(message.toUser, now());
      const answer = await call('app', {
        method: 'POST',
        path: 'message/send',
        body: { touser: message.toUser.join('|'), agentid: agentId, ...messageBody(message) },
        schema: sendMessageResponse,
      });
      return { msgId: answer.msgid, invalidUsers: answer.invaliduser ? answer.invaliduser.split('|') : [] };
    },

    async syncKfMessages({ openKfId, token, cursor, limit }) {
      const answer = await call('kf', {
        method: 'POST',
        path: 'kf/sync_msg',
        body: { open_kfid: openKfId, limit: limit ?? 1000, ...(cursor ? { cursor } : {}), ...(token ? { token } : {}) },
        schema: kfSyncResponse,
      });
      return {
        nextCursor: answer.next_cursor,
        hasMore: answer.has_more === 1,
        messages: answer.msg_list.map(
          (m): KfMessage => ({
            msgId: m.msgid,
            openKfId: m.open_kfid,
            externalUserId: m.external_userid,
            sendTime: m.send_time,
            origin: m.origin,
            msgtype: m.msgtype,
            ...(m.servicer_userid ? { servicerUserId: m.servicer_userid } : {}),
            ...(m.text ? { text: m.text } : {}),
          }),
        ),
      };
    },

    async getKfServiceState({ openKfId, externalUserId }) {
      const answer = await call('kf', {
        method: 'POST',
        path: 'kf/service_state/get',
        body: { open_kfid: openKfId, external_userid: externalUserId },
        schema: kfServiceStateResponse,
      });
      return { state: answer.service_state, ...(answer.servicer_userid ? { servicerUserId: answer.servicer_userid } : {}) };
    },

    async getUserInfo(code) {
      const answer = await call('app', { method: 'GET', path: 'auth/getuserinfo', query: { code }, schema: userInfoResponse });
      const userId = answer.userid ?? answer.UserId;
      if (userId) return { userId };
      throw notAMember();
    },
  };
}
