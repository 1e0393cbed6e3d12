import type { RedisClient } from '../ops/redis-client.ts';
import type { Keys } from '../conversation/keys.ts';

/**
 * What a guide's open sidebar is told, live. `id` is the feed position, used to resume after a reconnect.
 * In a customer group `customerId` is the group's chat id (the conversation the sidebar has open); `group`
 * says the group itself changed (members, name, owner, notice, dismissed).
 */
export type LiveEvent =
  | { type: 'suggestion'; customerId: string; suggestionId: string }
  | { type: 'suggestion_stale'; customerId: string; suggestionId: string }
  | { type: 'message'; customerId: string; messageId: string }
  | { type: 'tags'; customerId: string }
  | { type: 'approval'; customerId: string; suggestionId: string; draftId: string; decision: 'approved' | 'rejected' }
  | { type: 'task'; customerId: string; taskId: string }
  | { type: 'group'; customerId: string };

export interface LiveFeed {
  publish(guideId: string, event: LiveEvent): Promise<string>;
  /** Events after `afterId` (exclusive), oldest first, for a sidebar that reconnects with Last-Event-ID. */
  since(guideId: string, afterId: string, limit?: number): Promise<Array<{ id: string; event: LiveEvent }>>;
}

const FEED_LENGTH = 500;

/**
 * Every event goes to a capped per-guide stream (for resume) and then to the guide's pub/sub channel with its
 * stream id, so any web process holding that guide's SSE connection can forward it without polling.
 */
export function createLiveFeed(redis: RedisClient, keys: Keys, ttlSec: number): LiveFeed {
  return {
    async publish(guideId, event) {
      const feed = keys.guideFeed(guideId);
      const json = JSON.stringify(event);
      const id = await redis.xadd(feed, 'MAXLEN', '~', FEED_LENGTH, '*', 'e', json);
      await redis.multi().expire(feed, ttlSec).publish(keys.guideChannel(guideId), JSON.stringify({ id, event })).exec();
      return id as string;
    },
    async since(guideId, afterId, limit = 200) {
      const entries = await redis.xrange(keys.guideFeed(guideId), `(${afterId}`, '+', 'COUNT', limit);
      return entries.map(([id, fields]) => ({ id, event: JSON.parse(fields[1] ?? '{}') as LiveEvent }));
    },
  };
}
