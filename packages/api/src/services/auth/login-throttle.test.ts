// Sign-in throttling on real Redis: failures per (username, address) and per address block; per username only a
// growing delay, so an attacker cannot lock the owner out. ADMIN sees and clears the counters.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { createUser } from "@xiangda/db/factories";
import { isAppError } from "@xiangda/domain";
import { hashPassword } from "./password.ts";
import { LOGIN_LIMITS, usernameDelayMs } from "./login-throttle.ts";
import { createHarness, type Harness } from "../../test-utils/harness.ts";

let h: Harness;
const password = "s3cret-pass";
let adminId = "";

beforeAll(async () => {
  h = await createHarness();
  const passwordHash = await hashPassword(password);
  for (const username of ["root", "bob", "carol", "dave", "erin", "frank", "gina", "hugo", "ivan", "judy"]) {
    const u = await createUser(h.deps.db, { username, passwordHash, role: "ADMIN" });
    if (username === "root") adminId = u.id;
  }
});
afterAll(async () => h?.close());

type Attempt = { ok: true } | { ok: false; code: string; retryAfterSeconds?: number; scope?: string };

async function attempt(ip: string, username: string, pw: string): Promise<Attempt> {
  try {
    await h.callerAs(null, { ip }).auth.login({ username, password: pw });
    return { ok: true };
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    const d = isAppError(e.cause) ? e.cause.details : undefined;
    return {
      ok: false,
      code: e.code,
      retryAfterSeconds: d?.retryAfterSeconds as number | undefined,
      scope: d?.scope as string | undefined,
    };
  }
}

const admin = () => h.callerAs({ userId: adminId, username: "root", role: "ADMIN", countyCode: null, nodeId: null, merchantId: null });

describe("sign-in throttling", () => {
  it("an attacker failing 50 times from one address does not lock the owner out: they get in from another after a short wait", async () => {
    let wrong = 0;
    for (let i = 0; i < 50; i++) {
      const r = await attempt("203.0.113.1", "bob", `guess-${i}`);
      expect(r.ok).toBe(false);
      if (!r.ok && r.code === "UNAUTHORIZED") wrong++;
      // An attacker who waits as told: the username delay passes, the pair's block does not.
      if (!r.ok && r.scope === "USERNAME") h.clock.advance(r.retryAfterSeconds! * 1000);
    }
    const first = await attempt("198.51.100.7", "bob", password);
    if (!first.ok) {
      expect(first).toMatchObject({ code: "TOO_MANY_REQUESTS", scope: "USERNAME" });
      expect(first.retryAfterSeconds).toBeLessThanOrEqual(Math.ceil(usernameDelayMs(LOGIN_LIMITS.perPair) / 1000));
      h.clock.advance(first.retryAfterSeconds! * 1000);
      expect(await attempt("198.51.100.7", "bob", password)).toEqual({ ok: true });
    }
    // The attacker's own address got its perPair guesses and is refused for the window, even with the password.
    expect(wrong).toBe(LOGIN_LIMITS.perPair);
    const blocked = await attempt("203.0.113.1", "bob", password);
    expect(blocked).toMatchObject({ ok: false, code: "TOO_MANY_REQUESTS", scope: "PAIR" });
    if (!blocked.ok) expect(blocked.retryAfterSeconds).toBeGreaterThan(LOGIN_LIMITS.windowSeconds - 60);
  });

  it(`refuses a (username, address) pair after ${LOGIN_LIMITS.perPair} failures; the address may still sign in as someone else`, async () => {
    for (let i = 0; i < LOGIN_LIMITS.perPair; i++) {
      h.clock.advance(LOGIN_LIMITS.maxDelayMs);
      expect(await attempt("203.0.113.2", "carol", "nope")).toMatchObject({ ok: false, code: "UNAUTHORIZED" });
    }
    h.clock.advance(LOGIN_LIMITS.maxDelayMs);
    expect(await attempt("203.0.113.2", "carol", password)).toMatchObject({ ok: false, code: "TOO_MANY_REQUESTS", scope: "PAIR" });
    expect(await attempt("203.0.113.2", "dave", password)).toEqual({ ok: true });
  });

  it(`refuses an address after ${LOGIN_LIMITS.perIp} failures across usernames; other addresses are not affected`, async () => {
    for (let i = 0; i < LOGIN_LIMITS.perIp; i++) {
      expect(await attempt("203.0.113.3", `spray${i}`, "nope")).toMatchObject({ ok: false, code: "UNAUTHORIZED" });
    }
    expect(await attempt("203.0.113.3", "dave", password)).toMatchObject({ ok: false, code: "TOO_MANY_REQUESTS", scope: "IP" });
    expect(await attempt("203.0.113.4", "dave", password)).toEqual({ ok: true });
  });

  it(`delays a username ${LOGIN_LIMITS.baseDelayMs} ms × 2^(n−${LOGIN_LIMITS.delayAfter}) after ${LOGIN_LIMITS.delayAfter} failures from anywhere, up to ${LOGIN_LIMITS.maxDelayMs / 1000} s`, async () => {
    const ip = (i: number) => `192.0.2.${i}`;
    for (let i = 1; i <= LOGIN_LIMITS.delayAfter; i++) {
      expect(await attempt(ip(i), "erin", "nope")).toMatchObject({ code: "UNAUTHORIZED" });
    }
    expect(usernameDelayMs(LOGIN_LIMITS.delayAfter)).toBe(LOGIN_LIMITS.baseDelayMs);
    expect(usernameDelayMs(LOGIN_LIMITS.delayAfter + 3)).toBe(LOGIN_LIMITS.baseDelayMs * 8);
    expect(usernameDelayMs(60)).toBe(LOGIN_LIMITS.maxDelayMs);
    for (let n = LOGIN_LIMITS.delayAfter; n < LOGIN_LIMITS.delayAfter + 12; n++) {
      const wait = usernameDelayMs(n);
      const early = await attempt(ip(n + 1), "erin", "nope");
      expect(early).toMatchObject({ ok: false, code: "TOO_MANY_REQUESTS", scope: "USERNAME", retryAfterSeconds: Math.ceil(wait / 1000) });
      h.clock.advance(wait - 1);
      expect(await attempt(ip(n + 1), "erin", "nope")).toMatchObject({ scope: "USERNAME" });
      h.clock.advance(1);
      expect(await attempt(ip(n + 1), "erin", "nope")).toMatchObject({ code: "UNAUTHORIZED" });
    }
    expect(usernameDelayMs(LOGIN_LIMITS.delayAfter + 12)).toBe(LOGIN_LIMITS.maxDelayMs);
  });

  it("counts attempts as they start: parallel guesses get no more tries than sequential ones", async () => {
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt("203.0.113.5", "frank", `p${i}`)));
    const checked = results.filter((r) => !r.ok && r.code === "UNAUTHORIZED").length;
    expect(checked).toBe(LOGIN_LIMITS.delayAfter);
    expect(results.filter((r) => !r.ok && r.code === "TOO_MANY_REQUESTS")).toHaveLength(30 - checked);
  });

  it("a success clears the pair's count and makes the address familiar: no username delay from there", async () => {
    for (let i = 0; i < LOGIN_LIMITS.perPair - 1; i++) {
      h.clock.advance(LOGIN_LIMITS.maxDelayMs);
      expect(await attempt("203.0.113.6", "gina", "typo")).toMatchObject({ code: "UNAUTHORIZED" });
    }
    h.clock.advance(LOGIN_LIMITS.maxDelayMs);
    expect(await attempt("203.0.113.6", "gina", password)).toEqual({ ok: true });
    // Others hammer gina from elsewhere; from her own address she is neither delayed nor blocked by her old typos.
    for (let i = 0; i < 8; i++) await attempt(`198.18.0.${i}`, "gina", "nope");
    for (let i = 0; i < LOGIN_LIMITS.perPair - 1; i++) {
      expect(await attempt("203.0.113.6", "gina", "typo")).toMatchObject({ code: "UNAUTHORIZED" });
    }
    expect(await attempt("203.0.113.6", "gina", password)).toEqual({ ok: true });
    // A fresh address is delayed.
    expect(await attempt("198.18.1.1", "gina", password)).toMatchObject({ code: "TOO_MANY_REQUESTS", scope: "USERNAME" });
  });
});

describe("ADMIN: users.loginThrottles and users.clearLoginThrottle", () => {
  it("lists blocked pairs and addresses and delayed usernames, and clears them by username or address (audited)", async () => {
    for (let i = 0; i < LOGIN_LIMITS.perPair; i++) {
      h.clock.advance(LOGIN_LIMITS.maxDelayMs);
      await attempt("203.0.113.7", "hugo", "nope");
    }
    for (let i = 0; i < LOGIN_LIMITS.perIp; i++) await attempt("203.0.113.8", `x${i}`, "nope");

    const list = await admin().users.loginThrottles();
    const pair = list.entries.find((e) => e.kind === "PAIR" && e.username === "hugo");
    expect(pair).toMatchObject({ ip: "203.0.113.7", failures: LOGIN_LIMITS.perPair, state: "BLOCKED" });
    expect(new Date(pair!.until!).getTime()).toBeGreaterThan(Date.now() + (LOGIN_LIMITS.windowSeconds - 60) * 1000);
    expect(list.entries.find((e) => e.kind === "USERNAME" && e.username === "hugo")).toMatchObject({
      ip: null,
      failures: LOGIN_LIMITS.perPair,
      state: "DELAYED",
    });
    expect(list.entries.find((e) => e.kind === "IP" && e.ip === "203.0.113.8")).toMatchObject({
      username: null,
      failures: LOGIN_LIMITS.perIp,
      state: "BLOCKED",
    });
    expect(list.limits).toEqual(LOGIN_LIMITS);

    expect(await admin().users.clearLoginThrottle({ username: "hugo" })).toEqual({ cleared: 2 });
    expect(await attempt("203.0.113.7", "hugo", password)).toEqual({ ok: true });
    expect(await attempt("203.0.113.8", "ivan", password)).toMatchObject({ scope: "IP" });
    expect(await admin().users.clearLoginThrottle({ ip: "203.0.113.8" })).toMatchObject({ cleared: expect.any(Number) });
    expect(await attempt("203.0.113.8", "ivan", password)).toEqual({ ok: true });

    const after = await admin().users.loginThrottles();
    expect(after.entries.filter((e) => e.username === "hugo" || e.ip === "203.0.113.8")).toEqual([]);
    const audit = await h.deps.db.auditLog.findMany({ where: { action: "users.clearLoginThrottle" }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.target)).toEqual(["username:hugo", "ip:203.0.113.8"]);
  });

  it("names the field when neither or both of username and address are given", async () => {
    await expect(admin().users.clearLoginThrottle({})).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(admin().users.clearLoginThrottle({ username: "a", ip: "203.0.113.9" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(admin().users.clearLoginThrottle({ ip: "not an address" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
