// The error shape the client gets carries each message as a catalog key with parameters (issue #17, defect 7).
import { TRPCError } from "@trpc/server";
import { AppError } from "@xiangda/domain";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formatShape, toTRPCError } from "./errors.ts";

function shapeOf(err: unknown) {
  const error = toTRPCError(err);
  const shape = { message: error.message, code: -32600, data: { code: error.code, httpStatus: 400, stack: "x" } } as never;
  return formatShape({ shape, error });
}

describe("formatShape", () => {
  it("carries an AppError's key and parameters, and its field issues' keys", () => {
    const s = shapeOf(AppError.at("quantity", "ONLY_IN_STOCK", { stock: 47 }));
    expect(s.message).toBe("quantity: only 47 in stock");
    expect(s.data.messageKey).toBe("ONLY_IN_STOCK");
    expect(s.data.messageParams).toEqual({ stock: 47 });
    expect(s.data.zodIssues).toEqual([{ path: "quantity", message: "only 47 in stock", key: "ONLY_IN_STOCK", params: { stock: 47 } }]);
    expect("stack" in s.data).toBe(false);
  });

  it("AppError.of keeps the code, the English message and the key", () => {
    const s = shapeOf(AppError.of("NOT_FOUND", "NO_SUCH_SHIPMENT"));
    expect(s.data.appCode).toBe("NOT_FOUND");
    expect(s.message).toBe("No such shipment");
    expect(s.data.messageKey).toBe("NO_SUCH_SHIPMENT");
  });

  it("an error written without a key says so (null), for the client's generic fallback", () => {
    const s = shapeOf(new AppError("CONFLICT", "something English"));
    expect(s.data.messageKey).toBeNull();
    expect(s.data.messageParams).toBeNull();
  });

  it("maps zod's own issues to keys with their parameters, and a schema's catalog-key message to that key", () => {
    const schema = z.object({
      name: z.string().min(3),
      items: z.array(z.number().int().max(9)).min(1),
      kind: z.enum(["A", "B"]),
      day: z.string().refine((d) => d < "2030", { message: "NOT_IN_FUTURE" }),
    });
    const r = schema.safeParse({ name: "ab", items: [10], kind: "C", day: "2031" });
    const issues = shapeOf(r.error).data.zodIssues;
    expect(issues.map((i) => [i.path, i.key, i.params])).toEqual([
      ["name", "ZOD_TOO_SHORT", { minimum: 3 }],
      ["items.0", "ZOD_TOO_BIG", { maximum: 9 }],
      ["kind", "ZOD_CHOICE", {}],
      ["day", "NOT_IN_FUTURE", {}],
    ]);
    expect(shapeOf(z.object({ a: z.string() }).safeParse({}).error).data).toMatchObject({
      messageKey: "REQUIRED",
      zodIssues: [{ path: "a", key: "REQUIRED" }],
    });
  });

  it("a schema's own check is a key with its params, and its English sentence is the message (no custom English left)", async () => {
    const { ZRestockListSchema } = await import("./services/restock/schemas.ts");
    const { ZCreateUserSchema } = await import("@xiangda/domain");
    const both = ZRestockListSchema.safeParse({ merchantId: "00000000-0000-4000-8000-000000000001", countyCode: "210881" });
    expect(shapeOf(both.error).data.zodIssues).toEqual([
      expect.objectContaining({ path: "merchantId", key: "GIVE_ONE_SCOPE", message: "give one of merchantId, counterId or countyCode" }),
    ]);
    const noCounty = ZCreateUserSchema.safeParse({ username: "mgr9", password: "a-long-password-1", role: "COUNTY_MANAGER", displayName: "M" });
    expect(shapeOf(noCounty.error).data.zodIssues).toContainEqual(
      expect.objectContaining({ key: "REQUIRED_FOR_ROLE", params: { role: "COUNTY_MANAGER" }, message: "required for role COUNTY_MANAGER" }),
    );
  });

  it("maps database errors to keys", () => {
    const p2002 = Object.assign(new Error("Unique constraint failed"), { code: "P2002", meta: { target: ["username"] } });
    const s = shapeOf(p2002);
    expect(s.data.appCode).toBe("CONFLICT");
    expect(s.data.messageKey).toBe("ALREADY_EXISTS_FIELDS");
    expect(s.data.zodIssues).toEqual([{ path: "username", message: "already taken", key: "ALREADY_TAKEN", params: {} }]);
    expect(shapeOf(Object.assign(new Error("x"), { code: "P2025" })).data.messageKey).toBe("NOT_FOUND");
  });

  it("an internal error has no key and no server text", () => {
    const s = shapeOf(new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "secret detail" }));
    expect(s.message).toBe("Internal error");
    expect(s.data.messageKey).toBeNull();
  });
});
