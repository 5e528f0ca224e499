// X-Forwarded-For is a client's claim: unless XD_TRUSTED_PROXIES names the proxy the request came through, it is
// ignored, so rotating it walks past no per-address limit (sign-in, tracking and trace look-ups) and puts no made-up
// address in audit rows or sessions. Behind a trusted proxy, the address it forwards is the client's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance, InjectOptions } from "fastify";
import { pino } from "pino";
import { loadEnv } from "@xiangda/config";
import { buildWorld, createHarness, type Harness, type World } from "@xiangda/api/testing";
import { hashToken, LOGIN_LIMITS, TRACE_LIMIT, TRACKING_LIMIT } from "@xiangda/api/rest";
import { buildServer } from "../server.ts";

const quiet = pino({ level: "silent" });
let h: Harness;
let w: World;
/// As deployed by default: no proxy trusted.
let direct: FastifyInstance;
/// XD_TRUSTED_PROXIES=127.0.0.1: the requests app.inject makes come from the proxy.
let proxied: FastifyInstance;
beforeAll(async () => {
  h = await createHarness();
  w = await buildWorld(h.deps.db);
  direct = await buildServer(h.deps, { logger: quiet, webDist: null });
  proxied = await buildServer(h.deps, { logger: quiet, webDist: null, trustedProxies: loadEnv({ XD_TRUSTED_PROXIES: "127.0.0.1" }).XD_TRUSTED_PROXIES });
}, 60_000);
afterAll(async () => {
  await direct?.close();
  await proxied?.close();
  await h?.close();
});

const LOOKUPS = [
  { path: "tracking.lookup", input: { waybillNo: "XD0000000000000", phoneLast4: "1234" }, limit: TRACKING_LIMIT.perMinute },
  { path: "trace.get", input: { code: "7K3M9Q2XW4HB8N5RT" }, limit: TRACE_LIMIT.perMinute },
];

const query = (app: FastifyInstance, path: string, input: unknown, opts: Partial<InjectOptions> = {}) =>
  app.inject({ ...opts, method: "GET", url: `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}` });

const post = (app: FastifyInstance, path: string, input: unknown, opts: { headers?: Record<string, string>; remoteAddress?: string } = {}) =>
  app.inject({
    method: "POST",
    url: `/trpc/${path}`,
    headers: { "content-type": "application/json", ...opts.headers },
    ...(opts.remoteAddress ? { remoteAddress: opts.remoteAddress } : {}),
    payload: JSON.stringify(input),
  });

/// The address the audit row of a request stored.
async function auditedIp(r: { headers: Record<string, unknown> }) {
  return (await h.deps.db.auditLog.findFirstOrThrow({ where: { requestId: String(r.headers["x-request-id"]) } })).ip;
}

/// The address stored with the session a sign-in opened.
async function sessionIp(r: { json<T>(): T }) {
  const token = r.json<{ result: { data: { token: string } } }>().result.data.token;
  return (await h.deps.db.session.findUniqueOrThrow({ where: { id: hashToken(token) } })).ip;
}

describe("no proxy trusted (the default)", () => {
  it("counts public look-ups per socket address however the client rotates X-Forwarded-For", async () => {
    for (const [n, { path, input, limit }] of LOOKUPS.entries()) {
      const statuses: number[] = [];
      for (let i = 0; i <= limit; i++) {
        const r = await query(direct, path, input, { remoteAddress: `192.0.2.${10 + n}`, headers: { "x-forwarded-for": `198.51.100.${i}` } });
        statuses.push(r.statusCode);
      }
      expect(statuses.slice(0, limit).filter((s) => s === 429), path).toEqual([]);
      expect(statuses.at(-1), path).toBe(429);
    }
  });

  it("refuses an address's sign-ins past its limit however the client rotates X-Forwarded-For", async () => {
    const attempt = (i: number) =>
      post(direct, "auth.login", { username: `ghost-${i}`, password: "wrong-password" }, { remoteAddress: "192.0.2.50", headers: { "x-forwarded-for": `198.51.100.${i}` } });
    for (let i = 0; i < LOGIN_LIMITS.perIp; i++) expect((await attempt(i)).statusCode).toBe(401);
    const refused = await attempt(LOGIN_LIMITS.perIp);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ error: { data: { appCode: "RATE_LIMITED", details: { scope: "IP" } } } });
  }, 120_000);

  it("stores the socket's address, not the claimed one, in audit rows and sessions", async () => {
    const claim = { "x-forwarded-for": "203.0.113.9" };
    expect(await auditedIp(await post(direct, "auth.logout", {}, { headers: claim }))).toBe("127.0.0.1");
    const login = await post(direct, "auth.login", { username: "t_manager", password: w.password }, { headers: claim });
    expect(login.statusCode).toBe(200);
    expect(await auditedIp(login)).toBe("127.0.0.1");
    expect(await sessionIp(login)).toBe("127.0.0.1");
  });
});

describe("behind a trusted proxy (XD_TRUSTED_PROXIES=127.0.0.1)", () => {
  it("counts public look-ups per forwarded client address", async () => {
    for (const { path, input, limit } of LOOKUPS) {
      for (let i = 0; i <= limit; i++) {
        const r = await query(proxied, path, input, { headers: { "x-forwarded-for": `198.51.100.${100 + i}` } });
        expect(r.statusCode, `${path} from client ${i}`).not.toBe(429);
      }
      const one = { "x-forwarded-for": "198.51.100.250" };
      for (let i = 0; i < limit; i++) expect((await query(proxied, path, input, { headers: one })).statusCode).not.toBe(429);
      expect((await query(proxied, path, input, { headers: one })).statusCode, path).toBe(429);
    }
  });

  it("stores the forwarded client address in audit rows and sessions; an address the client put in front is not it", async () => {
    const login = await post(proxied, "auth.login", { username: "t_manager", password: w.password }, { headers: { "x-forwarded-for": "203.0.113.9" } });
    expect(login.statusCode).toBe(200);
    expect(await auditedIp(login)).toBe("203.0.113.9");
    expect(await sessionIp(login)).toBe("203.0.113.9");
    // The proxy appends the peer it saw to whatever the client sent: the rightmost address it did not vouch for is the client.
    const chain = await post(proxied, "auth.logout", {}, { headers: { "x-forwarded-for": "10.1.1.1, 203.0.113.10" } });
    expect(await auditedIp(chain)).toBe("203.0.113.10");
  });

  it("ignores X-Forwarded-For from any address that is not a trusted proxy", async () => {
    const r = await post(proxied, "auth.logout", {}, { remoteAddress: "192.0.2.77", headers: { "x-forwarded-for": "203.0.113.11" } });
    expect(await auditedIp(r)).toBe("192.0.2.77");
  });
});
