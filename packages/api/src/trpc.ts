// tRPC setup: error formatting, audit, and every procedure kind, built once here.
import { initTRPC, TRPCError } from "@trpc/server";
import { z, ZodError } from "zod";
import { AppError, ZCountyCodeSchema, type TRole } from "@xiangda/domain";
import type { Context } from "./context.ts";
import { toTRPCError, formatShape } from "./errors.ts";
import { recordAudit } from "./services/audit/record-audit.ts";
import {
  assertApiClientAccess,
  assertCounterAccess,
  assertCountyAccess,
  assertMerchantAccess,
  assertNodeAccess,
} from "./services/auth/scope.ts";

export interface Meta {
  /// Derives the audit target from input/output; defaults to the first id-like input field. Called only with an
  /// object input (the raw one, not yet validated: any field may be missing or of any type); output is undefined
  /// when the call failed.
  auditTarget?: (input: Record<string, unknown>, output: unknown) => string | null;
  /// Who may call it, for the access documentation and access-matrix.test.ts. Set by the procedure kind below
  /// (publicProcedure, authedProcedure, roleProcedure and the kinds built on them), never at a procedure: a procedure
  /// names only its auditTarget.
  roles?: readonly TRole[] | "public" | "authed";
}

const t = initTRPC.context<Context>().meta<Meta>().create({ errorFormatter: formatShape });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const mergeRouters = t.mergeRouters;

/// Maps AppError / Prisma / unknown errors to TRPCError once, for every procedure.
const errorMapping = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const err = result.error;
    // tRPC wraps what a procedure throws (INTERNAL_SERVER_ERROR) and zod failures (BAD_REQUEST): map their cause.
    // Its own errors (a body that is not JSON, …) keep their code; toTRPCError names them.
    const unwrap =
      err.cause instanceof Error &&
      !(err.cause instanceof TRPCError) &&
      (err.code === "INTERNAL_SERVER_ERROR" || err.cause instanceof ZodError);
    const mapped = toTRPCError(unwrap ? err.cause : err);
    if (mapped !== err) (result as { error: TRPCError }).error = mapped;
  }
  return result;
});

const ID_KEYS = ["id", "nodeId", "merchantId", "counterId", "userId", "countyCode", "code", "username"] as const;

function defaultTarget(input: Record<string, unknown>): string | null {
  for (const k of ID_KEYS) {
    const v = input[k];
    if (typeof v === "string" || typeof v === "number") return `${k}:${v}`;
  }
  return null;
}

/// The audit target of a call whose input may be anything a client sent (`null`, an array, broken JSON): a target
/// function never turns a refusal into a 500 or costs the attempt its audit row.
function auditTarget(meta: Meta | undefined, input: unknown, output: unknown, log: Context["log"]): string | null {
  if (!input || typeof input !== "object" || Array.isArray(input)) return null;
  const rec = input as Record<string, unknown>;
  try {
    return meta?.auditTarget ? meta.auditTarget(rec, output) : defaultTarget(rec);
  } catch (e) {
    log.warn({ err: e }, "audit target failed");
    return null;
  }
}

/// Every mutation writes an audit row, whether it succeeded or not.
const audit = t.middleware(async ({ ctx, type, path, next, getRawInput, meta }) => {
  if (type !== "mutation") return next();
  const result = await next();
  let input: unknown;
  try {
    input = await getRawInput();
  } catch {
    input = undefined;
  }
  const output = result.ok ? result.data : undefined;
  await recordAudit(ctx.db, {
    actor: ctx.actor,
    action: path,
    target: auditTarget(meta, input, output, ctx.log),
    outcome: result.ok ? "OK" : "ERROR",
    errorCode: result.ok ? null : result.error.code,
    requestId: ctx.req.requestId,
    clientRequestId: ctx.req.clientRequestId ?? null,
    ip: ctx.req.ip,
    input,
  }).catch((e: unknown) => ctx.log.error({ err: e, requestId: ctx.req.requestId }, "audit write failed"));
  return result;
});

/// The path of the first string holding a NUL character (U+0000), which PostgreSQL text and jsonb cannot store.
/// Walked with a stack, not recursion: the input may be nested as deep as a client likes.
function nulPath(input: unknown): string | null {
  const stack: [unknown, string][] = [[input, ""]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === "string") {
      if (v.includes("\u0000")) return path || "input";
    } else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) stack.push([x, path ? `${path}.${k}` : k]);
    }
  }
  return null;
}

/// Refuses NUL characters up front, naming the field, rather than failing in the database with a 500.
const noNul = t.middleware(async ({ getRawInput, next }) => {
  let raw: unknown;
  try {
    raw = await getRawInput();
  } catch {
    return next();
  }
  const at = nulPath(raw);
  if (at !== null) throw AppError.at(at, "NUL_CHARACTERS");
  return next();
});

// audit wraps errorMapping so it records the mapped code.
export const publicProcedure = t.procedure.meta({ roles: "public" }).use(audit).use(errorMapping).use(noNul);

export const authedProcedure = publicProcedure.meta({ roles: "authed" }).use(({ ctx, next }) => {
  if (!ctx.actor) throw AppError.of("UNAUTHENTICATED", "SIGN_IN_PLEASE");
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

/// Signed in with one of `roles`; the roles are the procedure's `meta.roles` too.
export function roleProcedure(...roles: TRole[]) {
  return authedProcedure.meta({ roles }).use(({ ctx, next }) => {
    if (!roles.includes(ctx.actor.role)) {
      throw AppError.forbidden(`This needs role ${roles.join(" or ")}`);
    }
    return next();
  });
}

export const adminProcedure = roleProcedure("ADMIN");

/// Input carries `countyCode`: ADMIN, or a COUNTY_MANAGER of that county.
export const countyProcedure = roleProcedure("ADMIN", "COUNTY_MANAGER")
  .input(z.object({ countyCode: ZCountyCodeSchema }))
  .use(({ ctx, input, next }) => {
    assertCountyAccess(ctx.actor, input.countyCode);
    return next();
  });

/// Input carries `nodeId`: the node's own staff, its county's manager, or ADMIN.
export const stationProcedure = roleProcedure("ADMIN", "COUNTY_MANAGER", "STATION_STAFF")
  .input(z.object({ nodeId: z.string().uuid("must be a node id") }))
  .use(async ({ ctx, input, next }) => {
    const node = await assertNodeAccess(ctx.db, ctx.actor, input.nodeId);
    return next({ ctx: { node } });
  });

/// Input carries `merchantId`: the merchant's own users, its county's manager, or ADMIN.
export const merchantProcedure = roleProcedure("ADMIN", "COUNTY_MANAGER", "MERCHANT")
  .input(z.object({ merchantId: z.string().uuid("must be a merchant id") }))
  .use(async ({ ctx, input, next }) => {
    const merchant = await assertMerchantAccess(ctx.db, ctx.actor, input.merchantId);
    return next({ ctx: { merchant } });
  });

/// Input carries `counterId`: the counter's own operators, its county's manager, or ADMIN.
export const counterProcedure = roleProcedure("ADMIN", "COUNTY_MANAGER", "COUNTER_OPERATOR")
  .input(z.object({ counterId: z.string().uuid("must be a counter id") }))
  .use(async ({ ctx, input, next }) => {
    const counter = await assertCounterAccess(ctx.db, ctx.actor, input.counterId);
    return next({ ctx: { counter } });
  });

/// Input carries `clientId` (an organisation: a carrier or platform of a county): its own CARRIER_USERs, its county's
/// manager, or ADMIN. A CARRIER_USER never reaches another organisation's client, whatever id it sends.
export const carrierProcedure = roleProcedure("ADMIN", "COUNTY_MANAGER", "CARRIER_USER")
  .input(z.object({ clientId: z.string().uuid("must be an organisation id") }))
  .use(async ({ ctx, input, next }) => {
    const client = await assertApiClientAccess(ctx.db, ctx.actor, input.clientId);
    return next({ ctx: { client } });
  });

/// A merchant's catalog writes: the merchant's own users or ADMIN; its county's manager only reads.
export const merchantWriteProcedure = merchantProcedure.meta({ roles: ["ADMIN", "MERCHANT"] }).use(({ ctx, next }) => {
  if (ctx.actor.role === "COUNTY_MANAGER") throw AppError.forbidden("A county manager may only read a merchant's catalog");
  return next();
});
