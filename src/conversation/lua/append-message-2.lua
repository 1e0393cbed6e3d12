-- Idempotent, ordered, capped insert of one message into a guide–customer conversation.
-- KEYS[1] conversation list (encode-message.ts entries, oldest first), KEYS[2] id index of the messages in
-- that list: both tagged by the conversation (keys.ts), so they share a slot on a cluster
-- ARGV[1] message id, ARGV[2] encoded entry, ARGV[3] max length, ARGV[4] TTL seconds
-- Returns 1 when the message is now in the conversation, 0 when it already was or is older than all of a full one.
--
-- Order is the platform's (at, seq, id), not arrival: jobs finish in any order, so the entry goes after
-- the newest entry that is not later than it (found from the tail: late arrivals are rarely far back).
-- The id index holds 52-bit integers from the id's SHA-1, not the ids: Redis keeps a set of small integers
-- as a compact intset (8 bytes a member, not ~60). It is trimmed with the list, so it never outgrows it;
-- a message trimmed away is older than everything kept, so a redelivery of it is refused by order instead.
local function id_hash(id)
  return string.format('%.0f', tonumber(string.sub(redis.sha1hex(id), 1, 13), 16))
end

-- Order keys of an entry; lists written before the array form hold ChatMessage objects.
local function order_of(entry)
  local e = cjson.decode(entry)
  if e[1] ~= nil then
    return e[1], e[2], e[3]
  end
  return e.at, e.seq or 0, e.id
end

-- Ids compare byte by byte (Lua's < on strings follows the server's locale, JavaScript's does not).
local function less_bytes(a, b)
  for i = 1, math.min(#a, #b) do
    local x, y = string.byte(a, i), string.byte(b, i)
    if x ~= y then return x < y end
  end
  return #a < #b
end

local function before(a1, a2, a3, b1, b2, b3)
  if a1 ~= b1 then return a1 < b1 end
  if a2 ~= b2 then return a2 < b2 end
  return less_bytes(a3, b3)
end

local hash = id_hash(ARGV[1])
if redis.call('SISMEMBER', KEYS[2], hash) == 1 then
  return 0
end
local entry = ARGV[2]
local max = tonumber(ARGV[3])
local n1, n2, n3 = order_of(entry)
local len = redis.call('LLEN', KEYS[1])
-- Most messages are the newest: compare with the tail alone, and read the whole list only when not.
local pivot = false
local tail = len > 0 and redis.call('LINDEX', KEYS[1], -1)
local index = -1
if tail then
  local t1, t2, t3 = order_of(tail)
  if t3 == n3 then
    return 0
  end
  if not before(n1, n2, n3, t1, t2, t3) then
    pivot = tail
  else
    local entries = redis.call('LRANGE', KEYS[1], 0, -1)
    for i = #entries - 1, 1, -1 do
      local c1, c2, c3 = order_of(entries[i])
      if c3 == n3 then
        return 0
      end
      if not before(n1, n2, n3, c1, c2, c3) then
        pivot = entries[i]
        index = i - #entries - 1
        break
      end
    end
  end
end
if not pivot then
  if len >= max then
    return 0
  end
  redis.call('LPUSH', KEYS[1], entry)
elseif index == -1 then
  redis.call('RPUSH', KEYS[1], entry)
else
  redis.call('LINSERT', KEYS[1], 'AFTER', pivot, entry)
end
redis.call('SADD', KEYS[2], hash)
local over = len + 1 - max
if over > 0 then
  for _, old in ipairs(redis.call('LRANGE', KEYS[1], 0, over - 1)) do
    local _, _, old_id = order_of(old)
    redis.call('SREM', KEYS[2], id_hash(old_id))
  end
  redis.call('LTRIM', KEYS[1], over, -1)
end
for i = 1, 2 do
  redis.call('EXPIRE', KEYS[i], ARGV[4])
end
return 1
