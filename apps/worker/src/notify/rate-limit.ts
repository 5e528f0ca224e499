// Per-phone SMS limits shared by every worker process: fixed hour and day windows (the day in China time) counted in
// Redis by one script, so a message is counted only when both windows still have room.
import type { Redis } from "ioredis";

export interface SmsRateLimits {
  perHour: number;
  perDay: number;
}

/// A recipient with many parcels gets three notices each (ready, delivered, perhaps an exception): room for a busy day.
export const DEFAULT_SMS_RATE_LIMITS: Readonly<SmsRateLimits> = Object.freeze({ perHour: 10, perDay: 30 });

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/// China Standard Time, no daylight saving: the day window turns at local midnight.
const CST = 8 * HOUR;

const TAKE = `
local h = tonumber(redis.call('GET', KEYS[1]) or '0')
local d = tonumber(redis.call('GET', KEYS[2]) or '0')
if h >= tonumber(ARGV[1]) or d >= tonumber(ARGV[2]) then return 0 end
redis.call('INCR', KEYS[1])
redis.call('PEXPIREAT', KEYS[1], ARGV[3])
redis.call('INCR', KEYS[2])
redis.call('PEXPIREAT', KEYS[2], ARGV[4])
return 1`;

export interface PhoneRateLimiter {
  /// True when the phone may get one more message now (and counts it); false when a window is full.
  take(phone: string): Promise<boolean>;
}

export function phoneRateLimiter(
  redis: Redis,
  prefix: string,
  limits: SmsRateLimits = DEFAULT_SMS_RATE_LIMITS,
  now: () => number = Date.now,
): PhoneRateLimiter {
  return {
    async take(phone) {
      const t = now();
      const hour = Math.floor(t / HOUR);
      const day = Math.floor((t + CST) / DAY);
      // One hash tag per phone: both keys live in the same slot (Redis Cluster runs a script on one slot).
      const base = `${prefix}:sms-rate:{${phone}}`;
      const r = await redis.eval(
        TAKE,
        2,
        `${base}:h:${hour}`,
        `${base}:d:${day}`,
        limits.perHour,
        limits.perDay,
        (hour + 1) * HOUR + 60_000,
        (day + 1) * DAY - CST + 60_000,
      );
      return r === 1;
    },
  };
}
