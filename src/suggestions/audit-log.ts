import type { RedisClient } from '../ops/redis-client.ts';
import type { Keys } from '../conversation/keys.ts';
import { businessDay, businessDays } from './business-day.ts';

/** Who decided what, when, with the text before and after: kept for the configured retention. */
export interface AuditEntry {
  at: number;
  actor: string;
  action: 'approval.approve' | 'approval.reject' | 'sent.noted' | 'sent.coach' | 'script.promote';
  target: string;
  storeId?: string;
  before?: string;
  after?: string;
  comment?: string;
}

export interface AuditLog {
  append(entry: AuditEntry): Promise<void>;
  /** Newest first, over the last `days` business days. */
  recent(now: number, days: number, limit: number): Promise<AuditEntry[]>;
}

export function createAuditLog(redis: RedisClient, keys: Keys, retentionSec: number): AuditLog {
  return {
    async append(entry) {
      const key = keys.audit(businessDay(entry.at));
      await redis.multi().rpush(key, JSON.stringify(entry)).expire(key, retentionSec).exec();
    },
    async recent(now, days, limit) {
      const out: AuditEntry[] = [];
      for (const day of businessDays(now, days).toReversed()) {
        const entries = (await redis.lrange(keys.audit(day), 0, -1)).map((j) => JSON.parse(j) as AuditEntry).toReversed();
        for (const entry of entries) out.push(entry);
        if (out.length >= limit) break;
      }
      return out.slice(0, limit);
    },
  };
}
