// Lua run inside Redis, so each read-check-write is atomic across replicas.

/** KEYS[1] lease, ARGV[1] owner token, ARGV[2] ms: extends the lease if we still own it. */
export const RENEW_LEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0`;

/**
 * KEYS[1] lease, ARGV[1] owner token, ARGV[2] channel, ARGV[3] message: drops the lease if we own
 * it and tells the waiting replicas, in one round trip.
 */
export const RELEASE_LEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
end
redis.call('PUBLISH', ARGV[2], ARGV[3])
return 1`;

/**
 * Sliding-window limiter over a sorted set of granted send times (KEYS[1]). ARGV[1] = most sends
 * per window, ARGV[2] = window in ms, ARGV[3] = a unique member name, ARGV[4] = the longest wait
 * to grant in ms (-1: any). Finds the earliest time at which no window of ARGV[2] ms holds more
 * than ARGV[1] sends and returns {wait in ms, callers already waiting, granted 1 | 0}: within the
 * longest wait it records the grant; beyond it, it records nothing and counts the callers granted
 * a later time. Time is Redis's own clock, so replicas with skewed clocks still share one limit.
 */
export const RESERVE_SEND = `
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local maxWait = tonumber(ARGV[4])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local n = redis.call('ZCARD', KEYS[1])
local at = now
if n >= limit then
  local r = redis.call('ZRANGE', KEYS[1], n - limit, n - limit, 'WITHSCORES')
  at = math.max(now, tonumber(r[2]) + window)
end
if maxWait >= 0 and at - now > maxWait then
  return {at - now, redis.call('ZCOUNT', KEYS[1], '(' .. now, '+inf'), 0}
end
redis.call('ZADD', KEYS[1], at, ARGV[3])
redis.call('PEXPIRE', KEYS[1], at - now + window)
return {at - now, 0, 1}`;
