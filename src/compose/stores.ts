import type { Redis } from 'ioredis';
import { createCorpTagCache, type CorpTagCache } from '../conversation/corp-tag-cache.ts';
import type { ConversationStore } from '../conversation/conversation-store.ts';
import type { Keys } from '../conversation/keys.ts';
import { createRedisConversationStore } from '../conversation/redis-conversation-store.ts';
import { createRedisApprovalStore, type ApprovalStore } from '../suggestions/approval-store.ts';
import { createRedisFeedbackStore, type FeedbackStore } from '../suggestions/feedback-store.ts';
import { createLiveFeed, type LiveFeed } from '../suggestions/live-feed.ts';
import { createRedisSuggestionStore } from '../suggestions/redis-suggestion-store.ts';
import type { SuggestionStore } from '../suggestions/suggestion-store.ts';
import { createRedisTaskStore, type TaskStore } from '../tasks/task-store.ts';

export interface Stores {
  store: ConversationStore;
  suggestions: SuggestionStore;
  approvals: ApprovalStore;
  feedback: FeedbackStore;
  tasks: TaskStore;
  feed: LiveFeed;
  tagCache: CorpTagCache;
}

/** Every Redis-backed store on one connection, with the retention TTL from config. */
export function createStores(redis: Redis, keys: Keys, ttlSec: number, maxMessages: number): Stores {
  return {
    store: createRedisConversationStore(redis, keys, { ttlSec, maxMessages }),
    suggestions: createRedisSuggestionStore(redis, keys, ttlSec),
    approvals: createRedisApprovalStore(redis, keys, ttlSec),
    feedback: createRedisFeedbackStore(redis, keys, ttlSec),
    tasks: createRedisTaskStore(redis, keys, ttlSec),
    feed: createLiveFeed(redis, keys, ttlSec),
    tagCache: createCorpTagCache(redis, keys),
  };
}
