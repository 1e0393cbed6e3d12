import type { RedisClient } from '../ops/redis-client.ts';
import type { Keys } from '../conversation/keys.ts';
import type { ChatMessage } from '../conversation/model.ts';
import { AppError } from '../errors.ts';
import { extendLock, releaseLock, waitForLock } from './api/redis-lock.ts';
import { filterUnseen, markSeen } from './seen-ids.ts';
import type { KfMessage, WecomApi } from './api/wecom-api.ts';

export interface PullKfMessagesParams {
  api: Pick<WecomApi, 'syncKfMessages' | 'getKfServiceState'>;
  redis: RedisClient;
  keys: Keys;
  openKfId: string;
  /** Token from the `kf_msg_or_event` callback (10 minutes); without it WeCom rate-limits sync_msg hard. */
  token?: string;
  /** Epoch ms. */
  now: number;
  /**
   * Receives each page's new messages before the page is marked seen and the cursor moves on, so a crash
   * re-delivers a page instead of losing it. Appends must therefore be idempotent per message id.
   */
  onMessages?: (messages: ChatMessage[]) => Promise<void>;
  lockTtlMs?: number;
  lockWaitMs?: number;
  /** How long a msgid is remembered. WeCom replays at most 3 days without a cursor; default 7 days. */
  seenTtlMs?: number;
  /** Stop after this many pages (the next callback continues from the saved cursor). */
  maxPages?: number;
}

export interface KfPullResult {
  messages: ChatMessage[];
  pages: number;
  /** Customer messages whose session had no servicer (still queued, or with the assistant). */
  unassigned: number;
}

const CURSOR_TTL_S = 30 * 24 * 3600;

/**
 * Pull everything new from one 微信客服 account (kf/sync_msg, doc 94670), serialized per account.
 * Customer (origin 3) and servicer (origin 5) messages land in the conversation of (servicer, customer);
 * system events (origin 4) are dropped; non-text messages become placeholders (`kind` = msgtype).
 */
export async function pullKfMessages(params: PullKfMessagesParams): Promise<KfPullResult> {
  const { api, redis, keys, openKfId, now } = params;
  const lockKey = keys.kfCursorLock(openKfId);
  const lockTtlMs = params.lockTtlMs ?? 60_000;
  const seenTtlMs = params.seenTtlMs ?? 7 * 24 * 3600_000;
  const handle = await waitForLock(redis, lockKey, lockTtlMs, params.lockWaitMs ?? 30_000, () =>
    new AppError('kf_sync_busy', 'another process is still pulling this 微信客服 account', { status: 503, hint: 'the job will be retried; a pull stuck for minutes means WeCom sync_msg is not answering' }),
  );
  const result: KfPullResult = { messages: [], pages: 0, unassigned: 0 };
  // Origin-3 items carry no servicer_userid: ask the session state once per customer per pull.
  const servicers = new Map<string, string | undefined>();
  const servicerOf = async (externalUserId: string): Promise<string | undefined> => {
    if (!servicers.has(externalUserId)) {
      const state = await api.getKfServiceState({ openKfId, externalUserId });
      servicers.set(externalUserId, state.state === 3 ? state.servicerUserId : undefined);
    }
    return servicers.get(externalUserId);
  };
  try {
    let cursor = (await redis.get(keys.kfCursor(openKfId))) ?? undefined;
    while (result.pages < (params.maxPages ?? 200)) {
      const page = await api.syncKfMessages({ openKfId, cursor, limit: 1000, ...(params.token ? { token: params.token } : {}) });
      result.pages += 1;
      const fresh = await filterUnseen(redis, keys.kfSeen(openKfId), page.messages, (x) => x.msgId);
      const mapped: ChatMessage[] = [];
      for (const m of fresh) {
        if (m.origin !== 3 && m.origin !== 5) continue;
        if (m.origin === 5 && m.servicerUserId) servicers.set(m.externalUserId, m.servicerUserId);
        const guideId = m.servicerUserId ?? (m.origin === 3 ? await servicerOf(m.externalUserId) : undefined);
        if (!guideId) {
          result.unassigned += 1;
          continue;
        }
        mapped.push(toChatMessage(m, guideId));
      }
      if (mapped.length > 0 && params.onMessages) await params.onMessages(mapped);
      result.messages.push(...mapped);
      await markSeen(redis, keys.kfSeen(openKfId), fresh.map((m) => m.msgId), now, seenTtlMs);
      if (page.nextCursor) {
        cursor = page.nextCursor;
        await redis.set(keys.kfCursor(openKfId), cursor, 'EX', CURSOR_TTL_S);
      }
      if (!(await extendLock(redis, lockKey, handle, lockTtlMs))) {
        throw new AppError('kf_sync_lock_lost', 'lost the 微信客服 pull lock mid-pull', { hint: 'raise lockTtlMs: a page took longer than the lock' });
      }
      if (!page.hasMore) break;
    }
    return result;
  } finally {
    await releaseLock(redis, lockKey, handle);
  }
}

function toChatMessage(m: KfMessage, guideId: string): ChatMessage {
  const isText = m.msgtype === 'text';
  return {
    id: m.msgId,
    guideId,
    customerId: m.externalUserId,
    speaker: m.origin === 3 ? 'customer' : 'guide',
    text: isText ? (m.text?.content ?? '') : '',
    source: 'kf',
    at: m.sendTime * 1000,
    ...(isText ? {} : { kind: m.msgtype }),
  };
}
