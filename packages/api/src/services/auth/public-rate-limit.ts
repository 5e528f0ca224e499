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
  const key = `${ctx.redisPrefix}:rl:${bucket}:${ctx.req.ip ?? "unknown"}:${Math.floor(ctx.now().getTime() / 60_000)}`;
  try {
    const n = await ctx.redis.multi().incr(key).expire(key, 120).exec();
    const count = Number(n?.[0]?.[1] ?? 0);
    if (count > perMinute) throw AppError.of("RATE_LIMITED", "TOO_MANY_LOOKUPS");
  } catch (e) {
    if (e instanceof AppError) throw e;
    ctx.log.warn({ err: String(e) }, `${bucket} rate limit unavailable (Redis down)`);
  }
}
