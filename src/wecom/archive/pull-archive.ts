import type { RedisClient } from '../../ops/redis-client.ts';
import type { Keys } from '../../conversation/keys.ts';
import type { ChatMessage } from '../../conversation/model.ts';
import { AppError } from '../../errors.ts';
import { extendLock, releaseLock, waitForLock } from '../api/redis-lock.ts';
import { filterUnseen, markSeen } from '../seen-ids.ts';
import type { ConsentGate } from './archive-consent.ts';
import { toArchiveMessage } from './archive-message.ts';
import type { ArchiveSource } from './archive-source.ts';

export interface PullArchiveParams {
  source: ArchiveSource;
  redis: RedisClient;
  keys: Keys;
  /** True for a userid of our org (the guide side of a chat). */
  corpMembers: (userId: string) => boolean;
  /** Epoch ms. */
  now: number;
  /**
   * Receives each page's new 1:1 external messages before they are marked seen and the seq moves on, so a
   * crash re-delivers the page instead of losing it. Appends must therefore be idempotent per message id.
   */
  onMessages?: (messages: ChatMessage[]) => Promise<void>;
  /** Drops the messages of customers who have not agreed to archiving; without it every message is kept. */
  consent?: ConsentGate;
  /** Records per call, ≤ 1000 (GetChatData refuses more). */
  limit?: number;
  lockTtlMs?: number;
  lockWaitMs?: number;
  /** How long a msgid is remembered; default 7 days. */
  seenTtlMs?: number;
  /** Stop after this many pages (the next notify continues from the saved seq). */
  maxPages?: number;
}

export interface ArchivePullResult {
  messages: ChatMessage[];
  pages: number;
  /** New records that are not 1:1 external chat messages (groups, recalls, switches, internal chats). */
  skipped: number;
  /** 1:1 messages dropped because the customer has not agreed to archiving (never stored). */
  withoutConsent: number;
  /** The persisted seq after the pull. */
  seq: number;
}

const SEQ_TTL_S = 30 * 24 * 3600;

/**
 * Pull everything new from the chat archive (GetChatData, doc 91774), serialized by a Redis lock: from the
 * persisted seq, page after page while `has_more`. 1:1 external chats whose customer agreed to archiving land
 * in the (member, customer) conversation; see toArchiveMessage for what is skipped.
 */
export async function pullArchive(params: PullArchiveParams): Promise<ArchivePullResult> {
  const { source, redis, keys, now } = params;
  const lockKey = keys.archiveLock();
  const lockTtlMs = params.lockTtlMs ?? 60_000;
  const seenTtlMs = params.seenTtlMs ?? 7 * 24 * 3600_000;
  const limit = Math.min(params.limit ?? 1000, 1000);
  const handle = await waitForLock(redis, lockKey, lockTtlMs, params.lockWaitMs ?? 30_000, () =>
    new AppError('archive_pull_busy', 'another process is still pulling the chat archive', { status: 503, hint: 'the job will be retried; a pull stuck for minutes means the archive sidecar is not answering' }),
  );
  const result: ArchivePullResult = { messages: [], pages: 0, skipped: 0, withoutConsent: 0, seq: 0 };
  // A page can take long (the Finance SDK decrypts each record): the lock is renewed while the pull runs.
  let lockLost = false;
  const heartbeat = setInterval(() => {
    extendLock(redis, lockKey, handle, lockTtlMs).then(
      (held) => void (lockLost ||= !held),
      () => undefined,
    );
  }, Math.max(50, Math.floor(lockTtlMs / 3)));
  try {
    let seq = Number((await redis.get(keys.archiveSeq())) ?? 0);
    while (result.pages < (params.maxPages ?? 200)) {
      const page = await source.fetchChatData({ seq, limit });
      result.pages += 1;
      const fresh = await filterUnseen(redis, keys.archiveSeen(), page.records.filter((r) => r.seq > seq), (x) => x.msgid);
      const mapped: ChatMessage[] = [];
      for (const record of fresh) {
        const message = toArchiveMessage(record, params.corpMembers);
        if (message) mapped.push(message);
        else result.skipped += 1;
      }
      const { kept, refused } = params.consent ? await params.consent.keep(mapped) : { kept: mapped, refused: 0 };
      result.withoutConsent += refused;
      if (kept.length > 0 && params.onMessages) await params.onMessages(kept);
      result.messages.push(...kept);
      await markSeen(redis, keys.archiveSeen(), fresh.map((r) => r.msgid), now, seenTtlMs);
      const last = Math.max(seq, ...page.records.map((r) => r.seq));
      const advanced = last > seq;
      if (advanced) {
        seq = last;
        await redis.set(keys.archiveSeq(), String(seq), 'EX', SEQ_TTL_S);
      }
      if (lockLost || !(await extendLock(redis, lockKey, handle, lockTtlMs))) {
        throw new AppError('archive_pull_lock_lost', 'lost the chat-archive pull lock mid-pull', { hint: 'raise lockTtlMs: a page took longer than the lock' });
      }
      // A sidecar claiming more while returning nothing past the seq would loop forever.
      if (!page.hasMore || !advanced) break;
    }
    result.seq = seq;
    return result;
  } finally {
    clearInterval(heartbeat);
    await releaseLock(redis, lockKey, handle);
  }
}
