// The API over a PostgreSQL that is down, still starting (in recovery) or shutting down: every procedure and plain
// route answers 503 UNAVAILABLE, the session look-up of a signed-in caller included (not 500, not 401), with no
// internals in the body. The server is a private cluster put into each state for real.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, withPgClient, type Db } from "@xiangda/db";
import { startPrivatePostgres, type PrivatePostgres } from "@xiangda/db/testing";
import { createHarness, type Harness } from "@xiangda/api/testing";
import { pino } from "pino";
import { buildServer } from "./server.ts";

const quiet = pino({ level: "silent" });
const MESSAGE = "The database is unavailable; try again shortly";
const TOKEN = "a-session-token-nobody-can-check-now";
let h: Harness;
let server: PrivatePostgres;
const dbs: Db[] = [];

beforeAll(async () => {
  h = await createHarness();
  server = await startPrivatePostgres();
}, 60_000);

afterAll(async () => {
  for (const db of dbs.splice(0)) await db.$disconnect().catch(() => undefined);
  server?.destroy();
  await h?.close();
});

type App = Awaited<ReturnType<typeof buildServer>>;

/// An API whose database is the private cluster in its current state (a fresh pool: no connection made before).
async function api(): Promise<App> {
  const db = createDb(server.url("postgres"), { poolSize: 2 });
  dbs.push(db);
  return buildServer({ ...h.deps, db }, { logger: quiet, webDist: null });
}

const auth = { authorization: `Bearer ${TOKEN}` };
const input = (v: unknown) => encodeURIComponent(JSON.stringify(v));
const id = "6f1c1d3e-8a1b-4c55-9a40-0d3d7f7e2b11";

/// Procedures: public query and mutation, and a signed-in caller's query and mutation (its session looked up first).
const PROCEDURES = [
  { method: "GET" as const, url: `/trpc/tracking.lookup?input=${input({ waybillNo: "XD12345678901", phoneLast4: "0000" })}` },
  { method: "POST" as const, url: "/trpc/auth.login", payload: { username: "someone", password: "wrong-password-1" } },
  { method: "GET" as const, url: "/trpc/auth.me", headers: auth },
  {
    method: "POST" as const,
    url: "/trpc/scan.record",
    headers: auth,
    payload: { clientScanId: id, code: "XD12345678901", action: "ARRIVE", nodeId: id, at: new Date().toISOString() },
  },
];
/// Plain routes: the PDFs and the queue dashboard look the session up; images look the key up.
const ROUTES = [`/labels.pdf?waybills=XD12345678901`, `/loads/${id}/manifest.pdf`, `/batches/${id}/qr.pdf`, `/admin/queues`, `/images/${"0a".repeat(16)}.jpg`];

async function expectAllUnavailable(app: App) {
  for (const p of PROCEDURES) {
    const r = await app.inject(p);
    expect(r.statusCode, `${p.url}: ${r.body}`).toBe(503);
    const body = r.json<{ error: { message: string; data: { appCode: string; httpStatus: number; stack?: string } } }>();
    expect(body.error.message).toBe(MESSAGE);
    expect(body.error.data).toMatchObject({ appCode: "UNAVAILABLE", httpStatus: 503 });
    expect(body.error.data.stack).toBeUndefined();
  }
  for (const url of ROUTES) {
    const r = await app.inject({ url, headers: auth });
    expect(r.statusCode, `${url}: ${r.body}`).toBe(503);
    expect(r.json()).toEqual({ error: MESSAGE, appCode: "UNAVAILABLE", field: null });
  }
  const ready = await app.inject({ url: "/ready" });
  expect(ready.statusCode).toBe(503);
  expect(ready.json()).toMatchObject({ postgres: "down", redis: "up" });
}

describe("the database unavailable", () => {
  it("stopped (connections refused)", async () => {
    server.stop();
    try {
      const app = await api();
      await expectAllUnavailable(app);
      await app.close();
    } finally {
      server.start();
    }
  });

  it("starting: in recovery, not accepting connections yet (57P03)", async () => {
    server.stop();
    server.startInRecovery();
    try {
      const app = await api();
      await expectAllUnavailable(app);
      await app.close();
    } finally {
      server.stop();
      server.start();
    }
  }, 60_000);

  it("shutting down: a smart shutdown waiting for its last session (57P03)", async () => {
    const holder = createDb(server.url("postgres"), { poolSize: 1 });
    await withPgClient(holder, async (last) => {
      await last.query("SELECT 1");
      server.stop("smart", { wait: false });
      const app = await api();
      await expectAllUnavailable(app);
      await app.close();
    });
    await holder.$disconnect();
    for (let i = 0; server.running() && i < 1200; i++) await new Promise((r) => setTimeout(r, 50));
    server.start();
  }, 60_000);
});
