import type { Redis } from 'ioredis';
import type { Keys } from '../../conversation/keys.ts';
import type { ChatMessage } from '../../conversation/model.ts';
import type { WecomApi } from '../api/wecom-api.ts';

/**
 * 会话内容存档 consent (msgaudit/check_single_agree, check_room_agree; doc 91782). A customer who has not
 * agreed — or whom WeCom does not list — is refused: nothing of that chat is stored. Answers are cached in
 * Redis, refusals for less time than agreements so a customer who agrees later is picked up soon.
 */
export interface ConsentGate {
  keep(messages: ChatMessage[]): Promise<{ kept: ChatMessage[]; refused: number }>;
  /** external_userids of a group chat's customers who agreed. */
  roomAgreed(roomId: string): Promise<Set<string>>;
}

export interface ConsentGateOptions {
  api: Pick<WecomApi, 'checkSingleAgree' | 'checkRoomAgree'>;
  redis: Redis;
  keys: Keys;
  agreedTtlSec: number;
  refusedTtlSec: number;
}

/** check_single_agree takes at most 100 pairs a call. */
const BATCH = 100;

export function createConsentGate(options: ConsentGateOptions): ConsentGate {
  const { api, redis, keys } = options;
  const ttl = (agreed: boolean) => (agreed ? options.agreedTtlSec : options.refusedTtlSec);

  async function lookUp(pairs: { userId: string; externalUserId: string }[]): Promise<Map<string, boolean>> {
    const cacheKeys = pairs.map((p) => keys.archiveConsent(p.userId, p.externalUserId));
    const cached = await redis.mget(...cacheKeys);
    const answers = new Map<string, boolean>();
    const missing: typeof pairs = [];
    pairs.forEach((pair, i) => (cached[i] === null ? missing.push(pair) : answers.set(cacheKeys[i] as string, cached[i] === '1')));
    for (let start = 0; start < missing.length; start += BATCH) {
      const batch = missing.slice(start, start + BATCH);
      const agreed = new Set(
        (await api.checkSingleAgree(batch)).filter((a) => a.agreed).map((a) => keys.archiveConsent(a.userId ?? '', a.externalUserId)),
      );
      const write = redis.multi();
      for (const pair of batch) {
        const key = keys.archiveConsent(pair.userId, pair.externalUserId);
        // An agreement listed without a userid still names this customer's chat with the member asked about.
        const yes = agreed.has(key) || agreed.has(keys.archiveConsent('', pair.externalUserId));
        answers.set(key, yes);
        write.set(key, yes ? '1' : '0', 'EX', ttl(yes));
      }
      await write.exec();
    }
    return answers;
  }

  return {
    async keep(messages) {
      if (messages.length === 0) return { kept: [], refused: 0 };
      const pairs = new Map<string, { userId: string; externalUserId: string }>();
      for (const m of messages) pairs.set(keys.archiveConsent(m.guideId, m.customerId), { userId: m.guideId, externalUserId: m.customerId });
      const answers = await lookUp([...pairs.values()]);
      const kept = messages.filter((m) => answers.get(keys.archiveConsent(m.guideId, m.customerId)) === true);
      return { kept, refused: messages.length - kept.length };
    },

    async roomAgreed(roomId) {
      const key = keys.archiveRoomConsent(roomId);
      let entries = await redis.hgetall(key);
      if (Object.keys(entries).length === 0) {
        const answer = await api.checkRoomAgree(roomId);
        entries = Object.fromEntries(answer.map((a) => [a.externalUserId, a.agreed ? '1' : '0']));
        if (answer.length > 0) {
          await redis
            .multi()
            .hset(key, entries)
            .expire(key, ttl(answer.every((a) => a.agreed)))
            .exec();
        }
      }
      return new Set(Object.entries(entries).filter(([, v]) => v === '1').map(([id]) => id));
    },
  };
}
