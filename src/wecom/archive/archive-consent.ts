import type { Keys } from '../../conversation/keys.ts';
import type { ChatMessage } from '../../conversation/model.ts';
import { getEach, type RedisClient } from '../../ops/redis-client.ts';
import type { WecomApi } from '../api/wecom-api.ts';

/**
 * 会话内容存档 consent (msgaudit/check_single_agree, check_room_agree; doc 91782). A customer who has not
 * agreed — or whom WeCom does not list — is refused: nothing of that chat is stored. Answers are cached in
 * Redis, refusals for less time than agreements so a customer who agrees later is picked up soon.
 */
export interface ConsentGate {
  /**
   * The messages that may be stored. A customer-group line (`roomId`) is kept when a member said it, or a
   * customer who agreed in that group (check_room_agree); a 1:1 line when its (member, customer) chat agreed.
   */
  keep(messages: ChatMessage[]): Promise<{ kept: ChatMessage[]; refused: number }>;
  /** external_userids of a group chat's customers who agreed. */
  roomAgreed(roomId: string): Promise<Set<string>>;
  /** Drops a group's cached answers (its members changed: a newcomer has not been asked). */
  forgetRoom(roomId: string): Promise<void>;
}

export interface ConsentGateOptions {
  api: Pick<WecomApi, 'checkSingleAgree' | 'checkRoomAgree'>;
  redis: RedisClient;
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
    // One chat's answer per key, each in its chat's slot (keys.ts): read one by one, issued together.
    const cached = await getEach(redis, cacheKeys);
    const answers = new Map<string, boolean>();
    const missing: typeof pairs = [];
    pairs.forEach((pair, i) => (cached[i] === null ? missing.push(pair) : answers.set(cacheKeys[i] as string, cached[i] === '1')));
    for (let start = 0; start < missing.length; start += BATCH) {
      const batch = missing.slice(start, start + BATCH);
      const agreed = new Set(
        (await api.checkSingleAgree(batch)).filter((a) => a.agreed).map((a) => keys.archiveConsent(a.userId ?? '', a.externalUserId)),
      );
      const writes: Array<Promise<unknown>> = [];
      for (const pair of batch) {
        const key = keys.archiveConsent(pair.userId, pair.externalUserId);
        // An agreement listed without a userid still names this customer's chat with the member asked about.
        const yes = agreed.has(key) || agreed.has(keys.archiveConsent('', pair.externalUserId));
        answers.set(key, yes);
        writes.push(redis.set(key, yes ? '1' : '0', 'EX', ttl(yes)));
      }
      await Promise.all(writes);
    }
    return answers;
  }

  async function roomAgreed(roomId: string): Promise<Set<string>> {
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
  }

  return {
    async keep(messages) {
      if (messages.length === 0) return { kept: [], refused: 0 };
      const single = messages.filter((m) => !m.roomId);
      const pairs = new Map<string, { userId: string; externalUserId: string }>();
      for (const m of single) pairs.set(keys.archiveConsent(m.guideId, m.customerId), { userId: m.guideId, externalUserId: m.customerId });
      const answers = single.length > 0 ? await lookUp([...pairs.values()]) : new Map<string, boolean>();
      const rooms = new Map<string, Set<string>>();
      for (const roomId of new Set(messages.filter((m) => m.roomId && m.speaker === 'customer').map((m) => m.roomId as string))) rooms.set(roomId, await roomAgreed(roomId));
      const kept = messages.filter((m) => {
        if (!m.roomId) return answers.get(keys.archiveConsent(m.guideId, m.customerId)) === true;
        return m.speaker !== 'customer' || rooms.get(m.roomId)?.has(m.customerId) === true;
      });
      return { kept, refused: messages.length - kept.length };
    },

    async forgetRoom(roomId) {
      await redis.del(keys.archiveRoomConsent(roomId));
    },

    roomAgreed,
  };
}
