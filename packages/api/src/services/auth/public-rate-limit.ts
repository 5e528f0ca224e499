// Per-IP, per-minute limits of the public (no login) look-ups: tracking and traceability.
import type { Redis } from "ioredis";
import { AppError } from "@xiangda/domain";
import type { Logger } from "../../context.ts";

export interface RateLimitDeps {
  redis: Redis;
  redisPrefix: string;
  log: Logger;
  now: () => Date;
  req: { ip: string | null };
}

/// Counts one look-up in `bucket` for the caller's IP; throws RATE_LIMITED past `perMinute`.
/// If Redis is down the look-up goes through (logged): the public pages stay up.
export async function checkPublicRateLimit(
  ctx: RateLimitDeps,
  { bucket, perMinute }: { bucket: string; perMinute: number },
): Promise<void> {
  if ((await minuteLimitWait(ctx, { bucket, subject: ctx.req.ip ?? "unknown", perMinute })) !== null)
    throw AppError.of("RATE_LIMITED", "TOO_MANY_LOOKUPS");
}

/// Counts one call of `subject` (an IP, an API key) in `bucket` for this minute: null while within `perMinute`, else
/// the seconds until the next minute. Redis down: null (logged), so the calls go through.
export async function minuteLimitWait(
  ctx: Omit<RateLimitDeps, "req">,
  { bucket, subject, perMinute }: { bucket: string; subject: string; perMinute: number },
): Promise<number | null> {
  const nowMs = ctx.now().getTime();
  const key = `${ctx.redisPrefix}:rl:${bucket}:${subject}:${Math.floor(nowMs / 60_000)}`;
  try {
    const n = await ctx.redis.multi().incr(key).expire(key, 120).exec();
    const count = Number(n?.[0]?.[1] ?? 0);
    return count > perMinute ? Math.max(1, Math.ceil((60_000 - (nowMs % 60_000)) / 1000)) : null;
  } catch (e) {
    ctx.log.warn({ err: String(e) }, `${bucket} rate limit unavailable (Redis down)`);
    return null;
  }
}
