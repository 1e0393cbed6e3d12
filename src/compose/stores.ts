import type { RedisClient } from '../ops/redis-client.ts';
import { createCorpTagCache, type CorpTagCache } from '../conversation/corp-tag-cache.ts';
import type { ConversationStore } from '../conversation/conversation-store.ts';
import type { GroupStore } from '../conversation/group-store.ts';
import type { Keys } from '../conversation/keys.ts';
import { createRedisConversationStore } from '../conversation/redis-conversation-store.ts';
import { createRedisGroupStore } from '../conversation/redis-group-store.ts';
import { createRedisApprovalStore, type ApprovalStore } from '../suggestions/approval-store.ts';
import { createAuditLog, type AuditLog } from '../suggestions/audit-log.ts';
import { createPresence, type Presence } from '../suggestions/presence.ts';
import { createReviewStats, type ReviewStats } from '../suggestions/review-stats.ts';
import { createSentReviewStore, type SentReviewStore } from '../suggestions/sent-review-store.ts';
import { createRedisFeedbackStore, type FeedbackStore } from '../suggestions/feedback-store.ts';
import { createLiveFeed, type LiveFeed } from '../suggestions/live-feed.ts';
import { createRedisSuggestionStore } from '../suggestions/redis-suggestion-store.ts';
import type { SuggestionStore } from '../suggestions/suggestion-store.ts';
import { createRedisTaskStore, type TaskStore } from '../tasks/task-store.ts';

export interface Stores {
  store: ConversationStore;
  /** Customer groups: their details and their own conversations. */
  groups: GroupStore;
  suggestions: SuggestionStore;
  approvals: ApprovalStore;
  feedback: FeedbackStore;
  tasks: TaskStore;
  feed: LiveFeed;
  tagCache: CorpTagCache;
  presence: Presence;
  sentReviews: SentReviewStore;
  audit: AuditLog;
  stats: ReviewStats;
}

/** A sidebar counts as open while its SSE heartbeat (every 15 s) keeps renewing this. */
const PRESENCE_TTL_MS = 45_000;

/** Every Redis-backed store on one connection, with the retention TTL from config. */
export function createStores(redis: RedisClient, keys: Keys, ttlSec: number, maxMessages: number, auditTtlSec: number): Stores {
  return {
    store: createRedisConversationStore(redis, keys, { ttlSec, maxMessages }),
    groups: createRedisGroupStore(redis, keys, { ttlSec, maxMessages }),
    suggestions: createRedisSuggestionStore(redis, keys, ttlSec),
    approvals: createRedisApprovalStore(redis, keys, ttlSec),
    feedback: createRedisFeedbackStore(redis, keys, ttlSec),
    tasks: createRedisTaskStore(redis, keys, ttlSec),
    feed: createLiveFeed(redis, keys, ttlSec),
    tagCache: createCorpTagCache(redis, keys),
    presence: createPresence(redis, keys, PRESENCE_TTL_MS),
    sentReviews: createSentReviewStore(redis, keys, ttlSec),
    audit: createAuditLog(redis, keys, auditTtlSec),
    stats: createReviewStats(redis, keys, ttlSec),
  };
}
