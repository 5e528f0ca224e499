// Sign-in: throttle (README "Sign-in throttling"), verify the password, open a session.
import { AppError, type TLogin } from "@xiangda/domain";
import type { Context } from "../../context.ts";
import { dummyHash, verifyPassword } from "./password.ts";
import { beginLoginAttempt, refundLoginAttempt } from "./login-throttle.ts";
import { createSession } from "./sessions.ts";
import { toUserView } from "../users/user-view.ts";

export async function login(ctx: Context, input: TLogin) {
  const username = input.username.trim();
  // Counted before the password is checked, so parallel guesses get no more tries; a success gives it back.
  await beginLoginAttempt(ctx, username, ctx.req.ip);
  const user = await findAndVerify(ctx, username, input.password).catch(async (e: unknown) => {
    await refundLoginAttempt(ctx, username, ctx.req.ip, false);
    throw e;
  });
  if (!user) throw AppError.of("UNAUTHENTICATED", "WRONG_PASSWORD");
  await refundLoginAttempt(ctx, username, ctx.req.ip, true);
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

/// The active user with this password, or null; an unknown username costs the same hashing time.
async function findAndVerify(ctx: Context, username: string, password: string) {
  const user = await ctx.db.user.findUnique({
    where: { username },
    include: { county: true, node: true, merchant: true, apiClient: true },
  });
  const ok = user ? await verifyPassword(user.passwordHash, password) : await verifyPassword(await dummyHash(), password).then(() => false);
  return user && ok && user.active ? user : null;
}
