import { ZLoginSchema } from "@xiangda/domain";
import { login } from "../services/auth/login.ts";
import { revokeSession, revokeUserSessions } from "../services/auth/sessions.ts";
import { toUserView } from "../services/users/user-view.ts";
import { authedProcedure, publicProcedure, router } from "../trpc.ts";

export const authRouter = router({
  login: publicProcedure
    .meta({ roles: "public", auditTarget: (i) => `username:${(i as { username?: string } | undefined)?.username ?? "?"}` })
    .input(ZLoginSchema)
    .mutation(({ ctx, input }) => login(ctx, input)),

  logout: publicProcedure.meta({ roles: "public" }).mutation(async ({ ctx }) => {
    if (ctx.sessionId) await revokeSession(ctx.db, ctx.sessionId, ctx.now());
    ctx.req.clearSessionCookie();
    return { ok: true as const };
  }),

  me: publicProcedure.meta({ roles: "public" }).query(async ({ ctx }) => {
    if (!ctx.actor) return null;
    const u = await ctx.db.user.findUnique({
      where: { id: ctx.actor.userId },
      include: { county: true, node: true, merchant: true },
    });
    return u ? toUserView(u) : null;
  }),

  /// Signs the caller out everywhere (every device).
  logoutAll: authedProcedure.meta({ roles: "authed" }).mutation(async ({ ctx }) => {
    const revoked = await revokeUserSessions(ctx.db, ctx.actor.userId, ctx.now());
    ctx.req.clearSessionCookie();
    return { revoked };
  }),

  sessions: authedProcedure.meta({ roles: "authed" }).query(async ({ ctx }) => {
    const rows = await ctx.db.session.findMany({
      where: { userId: ctx.actor.userId, revokedAt: null, expiresAt: { gt: ctx.now() } },
      orderBy: { createdAt: "desc" },
    });
    return rows.map((s) => ({
      id: s.id.slice(0, 12),
      current: s.id === ctx.sessionId,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
      ip: s.ip,
      userAgent: s.userAgent,
    }));
  }),
});
