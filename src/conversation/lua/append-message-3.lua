-- Idempotent, capped append of one message to a guide–customer conversation.
-- KEYS[1] conversation list, KEYS[2] id set of that conversation, KEYS[3] the guide's conversation index
-- ARGV[1] message id, ARGV[2] message JSON, ARGV[3] max length, ARGV[4] TTL seconds, ARGV[5] customer id
if redis.call('SADD', KEYS[2], ARGV[1]) == 0 then
  return 0
end
redis.call('RPUSH', KEYS[1], ARGV[2])
redis.call('LTRIM', KEYS[1], -tonumber(ARGV[3]), -1)
redis.call('SADD', KEYS[3], ARGV[5])
for i = 1, 3 do
  redis.call('EXPIRE', KEYS[i], ARGV[4])
end
return 1
