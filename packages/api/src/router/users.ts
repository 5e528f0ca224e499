import { z } from "zod";
import { ZCountyCodeSchema, ZCreateUserSchema, ZPasswordSchema } from "@xiangda/domain";
import { createUser } from "../services/users/create-user.ts";
import { listUsers } from "../services/users/list-users.ts";
import { toUserView } from "../services/users/user-view.ts";
import { resetUserPassword, setUserActive } from "../services/users/manage-user.ts";
import { clearLoginThrottle, listLoginThrottles } from "../services/auth/manage-login-throttles.ts";
import { adminProcedure, roleProcedure, router } from "../trpc.ts";

const isIp = (s: string) => z.ipv4().safeParse(s).success || z.ipv6().safeParse(s).success;

/// Exactly one of a username or an address.
const ZClearLoginThrottleSchema = z
  .object({
    username: z.string().trim().min(1, "required").max(40, "at most 40 characters").optional(),
    ip: z.string().trim().refine(isIp, "MUST_BE_IP").optional(),
  })
  .refine((v) => (v.username === undefined) !== (v.ip === undefined), {
    path: ["username"],
    message: "USERNAME_OR_IP",
  });

export const usersRouter = router({
  list: roleProcedure("ADMIN", "COUNTY_MANAGER")
    .input(z.object({ countyCode: ZCountyCodeSchema.optional() }).default({}))
    .query(({ ctx, input }) => listUsers(ctx.db, { actor: ctx.actor, ...input })),

  /// ADMIN any user; a county manager station staff of a node in their county.
  create: roleProcedure("ADMIN", "COUNTY_MANAGER")
    .meta({ auditTarget: (_i, o) => (o ? `user:${(o as { id: string }).id}` : null) })
    .input(ZCreateUserSchema)
    .mutation(async ({ ctx, input }) => toUserView(await createUser(ctx.db, { actor: ctx.actor, ...input }))),

  /// Deactivating a user also ends every session they have. ADMIN anyone but themselves, a manager their county's
  /// station staff.
  setActive: roleProcedure("ADMIN", "COUNTY_MANAGER")
    .meta({ auditTarget: (i) => `user:${String(i.userId)}` })
    .input(z.object({ userId: z.string().uuid(), active: z.boolean() }))
    .mutation(({ ctx, input }) => setUserActive(ctx.db, { actor: ctx.actor, now: ctx.now(), ...input })),

  /// A new password, typed by the caller or generated and shown once; every session of the user ends. Audited (the
  /// password itself is redacted from the audit row and a generated one is never stored in clear).
  resetPassword: roleProcedure("ADMIN", "COUNTY_MANAGER")
    .meta({ auditTarget: (i) => `user:${String(i.userId)}` })
    .input(z.object({ userId: z.string().uuid(), password: ZPasswordSchema.optional() }))
    .mutation(({ ctx, input }) => resetUserPassword(ctx.db, { actor: ctx.actor, now: ctx.now(), ...input })),

  /// Sign-in throttling now: blocked (username, address) pairs and addresses, delayed usernames.
  loginThrottles: adminProcedure.query(({ ctx }) => listLoginThrottles(ctx)),

  /// Clears a username's delay and pair blocks, or an address's block and its pairs.
  clearLoginThrottle: adminProcedure
    .meta({
      auditTarget: (i) => {
        const v = i as { username?: unknown; ip?: unknown } | undefined;
        return typeof v?.username === "string" ? `username:${v.username}` : typeof v?.ip === "string" ? `ip:${v.ip}` : null;
      },
    })
    .input(ZClearLoginThrottleSchema)
    .mutation(({ ctx, input }) => clearLoginThrottle(ctx, input.username !== undefined ? { username: input.username } : { ip: input.ip! })),
});
