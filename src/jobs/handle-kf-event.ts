import type { RedisClient } from '../ops/redis-client.ts';
import type { Keys } from '../conversation/keys.ts';
import type { ChatMessage } from '../conversation/model.ts';
import type { WecomApi } from '../wecom/api/wecom-api.ts';
import type { KfMsgOrEvent } from '../wecom/events.ts';
import { pullKfMessages } from '../wecom/kf-sync.ts';

export interface KfDeps {
  api: Pick<WecomApi, 'syncKfMessages' | 'getKfServiceState'>;
  redis: RedisClient;
  keys: Keys;
  now: () => number;
  record: (messages: ChatMessage[]) => Promise<unknown>;
}

/**
 * 微信客服: the callback only says "there is something new"; pull it with kf/sync_msg (cursor per account,
 * idempotent per msgid) and record customer and servicer messages in the (servicer, customer) conversation.
 */
export async function handleKfEvent(deps: KfDeps, event: KfMsgOrEvent): Promise<string> {
  const result = await pullKfMessages({
    api: deps.api,
    redis: deps.redis,
    keys: deps.keys,
    openKfId: event.openKfId,
    token: event.token,
    now: deps.now(),
    onMessages: async (messages) => void (await deps.record(messages)),
  });
  return result.unassigned > 0 ? `kf_pulled_${result.messages.length}_unassigned_${result.unassigned}` : `kf_pulled_${result.messages.length}`;
}
