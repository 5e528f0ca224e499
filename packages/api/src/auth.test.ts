// Sign-in and sessions (expiry, revocation, deactivation) on real PostgreSQL and Redis; throttling in
// services/auth/login-throttle.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@xiangda/db/factories";
import { hashPassword, verifyPassword } from "./services/auth/password.ts";
import { hashToken } from "./services/auth/sessions.ts";
import { createHarness, type Harness } from "./test-utils/harness.ts";

let h: Harness;
const password = "s3cret-pass";

beforeAll(async () => {
  h = await createHarness();
  const passwordHash = await hashPassword(password);
  for (const username of ["alice", "bob", "carol", "dave"]) await createUser(h.deps.db, { username, passwordHash, role: "ADMIN" });
});
afterAll(async () => h?.close());

describe("passwords", () => {
  it("are hashed with argon2id and verified", async () => {
    const hash = await hashPassword("abc12345");
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(hash, "abc12345")).toBe(true);
    expect(await verifyPassword(hash, "abc12346")).toBe(false);
    expect(await verifyPassword("not-a-hash", "x")).toBe(false);
  });
});

describe("auth.login", () => {
  it("returns a bearer token, sets the session cookie and stores only the token's hash", async () => {
    const r = await h.callerAs(null).auth.login({ username: "alice", password });
    expect(r.user.username).toBe("alice");
    expect(r.token.length).toBeGreaterThan(30);
    expect(h.cookies.get("xd_session")).toBe(r.token);
    const s = await h.deps.db.session.findUnique({ where: { id: hashToken(r.token) } });
    expect(s?.userId).toBe(r.user.id);
    expect(await h.deps.db.session.findUnique({ where: { id: r.token } })).toBeNull();
    const me = await (await h.callerWithToken(r.token)).auth.me();
    expect(me?.username).toBe("alice");
  });

  it("rejects a wrong password and an unknown user with the same message", async () => {
    const a = h.callerAs(null).auth.login({ username: "alice", password: "wrong" });
    await expect(a).rejects.toMatchObject({ code: "UNAUTHORIZED", message: "Wrong username or password" });
    const b = h.callerAs(null).auth.login({ username: "nobody", password: "wrong" });
    await expect(b).rejects.toMatchObject({ code: "UNAUTHORIZED", message: "Wrong username or password" });
  });

  it("names the field that is wrong", async () => {
    await expect(h.callerAs(null).auth.login({ username: "", password: "x" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("username"),
    });
  });
});

describe("sessions", () => {
  it("expire after their time to live", async () => {
    const r = await h.callerAs(null).auth.login({ username: "carol", password });
    h.clock.advance(h.deps.sessionTtlHours * 3600_000 + 1000);
    try {
      expect(await (await h.callerWithToken(r.token)).auth.me()).toBeNull();
      await expect((await h.callerWithToken(r.token)).auth.sessions()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    } finally {
      h.clock.set(new Date());
    }
  });

  it("are revoked by logout, and logoutAll ends every device", async () => {
    const a = await h.callerAs(null).auth.login({ username: "carol", password });
    const b = await h.callerAs(null).auth.login({ username: "carol", password });
    const callerA = await h.callerWithToken(a.token);
    expect((await callerA.auth.sessions()).length).toBeGreaterThanOrEqual(2);
    await callerA.auth.logout();
    expect(h.cookies.get("xd_session")).toBeNull();
    expect(await (await h.callerWithToken(a.token)).auth.me()).toBeNull();
    expect(await (await h.callerWithToken(b.token)).auth.me()).not.toBeNull();
    const callerB = await h.callerWithToken(b.token);
    const { revoked } = await callerB.auth.logoutAll();
    expect(revoked).toBeGreaterThanOrEqual(1);
    expect(await (await h.callerWithToken(b.token)).auth.me()).toBeNull();
  });

  it("end when the user is deactivated", async () => {
    const admin = await h.callerAs(null).auth.login({ username: "alice", password });
    const dave = await h.callerAs(null, { ip: "10.1.1.1" }).auth.login({ username: "dave", password });
    await (await h.callerWithToken(admin.token)).users.setActive({ userId: dave.user.id, active: false });
    expect(await (await h.callerWithToken(dave.token)).auth.me()).toBeNull();
    await expect(h.callerAs(null, { ip: "10.1.1.2" }).auth.login({ username: "dave", password })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("ignores garbage tokens", async () => {
    expect(await (await h.callerWithToken("x".repeat(500))).auth.me()).toBeNull();
    expect(await (await h.callerWithToken("not-a-token")).auth.me()).toBeNull();
  });
});
