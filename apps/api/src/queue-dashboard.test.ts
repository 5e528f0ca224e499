// /admin/queues: bull-board for ADMIN only — the page, its static files and its API all need an ADMIN session.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorld, createHarness, type Harness, type World } from "@xiangda/api/testing";
import { QUEUES } from "@xiangda/jobs";
import { pino } from "pino";
import { buildServer } from "./server.ts";

let h: Harness;
let w: World;
let app: Awaited<ReturnType<typeof buildServer>>;
let webDist: string;

beforeAll(async () => {
  h = await createHarness();
  w = await buildWorld(h.deps.db);
  // With a web app served too, as in production: both register @fastify/static.
  webDist = mkdtempSync(path.join(tmpdir(), "xd-web-"));
  writeFileSync(path.join(webDist, "index.html"), "<!doctype html><title>xd</title>");
  app = await buildServer(h.deps, { logger: pino({ level: "silent" }), webDist });
});
afterAll(async () => {
  await app?.close();
  await h?.close();
  rmSync(webDist, { recursive: true, force: true });
});

async function bearerOf(username: string) {
  const r = await app.inject({
    method: "POST",
    url: "/trpc/auth.login",
    headers: { "content-type": "application/json" },
    payload: JSON.stringify({ username, password: w.password }),
  });
  return { authorization: `Bearer ${r.json<{ result: { data: { token: string } } }>().result.data.token}` };
}

const paths = [
  "/admin/queues",
  "/admin/queues/",
  "/admin/queues/api/queues",
  "/admin/queues/static/favicon-32x32.png",
  "/admin/queues/queue/notify",
];

describe("queue dashboard", () => {
  it("is 401 for anonymous callers, everywhere under the prefix", async () => {
    for (const url of paths) expect((await app.inject({ url, headers: { accept: "text/html" } })).statusCode, url).toBe(401);
    expect((await app.inject({ method: "PUT", url: "/admin/queues/api/queues/pause" })).statusCode).toBe(401);
  });

  it("is 403 for station staff and county managers", async () => {
    for (const user of ["t_station", "t_manager"]) {
      const headers = await bearerOf(user);
      for (const url of paths) expect((await app.inject({ url, headers })).statusCode, `${user} ${url}`).toBe(403);
    }
  });

  it("answers a browser with a page in its language, not raw JSON (a manager following a link, a signed-out admin)", async () => {
    const mgr = await bearerOf("t_manager");
    const zh = await app.inject({
      url: "/admin/queues",
      headers: { ...mgr, accept: "text/html,application/xhtml+xml", "accept-language": "zh-CN,zh;q=0.9" },
    });
    expect(zh.statusCode).toBe(403);
    expect(zh.headers["content-type"]).toContain("text/html");
    expect(zh.body).toContain("无权访问");
    expect(zh.body).not.toContain('"error"');
    const en = await app.inject({ url: "/admin/queues", headers: { ...mgr, accept: "text/html", "accept-language": "en-GB,en;q=0.8" } });
    expect(en.body).toContain("Not allowed");
    const anon = await app.inject({ url: "/admin/queues", headers: { accept: "text/html" } });
    expect(anon.statusCode).toBe(401);
    expect(anon.body).toContain('href="/login"');
    // API callers keep the JSON shape.
    expect((await app.inject({ url: "/admin/queues/api/queues", headers: mgr })).json()).toMatchObject({ error: "This needs role ADMIN" });
  });

  it("shows ADMIN the board with every queue of QUEUES", async () => {
    const headers = await bearerOf("t_admin");
    const page = await app.inject({ url: "/admin/queues", headers });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toContain('<base href="/admin/queues/"');
    // Nothing from elsewhere (the Content-Security-Policy allows only this origin).
    expect(page.body).not.toMatch(/googleapis|gstatic/);
    expect(page.headers["content-security-policy"]).toContain("default-src 'self'");
    expect((await app.inject({ url: "/admin/queues/static/favicon-32x32.png", headers })).statusCode).toBe(200);
    const api = await app.inject({ url: "/admin/queues/api/queues", headers });
    expect(api.statusCode).toBe(200);
    const names = api.json<{ queues: Array<{ name: string }> }>().queues.map((q) => q.name);
    expect(names.sort()).toEqual([...QUEUES].sort());
    // The rest of the app is untouched by the dashboard's guard.
    expect((await app.inject({ url: "/health" })).statusCode).toBe(200);
    expect((await app.inject({ url: "/county", headers: { accept: "text/html" } })).statusCode).toBe(200);
  });
});
