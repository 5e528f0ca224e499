import { z } from "zod";
import { ZCountyCodeSchema, ZCreateUserSchema } from "@xiangda/domain";
import { AppError } from "@xiangda/domain";
import { createUser } from "../services/users/create-user.ts";
import { listUsers } from "../services/users/list-users.ts";
import { toUserView } from "../services/users/user-view.ts";
import { revokeUserSessions } from "../services/auth/sessions.ts";
import { adminProcedure, roleProcedure, router } from "../trpc.ts";

export const usersRouter = router({
  list: roleProcedure("ADMIN", "COUNTY_MANAGER")
    .meta({ roles: ["ADMIN", "COUNTY_MANAGER"] })
    .input(z.object({ countyCode: ZCountyCodeSchema.optional() }).default({}))
    .query(({ ctx, input }) => listUsers(ctx.db, ctx.actor, input)),

  create: adminProcedure
    .meta({ roles: ["ADMIN"], auditTarget: (_i, o) => (o ? `user:${(o as { id: string }).id}` : null) })
    .input(ZCreateUserSchema)
    .mutation(async ({ ctx, input }) => toUserView(await createUser(ctx.db, input))),

  /// Deactivating a user also ends every session they have.
  setActive: adminProcedure
    .meta({ roles: ["ADMIN"] })
    .input(z.object({ userId: z.string().uuid(), active: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      if (input.userId === ctx.actor.userId && !input.active) throw AppError.field("userId", "you cannot deactivate yourself");
      const user = await ctx.db.user.update({ where: { id: input.userId }, data: { active: input.active } });
      if (!input.active) await revokeUserSessions(ctx.db, user.id, ctx.now());
      return { id: user.id, active: user.active };
    }),
});
