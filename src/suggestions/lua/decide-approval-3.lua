-- Compare-and-set on the exact JSON read before, plus the index moves, in one atomic step:
-- of two managers deciding at once, exactly one wins.
-- KEYS[1] approval, KEYS[2] store's pending set, KEYS[3] store's decided set
-- ARGV[1] JSON read before, ARGV[2] decided JSON, ARGV[3] approval id, ARGV[4] decided at (ms), ARGV[5] TTL seconds
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return 0
end
redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL')
redis.call('ZREM', KEYS[2], ARGV[3])
redis.call('ZADD', KEYS[3], ARGV[4], ARGV[3])
redis.call('EXPIRE', KEYS[3], ARGV[5])
return 1
