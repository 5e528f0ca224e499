// The HTTP host: health, readiness that tells the truth about PostgreSQL and Redis,
// tRPC over HTTP with cookie and bearer sessions, and the client-facing error shape.
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@xiangda/db";
import { createProducerConnection } from "@xiangda/jobs";
import { startPrivateRedis, type PrivateRedis } from "@xiangda/jobs/testing";
import { buildWorld, createHarness, type Harness, type World } from "@xiangda/api/testing";
import { pino } from "pino";
import { buildServer } from "./server.ts";
import { waitFor } from "@xiangda/config/testing";

const quiet = pino({ level: "silent" });
let h: Harness;
let w: World;
beforeAll(async () => {
  h = await createHarness();
  w = await buildWorld(h.deps.db);
});
afterAll(async () => h?.close());

describe("health and readiness", () => {
  it("/health answers while the process lives; /ready is 200 with both servers up", async () => {
    const app = await buildServer(h.deps, { logger: quiet, webDist: null });
    expect((await app.inject({ url: "/health" })).json()).toEqual({ status: "ok" });
    const r = await app.inject({ url: "/ready" });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ ok: true, postgres: "up", redis: "up" });
    await app.close();
  });

  describe("with a Redis that is stopped and started again", () => {
    let redis: PrivateRedis;
    beforeAll(async () => {
      redis = await startPrivateRedis();
    });
    afterAll(async () => redis?.destroy());

    it("reports redis down with 503, then recovers without a restart", async () => {
      const conn = createProducerConnection(redis.url);
      const app = await buildServer({ ...h.deps, redis: conn }, { logger: quiet, webDist: null });
      expect((await app.inject({ url: "/ready" })).statusCode).toBe(200);
      await redis.stop();
      const down = await app.inject({ url: "/ready" });
      expect(down.statusCode).toBe(503);
      expect(down.json()).toMatchObject({ ok: false, postgres: "up", redis: "down", errors: { redis: "Redis is not reachable" } });
      await redis.start();
      await waitFor(async () => (await app.inject({ url: "/ready" })).statusCode === 200, { what: "/ready to answer 200 again" });
      await app.close();
      conn.disconnect();
    });
  });

  it("reports postgres down with 503 when the database does not answer", async () => {
    const deadDb = createDb("postgresql://postgres@127.0.0.1:1/none");
    const app = await buildServer({ ...h.deps, db: deadDb }, { logger: quiet, webDist: null });
    const r = await app.inject({ url: "/ready" });
    expect(r.statusCode).toBe(503);
    expect(r.json()).toMatchObject({ ok: false, postgres: "down", redis: "up" });
    await app.close();
    await deadDb.$disconnect();
  });
});

describe("closing", () => {
  it("answers a request that reaches it while closing (with Connection: close), not a 503, and refuses new connections", async () => {
    const app = await buildServer(h.deps, { logger: quiet, webDist: null });
    await app.listen({ host: "127.0.0.1", port: 0 });
    const { port } = app.server.address() as { port: number };
    // Half a request's headers: the connection is busy, so closing keeps it, and the request is read only afterwards.
    const accepted = new Promise<Socket>((r) => app.server.once("connection", r));
    const sock = connect(port, "127.0.0.1");
    await new Promise((r) => sock.once("connect", r));
    const serverSide = await accepted;
    let reply = "";
    sock.on("data", (d: Buffer) => (reply += d.toString()));
    const ended = new Promise((r) => sock.once("close", r));
    sock.write("GET /health HTTP/1.1\r\nHost: x\r\n");
    // The server has read the half request (its parser is busy with it) before closing starts.
    await waitFor(() => serverSide.bytesRead > 0, { what: "the server to read the half request", everyMs: 5 });
    const closed = app.close();
    await waitFor(() => !app.server.listening, { what: "the listening socket to close", everyMs: 5 });
    const late = await new Promise<string | undefined>((r) => {
      const s = connect(port, "127.0.0.1");
      s.once("connect", () => (s.destroy(), r(undefined)));
      s.once("error", (e: NodeJS.ErrnoException) => r(e.code));
    });
    expect(late).toBe("ECONNREFUSED");
    sock.write("Connection: keep-alive\r\n\r\n");
    await ended;
    await closed;
    expect(reply).toMatch(/^HTTP\/1\.1 200 /);
    expect(reply).toMatch(/\r\nconnection: close\r\n/i);
    expect(reply).toContain('{"status":"ok"}');
  });
});

describe("tRPC over HTTP", () => {
  it("signs in with an httpOnly SameSite cookie and a bearer token", async () => {
    const app = await buildServer(h.deps, { logger: quiet, webDist: null });
    const login = await app.inject({
      method: "POST",
      url: "/trpc/auth.login",
      headers: { "content-type": "application/json", "x-request-id": "http-login-1" },
      payload: JSON.stringify({ username: "t_manager", password: w.password }),
    });
    expect(login.statusCode).toBe(200);
    const cookie = String(login.headers["set-cookie"]);
    expect(cookie).toMatch(/xd_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const token = login.json<{ result: { data: { token: string } } }>().result.data.token;

    const viaCookie = await app.inject({ url: "/trpc/auth.me", headers: { cookie: cookie.split(";")[0]! } });
    expect(viaCookie.json()).toMatchObject({ result: { data: { username: "t_manager", role: "COUNTY_MANAGER" } } });
    const viaBearer = await app.inject({ url: "/trpc/auth.me", headers: { authorization: `Bearer ${token}` } });
    expect(viaBearer.json()).toMatchObject({ result: { data: { username: "t_manager" } } });
    const audit = await h.deps.db.auditLog.findFirst({ where: { clientRequestId: "http-login-1" } });
    expect(audit?.action).toBe("auth.login");
    await app.close();
  });

  it("gives every request an id of its own (response header, log lines, audit row), keeping a client's X-Request-Id beside it", async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ level: "info" }, { write: (s: string) => void lines.push(JSON.parse(s) as Record<string, unknown>) });
    const app = await buildServer(h.deps, { logger, webDist: null });
    const logout = (id: string) =>
      app.inject({ method: "POST", url: "/trpc/auth.logout", headers: { "content-type": "application/json", "x-request-id": id } });
    const replies = [await logout("client-7"), await logout("client-7"), await logout("has space"), await logout("x".repeat(65))];
    const ids = replies.map((r) => String(r.headers["x-request-id"]));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(4);
    const rows = await h.deps.db.auditLog.findMany({ where: { requestId: { in: ids } }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.requestId, r.clientRequestId])).toEqual([
      [ids[0], "client-7"],
      [ids[1], "client-7"],
      [ids[2], null],
      [ids[3], null],
    ]);
    expect(await h.deps.db.auditLog.count({ where: { requestId: "client-7" } })).toBe(0);
    const logged = lines.filter((l) => l.reqId === ids[0]);
    expect(logged.length).toBeGreaterThan(0);
    for (const l of logged) expect(l.clientRequestId).toBe("client-7");
    expect(lines.filter((l) => l.reqId === ids[2]).every((l) => l.clientRequestId === undefined)).toBe(true);
    await app.close();
  });

  it("answers bad input with 400, the field's name and no stack trace", async () => {
    const app = await buildServer(h.deps, { logger: quiet, webDist: null });
    const r = await app.inject({
      method: "POST",
      url: "/trpc/auth.login",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ username: "", password: "x" }),
    });
    expect(r.statusCode).toBe(400);
    const body = r.json<{ error: { message: string; data: Record<string, unknown> } }>();
    // Each issue carries the catalog key and its parameters the web app translates (issue #17 defect 7).
    expect(body.error.data.zodIssues).toEqual([{ path: "username", message: "required", key: "REQUIRED", params: {} }]);
    expect(body.error.data.appCode).toBe("INVALID_INPUT");
    expect(body.error.data.stack).toBeUndefined();
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
    await app.close();
  });

  it("answers an anonymous call to a protected procedure with 401 and a denied one with 403", async () => {
    const app = await buildServer(h.deps, { logger: quiet, webDist: null });
    expect((await app.inject({ url: "/trpc/county.list" })).statusCode).toBe(401);
    const login = await app.inject({
      method: "POST",
      url: "/trpc/auth.login",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ username: "t_station", password: w.password }),
    });
    const token = login.json<{ result: { data: { token: string } } }>().result.data.token;
    const r = await app.inject({ url: "/trpc/county.list", headers: { authorization: `Bearer ${token}` } });
    expect(r.statusCode).toBe(403);
    await app.close();
  });
});

describe("labels over HTTP", () => {
  it("prints a batch of labels for the caller's county only", async () => {
    const app = await buildServer(h.deps, { logger: quiet, webDist: null });
    const s = await h.callerAs(w.actors.admin).shipments.create({
      countyCode: w.home.countyCode,
      direction: "DOWN",
      fromCode: `${w.home.countyCode}-HUB`,
      to: `${w.home.countyCode}-S1`,
      recipientName: "王小明",
      recipientPhone: "13812345678",
      weightG: 1000,
      contentsCategory: "日用品",
    });
    const tokenOf = async (username: string) =>
      (await app.inject({ method: "POST", url: "/trpc/auth.login", headers: { "content-type": "application/json" }, payload: JSON.stringify({ username, password: w.password }) })).json<{ result: { data: { token: string } } }>().result.data.token;
    expect((await app.inject({ url: `/labels.pdf?waybills=${s.waybillNo}` })).statusCode).toBe(401);
    const mgr = { authorization: `Bearer ${await tokenOf("t_manager")}` };
    const pdf = await app.inject({ url: `/labels.pdf?waybills=${s.waybillNo}&size=76x130`, headers: mgr });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect((await app.inject({ url: `/labels.pdf?waybills=${s.waybillNo}&size=A4`, headers: mgr })).json()).toMatchObject({ field: "size" });
    const away = { authorization: `Bearer ${await tokenOf("t_manager_away")}` };
    expect((await app.inject({ url: `/labels.pdf?waybills=${s.waybillNo}`, headers: away })).statusCode).toBe(404);
    await app.close();
  });
});
