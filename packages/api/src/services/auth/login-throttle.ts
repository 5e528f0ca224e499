// Sign-in throttling in Redis: attempts counted per (username, address) and per address, which block; per username
// only a growing delay, so nobody can lock an account by failing on purpose. README "Sign-in throttling".
import type { Redis } from "ioredis";
import { AppError } from "@xiangda/domain";
import type { Logger } from "../../context.ts";

export const LOGIN_LIMITS = {
  /// Counts live this long after the first attempt of a pair or address (fixed window), after the last one of a username.
  windowSeconds: 15 * 60,
  /// Failures of one username from one address before that pair is refused for the rest of its window.
  perPair: 10,
  /// Failures from one address (any usernames) before the address is refused for the rest of its window.
  perIp: 50,
  /// Failures of one username (from anywhere) before each further attempt must wait.
  delayAfter: 5,
  baseDelayMs: 250,
  maxDelayMs: 60_000,
  /// An address the user signed in from within this many days skips the username delay.
  familiarDays: 30,
} as const;

export type ThrottleScope = "PAIR" | "IP" | "USERNAME";

/// The wait after the n-th counted attempt of a username: 250 ms × 2^(n−5) from the 5th on, at most 60 s.
export function usernameDelayMs(n: number): number {
  if (n < LOGIN_LIMITS.delayAfter) return 0;
  return Math.min(LOGIN_LIMITS.baseDelayMs * 2 ** (n - LOGIN_LIMITS.delayAfter), LOGIN_LIMITS.maxDelayMs);
}

/// Usernames are encoded so that `:` and glob characters never reach a key; addresses are kept as they are.
export const encodeUsername = (username: string) => encodeURIComponent(username.trim().toLowerCase()).replace(/\*/g, "%2A");
const addr = (ip: string | null) => ip ?? "unknown";

export function throttleKeys(prefix: string, username: string, ip: string | null) {
  const base = `${prefix}:rl:login`;
  return {
    pair: `${base}:pair:${encodeUsername(username)}:${addr(ip)}`,
    ip: `${base}:ip:${addr(ip)}`,
    user: `${base}:user:${encodeUsername(username)}`,
    familiar: `${base}:familiar:${encodeUsername(username)}:${addr(ip)}`,
  };
}

// Check and count in one step, so parallel guesses are counted before any of them is verified. The attempt is
// counted on every key; a success refunds it (refundScript). Returns {scope, waitMs} when refused, {"OK"} otherwise.
// The username's not-before time (`nb`, ms) uses the app clock (ARGV[1]) so tests can move it; windows are Redis TTLs.
const checkScript = `
local now = tonumber(ARGV[1])
local perPair, perIp, delayAfter = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local base, cap, window = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
if tonumber(redis.call('GET', KEYS[1]) or '0') >= perPair then return {'PAIR', redis.call('PTTL', KEYS[1])} end
if tonumber(redis.call('GET', KEYS[2]) or '0') >= perIp then return {'IP', redis.call('PTTL', KEYS[2])} end
local familiar = redis.call('EXISTS', KEYS[4]) == 1
local nb = tonumber(redis.call('HGET', KEYS[3], 'nb') or '0')
if (not familiar) and now < nb then return {'USERNAME', nb - now} end
redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], window, 'NX')
redis.call('INCR', KEYS[2])
redis.call('EXPIRE', KEYS[2], window, 'NX')
local n = redis.call('HINCRBY', KEYS[3], 'n', 1)
if n >= delayAfter then
  local wait = math.min(base * math.pow(2, n - delayAfter), cap)
  redis.call('HSET', KEYS[3], 'nb', math.max(nb, now + wait))
end
redis.call('EXPIRE', KEYS[3], window)
return {'OK', 0}
`;

// Gives the attempt back. A success (ARGV[2] = 1) also starts the pair again and makes the address familiar;
// an attempt that failed for another reason (the database down) only gives its count back.
const refundScript = `
local function down(key) if tonumber(redis.call('GET', key) or '0') > 0 then redis.call('DECR', key) end end
if ARGV[2] == '1' then redis.call('DEL', KEYS[1]) else down(KEYS[1]) end
down(KEYS[2])
if tonumber(redis.call('HGET', KEYS[3], 'n') or '0') > 0 then redis.call('HINCRBY', KEYS[3], 'n', -1) end
if ARGV[2] == '1' then redis.call('SET', KEYS[4], '1', 'EX', tonumber(ARGV[1])) end
return 1
`;

export interface ThrottleDeps {
  redis: Redis;
  redisPrefix: string;
  log: Logger;
  now: () => Date;
}

function keyList(k: ReturnType<typeof throttleKeys>) {
  return [k.pair, k.ip, k.user, k.familiar];
}

/// Counts a sign-in attempt before the password is checked; throws RATE_LIMITED with `retryAfterSeconds` and
/// `scope` when the pair or address is blocked or the username must still wait. Redis down: logged, let through.
export async function beginLoginAttempt(deps: ThrottleDeps, username: string, ip: string | null): Promise<void> {
  const k = throttleKeys(deps.redisPrefix, username, ip);
  const L = LOGIN_LIMITS;
  let result: [string, number];
  try {
    result = (await deps.redis.eval(
      checkScript,
      4,
      ...keyList(k),
      deps.now().getTime(),
      L.perPair,
      L.perIp,
      L.delayAfter,
      L.baseDelayMs,
      L.maxDelayMs,
      L.windowSeconds,
    )) as [string, number];
  } catch (e) {
    deps.log.warn({ err: String(e) }, "sign-in throttling unavailable (Redis down); allowing attempt");
    return;
  }
  const [scope, waitMs] = result;
  if (scope === "OK") return;
  const retryAfterSeconds = Math.max(1, Math.ceil(Number(waitMs) / 1000));
  const details = { details: { retryAfterSeconds, scope } };
  throw retryAfterSeconds >= 120
    ? AppError.of("RATE_LIMITED", "LOGIN_THROTTLED_MINUTES", { minutes: Math.ceil(retryAfterSeconds / 60) }, details)
    : AppError.of("RATE_LIMITED", "LOGIN_THROTTLED_SECONDS", { seconds: retryAfterSeconds }, details);
}

/// Ends an attempt that was not a wrong password: `succeeded` clears the pair's count and remembers the address as
/// the user's; otherwise (an outage) the attempt is only given back.
export async function refundLoginAttempt(deps: ThrottleDeps, username: string, ip: string | null, succeeded: boolean): Promise<void> {
  const k = throttleKeys(deps.redisPrefix, username, ip);
  try {
    await deps.redis.eval(refundScript, 4, ...keyList(k), LOGIN_LIMITS.familiarDays * 86_400, succeeded ? "1" : "0");
  } catch (e) {
    deps.log.warn({ err: String(e) }, "could not update sign-in throttling (Redis down)");
  }
}
