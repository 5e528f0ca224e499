// Sign-in: rate limit, verify the password, open a session.
import { AppError, type TLogin } from "@xiangda/domain";
import type { Context } from "../../context.ts";
import { dummyHash, verifyPassword } from "./password.ts";
import { checkLoginAllowed, clearLoginFailures, recordLoginFailure } from "./rate-limit.ts";
import { createSession } from "./sessions.ts";
import { toUserView } from "../users/user-view.ts";

export async function login(ctx: Context, input: TLogin) {
  const username = input.username.trim();
  await checkLoginAllowed(ctx.redis, ctx.redisPrefix, username, ctx.req.ip, ctx.log);
  const user = await ctx.db.user.findUnique({
    where: { username },
    include: { county: true, node: true, merchant: true },
  });
  const ok = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyPassword(await dummyHash(), input.password).then(() => false);
  if (!user || !ok || !user.active) {
    await recordLoginFailure(ctx.redis, ctx.redisPrefix, username, ctx.req.ip, ctx.log);
    throw new AppError("UNAUTHENTICATED", "Wrong username or password");
  }
  await clearLoginFailures(ctx.redis, ctx.redisPrefix, username, ctx.log);
  const session = await createSession(ctx.db, {
    userId: user.id,
    ttlHours: ctx.sessionTtlHours,
    now: ctx.now(),
    ip: ctx.req.ip,
    userAgent: ctx.req.userAgent,
  });
  ctx.req.setSessionCookie(session.token, { maxAgeSeconds: ctx.sessionTtlHours * 3600 });
  return { token: session.token, expiresAt: session.expiresAt.toISOString(), user: toUserView(user) };
}
