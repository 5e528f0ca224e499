// PostgreSQL stopped and started again under the real API and worker processes: meanwhile the API answers
// 503 with a clear "database unavailable" error (readiness and procedures alike, no stack trace); afterwards
// the same processes serve and work again without being restarted. XD_FAULT_PG_SECONDS sets the outage (10 s).
import { execSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@xiangda/db";
import { templateName, testRedisPrefix } from "@xiangda/db/testing";
import { startPrivatePostgres, type PrivatePostgres } from "./lib/private-postgres.ts";
import { startApi, startWorker, stopProc, waitFor, type ApiProc, type Proc, type StackEnv } from "./lib/processes.ts";
import { journey, login, seedScanWorld, sendScans, type ScanWorld } from "./lib/world.ts";

const OUTAGE_MS = Number(process.env.XD_FAULT_PG_SECONDS ?? 10) * 1000;
const SHARED_PG = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:55432/xiangda";

let pg: PrivatePostgres;
let db: Db;
let env: StackEnv;
let world: ScanWorld;
let api: ApiProc | undefined;
let worker: Proc | undefined;

beforeAll(async () => {
  pg = await startPrivatePostgres();
  // The migrated template of the shared server (made by the global setup), copied into the private cluster.
  const shared = new URL(SHARED_PG);
  shared.pathname = `/${templateName()}`;
  execSync(`psql -q -v ON_ERROR_STOP=1 '${pg.url("postgres")}' -c 'CREATE DATABASE xd'`);
  execSync(`pg_dump --no-owner '${shared.toString()}' | psql -q -v ON_ERROR_STOP=1 '${pg.url("xd")}'`, {
    stdio: ["ignore", "ignore", "pipe"],
  });
  db = createDb(pg.url("xd"), { poolSize: 3 });
  env = { DATABASE_URL: pg.url("xd"), REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:56379", REDIS_PREFIX: testRedisPrefix() };
  world = await seedScanWorld(db, 40);
  api = await startApi(env);
  worker = startWorker(env);
}, 90_000);

afterAll(async () => {
  await Promise.all([stopProc(api), stopProc(worker)]);
  await db?.$disconnect();
  pg?.destroy();
});

interface ErrorBody {
  error?: { message: string; data: { appCode: string | null; code: string; httpStatus: number; stack?: string } };
}

/// The answer during the outage: 503, UNAVAILABLE, a message saying so, no stack, no internals.
function expectUnavailable(status: number, text: string) {
  expect(status, text).toBe(503);
  const body = JSON.parse(text) as ErrorBody;
  expect(body.error?.message).toBe("The database is unavailable; try again shortly");
  expect(body.error?.data).toMatchObject({ appCode: "UNAVAILABLE", code: "SERVICE_UNAVAILABLE", httpStatus: 503 });
  expect(body.error?.data.stack).toBeUndefined();
  expect(text).not.toMatch(/\.ts:\d+|ECONNREFUSED|node_modules/);
}

describe(`PostgreSQL stopped for ${OUTAGE_MS / 1000} s, then started again`, () => {
  it("answers 503 naming the database meanwhile and recovers in the same processes", async () => {
    const token = await login(api!.url);
    const trips = world.waybills.map((wb) => journey(world, wb));
    const first = await sendScans(api!.url, token, trips[0]!, true);
    expect(first.results.map((r) => r.outcome)).toEqual(["OK", "OK", "OK", "OK"]);
    expect((await fetch(`${api!.url}/ready`)).status).toBe(200);

    pg.stop();
    const stoppedAt = Date.now();
    let checks = 0;
    let k = 1;
    while (Date.now() - stoppedAt < OUTAGE_MS) {
      const ready = await fetch(`${api!.url}/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({
        ok: false,
        postgres: "down",
        redis: "up",
        errors: { postgres: "PostgreSQL is not reachable" },
      });
      // A signed-in scanner (its session is looked up in the database), a sign-in, and a public query.
      const scan = await sendScans(api!.url, token, [trips[k]![0]!], false);
      expectUnavailable(scan.status, scan.body);
      const signIn = await fetch(`${api!.url}/trpc/auth.login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "proof_manager", password: "x-wrong-1" }),
      });
      expectUnavailable(signIn.status, await signIn.text());
      const track = await fetch(
        `${api!.url}/trpc/tracking.lookup?input=${encodeURIComponent(JSON.stringify({ waybillNo: world.waybills[0], phoneLast4: "0000" }))}`,
      );
      expectUnavailable(track.status, await track.text());
      checks++;
      await new Promise((r) => setTimeout(r, 1_000));
    }
    expect(checks).toBeGreaterThan(0);
    expect(api!.alive() && worker!.alive()).toBe(true);

    pg.start();
    await waitFor("the API ready again", async () => (await fetch(`${api!.url}/ready`)).status === 200, 30_000, 200);
    // The same token still works: nothing was lost with the connections.
    const after = await sendScans(api!.url, token, trips[k]!, true);
    expect(after.results.map((r) => r.outcome)).toEqual(["OK", "OK", "OK", "OK"]);
    k++;
    // And a restart (stop and start at once) while the scanner keeps scanning single scans.
    const scanning = (async () => {
      const statuses: number[] = [];
      for (; k < 20; k++) for (const s of trips[k]!) statuses.push((await sendScans(api!.url, token, [s], false)).status);
      return statuses;
    })();
    await new Promise((r) => setTimeout(r, 300));
    pg.restart();
    const statuses = await scanning;
    expect(
      statuses.every((s) => s === 200 || s === 503),
      statuses.join(","),
    ).toBe(true);
    await waitFor("the API ready after the restart", async () => (await fetch(`${api!.url}/ready`)).status === 200, 30_000, 200);
    const last = await sendScans(api!.url, token, trips[20]!, true);
    expect(last.results.map((r) => r.outcome)).toEqual(["OK", "OK", "OK", "OK"]);

    // The worker came back too: its relay and jobs deliver the pickup notices of the parcels that reached the shelf.
    const shelved = await db.scanEvent.count({ where: { action: "ARRIVE", nodeId: world.nodes.P200, outcome: "OK" } });
    expect(shelved).toBeGreaterThanOrEqual(3);
    await waitFor("a pickup notice per shelved parcel", async () => (await db.notification.count()) === shelved, 60_000, 250);
    expect(api!.alive() && worker!.alive()).toBe(true);
  }, 120_000);
});
