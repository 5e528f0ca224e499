import { ZLoginSchema } from "@xiangda/domain";
import { login } from "../services/auth/login.ts";
import { getMe } from "../services/auth/me.ts";
import { listSessions, revokeSession, revokeUserSessions } from "../services/auth/sessions.ts";
import { authedProcedure, publicProcedure, router } from "../trpc.ts";

export const authRouter = router({
  login: publicProcedure
    .meta({ auditTarget: (i) => `username:${(i as { username?: string } | undefined)?.username ?? "?"}` })
    .input(ZLoginSchema)
    .mutation(({ ctx, input }) => login(ctx, input)),

  logout: publicProcedure.mutation(async ({ ctx }) => {
    if (ctx.sessionId) await revokeSession(ctx.db, { sessionId: ctx.sessionId, now: ctx.now() });
    ctx.req.clearSessionCookie();
    return { ok: true as const };
  }),

  me: publicProcedure.query(({ ctx }) => getMe(ctx.db, { actor: ctx.actor })),

  /// Signs the caller out everywhere (every device).
  logoutAll: authedProcedure.mutation(async ({ ctx }) => {
    const revoked = await revokeUserSessions(ctx.db, { userId: ctx.actor.userId, now: ctx.now() });
    ctx.req.clearSessionCookie();
    return { revoked };
  }),

  sessions: authedProcedure.query(({ ctx }) => listSessions(ctx.db, { actor: ctx.actor, now: ctx.now(), sessionId: ctx.sessionId })),
});
