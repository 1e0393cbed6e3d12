import { randomUUID } from 'node:crypto';
import type { RedisClient } from '../../ops/redis-client.ts';
import type { Keys } from '../../conversation/keys.ts';
import { SendRateLimitedError } from './wecom-api-error.ts';

/** WeCom drops (silently) app messages beyond 30 per member per minute (访问频率限制, doc 90312). */
export const SEND_LIMIT_PER_MINUTE = 30;
const WINDOW_MS = 60_000;

// One sorted set per recipient (score = send time). All recipients pass or none is counted, so a
// message to several members never half-consumes the windows: hence one script over all the keys.
// Returns {0, {}} when the slots were taken, else {ms until every full window has room, indexes of the full ones}.
const CLAIM_SLOTS = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
local wait = 0
local full = {}
for i, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  if redis.call('ZCARD', key) >= limit then
    local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
    local until_free = tonumber(oldest[2]) + window - now
    if until_free > wait then wait = until_free end
    full[#full + 1] = i
  end
end
if wait > 0 then return {wait, full} end
for _, key in ipairs(KEYS) do
  redis.call('ZADD', key, now, ARGV[4])
  redis.call('PEXPIRE', key, window)
end
return {0, full}
`;

export interface SendGuard {
  /** Takes one slot in every recipient's window, or throws SendRateLimitedError taking none. */
  claim(userIds: string[], now: number): Promise<void>;
}

export function createSendGuard(redis: RedisClient, keys: Keys, limitPerMinute = SEND_LIMIT_PER_MINUTE): SendGuard {
  return {
    async claim(userIds, now) {
      const unique = [...new Set(userIds)];
      if (unique.length === 0) return;
      const windowKeys = unique.map((id) => keys.sendWindow(id));
      const [wait, full] = (await redis.eval(
        CLAIM_SLOTS,
        windowKeys.length,
        ...windowKeys,
        String(now),
        String(WINDOW_MS),
        String(limitPerMinute),
        randomUUID(),
      )) as [number, number[]];
      if (wait > 0) throw new SendRateLimitedError(full.map((i) => unique[i - 1] ?? ''), wait);
    },
  };
}
