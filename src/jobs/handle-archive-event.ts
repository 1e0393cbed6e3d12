import type { Redis } from 'ioredis';
import type { Keys } from '../conversation/keys.ts';
import type { ChatMessage } from '../conversation/model.ts';
import type { Logger } from '../ops/logger.ts';
import type { ArchiveSource } from '../wecom/archive/archive-source.ts';
import { pullArchive } from '../wecom/archive/pull-archive.ts';
import type { MsgAuditNotify } from '../wecom/events.ts';

export interface ArchiveDeps {
  /** The sidecar in front of Tencent's Finance SDK; undefined when ARCHIVE_URL is not set. */
  source: ArchiveSource | undefined;
  redis: Redis;
  keys: Keys;
  corpMembers: (userId: string) => boolean;
  now: () => number;
  record: (messages: ChatMessage[]) => Promise<unknown>;
  /** Customer-group records (`roomId` set) go here; without it they are dropped. */
  recordGroup?: (messages: Array<ChatMessage & { roomId: string }>) => Promise<unknown>;
  log: Logger;
  pageLimit?: number;
}

/**
 * 会话内容存档: `msgaudit_notify` carries no payload, it only says new archive data exists (doc 95039).
 * Pull it from the persisted seq and record it, so customer lines trigger suggestions and guide lines feed
 * the sent-message review; customer-group lines go to their group's conversation. Without a source the notify is acknowledged and logged once.
 */
export function createArchiveHandler(deps: ArchiveDeps): (event: MsgAuditNotify, dedupeKey: string) => Promise<string> {
  let warned = false;
  return async (_event, dedupeKey) => {
    const { source } = deps;
    if (!source) {
      if (!warned) deps.log.info({ dedupeKey }, 'chat archive notification: no archive source configured (set ARCHIVE_URL)');
      warned = true;
      return 'acknowledged';
    }
    const result = await pullArchive({
      source,
      redis: deps.redis,
      keys: deps.keys,
      corpMembers: deps.corpMembers,
      now: deps.now(),
      ...(deps.pageLimit ? { limit: deps.pageLimit } : {}),
      onMessages: async (messages) => {
        const inGroups = messages.filter((m): m is ChatMessage & { roomId: string } => Boolean(m.roomId));
        await deps.record(messages.filter((m) => !m.roomId));
        if (inGroups.length > 0) await deps.recordGroup?.(inGroups);
      },
    });
    return `archive_pulled_${result.messages.length}_skipped_${result.skipped}`;
  };
}
