// Login rate limits in Redis, per username and per IP, over a fixed window.
import type { Redis } from "ioredis";
import { AppError } from "@xiangda/domain";
import type { Logger } from "../../context.ts";

export const LOGIN_LIMITS = { perUser: 5, perIp: 30, windowSeconds: 15 * 60 } as const;

function keys(prefix: string, username: string, ip: string | null) {
  return {
    user: `${prefix}:rl:login:user:${username.toLowerCase()}`,
    ip: ip ? `${prefix}:rl:login:ip:${ip}` : null,
  };
}

/// Throws RATE_LIMITED when too many failures; if Redis is down, logs and lets the attempt through.
export async function checkLoginAllowed(redis: Redis, prefix: string, username: string, ip: string | null, log: Logger) {
  const k = keys(prefix, username, ip);
  try {
    const [u, i] = await Promise.all([redis.get(k.user), k.ip ? redis.get(k.ip) : Promise.resolve(null)]);
    const blocked = Number(u ?? 0) >= LOGIN_LIMITS.perUser ? k.user : Number(i ?? 0) >= LOGIN_LIMITS.perIp ? k.ip : null;
    if (blocked) {
      const ttl = await redis.ttl(blocked);
      throw new AppError("RATE_LIMITED", `Too many failed sign-ins; try again in ${Math.ceil(Math.max(ttl, 1) / 60)} min`, {
        details: { retryAfterSeconds: Math.max(ttl, 1) },
      });
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    log.warn({ err: e }, "login rate limit unavailable (Redis down); allowing attempt");
  }
}

export async function recordLoginFailure(redis: Redis, prefix: string, username: string, ip: string | null, log: Logger) {
  const k = keys(prefix, username, ip);
  try {
    const m = redis.multi().incr(k.user).expire(k.user, LOGIN_LIMITS.windowSeconds, "NX");
    if (k.ip) m.incr(k.ip).expire(k.ip, LOGIN_LIMITS.windowSeconds, "NX");
    await m.exec();
  } catch (e) {
    log.warn({ err: e }, "could not record login failure (Redis down)");
  }
}

export async function clearLoginFailures(redis: Redis, prefix: string, username: string, log: Logger) {
  try {
    await redis.del(keys(prefix, username, null).user);
  } catch (e) {
    log.warn({ err: e }, "could not clear login failures (Redis down)");
  }
}
