-- Compare-and-set for a JSON document: writes ARGV[2] with TTL ARGV[3] only if the key still holds ARGV[1]
-- ('' meaning absent). Returns 1 when written, 0 when someone else changed it first.
local current = redis.call('GET', KEYS[1])
if (current == false and ARGV[1] ~= '') or (current ~= false and current ~= ARGV[1]) then
  return 0
end
redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
return 1
