// meta.roles, set once by the procedure kind (trpc.ts), says who may call each procedure: every procedure has it, and
// a caller whose role it leaves out is refused before any input is read (access-matrix.test.ts has who gets through).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { ROLES, type Actor, type TRole } from "@xiangda/domain";
import { appRouter } from "./root.ts";
import type { Meta } from "./trpc.ts";
import { createHarness, type Harness } from "./test-utils/harness.ts";

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: Meta } }>);

const actorOf = (role: TRole): Actor => ({
  userId: "00000000-0000-4000-8000-000000000000",
  username: `roles_${role.toLowerCase()}`,
  role,
  countyCode: null,
  nodeId: null,
  merchantId: null,
});

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());

async function codeOf(actor: Actor | null, path: string): Promise<string> {
  let fn: unknown = h.callerAs(actor);
  for (const part of path.split(".")) fn = (fn as Record<string, unknown>)[part];
  try {
    await (fn as (i: unknown) => Promise<unknown>)(undefined);
    return "OK";
  } catch (e) {
    return e instanceof TRPCError ? e.code : "THROWN";
  }
}

describe("meta.roles", () => {
  it("is set on every procedure", () => {
    expect(procedures.length).toBeGreaterThan(100);
    for (const [path, p] of procedures) expect(p._def.meta?.roles, path).toBeTruthy();
  });

  for (const [path, p] of procedures) {
    const roles = p._def.meta?.roles;
    if (roles === "public") continue;
    it(`${path}: callers outside ${JSON.stringify(roles)} are refused`, async () => {
      expect(await codeOf(null, path)).toBe("UNAUTHORIZED");
      for (const role of ROLES) {
        if (roles === "authed" || roles?.includes(role)) continue;
        const code = await codeOf(actorOf(role), path);
        // merchantWriteProcedure turns a county manager away after merchantProcedure has read the input.
        const afterInput = role === "COUNTY_MANAGER" && roles?.join() === "ADMIN,MERCHANT";
        expect(afterInput ? ["FORBIDDEN", "BAD_REQUEST"] : ["FORBIDDEN"], role).toContain(code);
      }
    });
  }
});
