-- Dedupe and append one accepted callback, atomically: a marker that exists means the event is in.
-- KEYS[1] dedupe marker, KEYS[2] inbox stream
-- ARGV[1] marker TTL seconds, ARGV[2] job JSON, ARGV[3] inbox TTL seconds
if redis.call('SET', KEYS[1], '1', 'EX', ARGV[1], 'NX') then
  redis.call('XADD', KEYS[2], '*', 'job', ARGV[2])
  redis.call('EXPIRE', KEYS[2], ARGV[3])
  return 1
end
return 0
