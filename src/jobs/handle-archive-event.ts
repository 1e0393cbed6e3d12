import type { RedisClient } from '../ops/redis-client.ts';
import type { Keys } from '../conversation/keys.ts';
import type { ChatMessage } from '../conversation/model.ts';
import type { Logger } from '../ops/logger.ts';
import type { ConsentGate } from '../wecom/archive/archive-consent.ts';
import type { ArchiveSource } from '../wecom/archive/archive-source.ts';
import { pullArchive } from '../wecom/archive/pull-archive.ts';
import type { MsgAuditNotify } from '../wecom/events.ts';

export interface ArchiveDeps {
  /** The Finance SDK (in-process) or a sidecar in front of it; undefined when neither is configured. */
  source: ArchiveSource | undefined;
  /** Customers' archive consent (msgaudit/check_single_agree): a chat without it is never stored. */
  consent?: ConsentGate;
  redis: RedisClient;
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
      if (!warned) deps.log.info({ dedupeKey }, 'chat archive notification: no archive source configured (set FINANCE_SDK_PATH or ARCHIVE_URL)');
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
      ...(deps.consent ? { consent: deps.consent } : {}),
      onMessages: async (messages) => {
        const inGroups = messages.filter((m): m is ChatMessage & { roomId: string } => Boolean(m.roomId));
        await deps.record(messages.filter((m) => !m.roomId));
        if (inGroups.length > 0) await deps.recordGroup?.(inGroups);
      },
    });
    if (result.withoutConsent > 0) deps.log.info({ dropped: result.withoutConsent }, 'chat archive: messages of customers without archive consent dropped');
    return `archive_pulled_${result.messages.length}_skipped_${result.skipped}`;
  };
}
