// Every mutation leaves an audit row (who, what, target, outcome, request id), with secrets removed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./test-utils/harness.ts";
import { buildWorld, type World } from "./test-utils/fixtures.ts";

let h: Harness;
let w: World;
beforeAll(async () => {
  h = await createHarness();
  w = await buildWorld(h.deps.db);
});
afterAll(async () => h?.close());

describe("audit", () => {
  it("records a successful mutation with actor, target and request id, and no password", async () => {
    const admin = h.callerAs(w.actors.admin, { requestId: "req-create-1" });
    const u = await admin.users.create({
      username: "audited",
      password: "password-123",
      displayName: "A",
      role: "COUNTY_MANAGER",
      countyCode: w.home.countyCode,
    });
    const row = await h.deps.db.auditLog.findFirstOrThrow({ where: { requestId: "req-create-1" } });
    expect(row).toMatchObject({ action: "users.create", outcome: "OK", username: "t_admin", role: "ADMIN", target: `user:${u.id}` });
    expect(JSON.stringify(row.details)).not.toContain("password-123");
    expect((row.details as Record<string, unknown>).password).toBe("[redacted]");
  });

  it("records failed and denied mutations with their error code", async () => {
    await expect(h.callerAs(null, { requestId: "req-login-bad" }).auth.login({ username: "t_admin", password: "bad" })).rejects.toThrow();
    const bad = await h.deps.db.auditLog.findFirstOrThrow({ where: { requestId: "req-login-bad" } });
    expect(bad).toMatchObject({
      action: "auth.login",
      outcome: "ERROR",
      errorCode: "UNAUTHORIZED",
      username: "t_admin",
      target: "username:t_admin",
    });

    const station = h.callerAs(w.actors.station, { requestId: "req-denied" });
    await expect(
      station.users.create({ username: "x1234", password: "password-123", displayName: "x", role: "ADMIN" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const denied = await h.deps.db.auditLog.findFirstOrThrow({ where: { requestId: "req-denied" } });
    expect(denied).toMatchObject({ outcome: "ERROR", errorCode: "FORBIDDEN", userId: w.actors.station!.userId });
  });

  it("does not audit queries", async () => {
    await h.callerAs(w.actors.admin, { requestId: "req-query" }).county.list();
    expect(await h.deps.db.auditLog.count({ where: { requestId: "req-query" } })).toBe(0);
  });

  it("lets a manager read only the audit of their county's users", async () => {
    await h.callerAs(w.actors.otherManager, { requestId: "req-away" }).auth.logoutAll();
    const rows = await h.callerAs(w.actors.manager).audit.list({ limit: 500 });
    expect(rows.some((r) => r.requestId === "req-away")).toBe(false);
    const all = await h.callerAs(w.actors.admin).audit.list({ limit: 500 });
    expect(all.some((r) => r.requestId === "req-away")).toBe(true);
  });
});
