import type { z } from 'zod';
import type { Call } from './contact-endpoints.ts';
import { agreeResponse } from './response-schemas.ts';
import type { ArchiveAgreement, WecomApi } from './wecom-api.ts';

type ArchiveEndpoints = Pick<WecomApi, 'checkSingleAgree' | 'checkRoomAgree'>;

const toAgreement = (raw: z.infer<typeof agreeResponse>['agreeinfo'][number]): ArchiveAgreement => ({
  ...(raw.userid ? { userId: raw.userid } : {}),
  externalUserId: raw.exteranalopenid,
  agreed: raw.agree_status === 'Agree',
  changedAt: raw.status_change_time,
});

/** 会话内容存档 consent (doc 91782), with the archive Secret's token. */
export function createArchiveEndpoints(call: Call): ArchiveEndpoints {
  return {
    async checkSingleAgree(pairs) {
      if (pairs.length === 0) return [];
      const answer = await call('archive', {
        method: 'POST',
        path: 'msgaudit/check_single_agree',
        body: { info: pairs.map((p) => ({ userid: p.userId, exteranalopenid: p.externalUserId })) },
        schema: agreeResponse,
      });
      return answer.agreeinfo.map(toAgreement);
    },
    async checkRoomAgree(roomId) {
      const answer = await call('archive', { method: 'POST', path: 'msgaudit/check_room_agree', body: { roomid: roomId }, schema: agreeResponse });
      return answer.agreeinfo.map(toAgreement);
    },
  };
}
