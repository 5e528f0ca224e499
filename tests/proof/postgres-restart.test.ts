// PostgreSQL stopped (fast shutdown) for XD_FAULT_PG_SECONDS (10 s), then crashed and restarted (immediate shutdown),
// under the real API and worker processes while the worker is in the middle of sealing a load of 1,500 parcels and
// rolling up the day (each caught inside its transaction: the test holds a lock it needs) and scanners keep scanning.
// Meanwhile the API answers 503 UNAVAILABLE, no stack, to procedures, plain routes and signed-in callers alike (their
// session cannot be looked up); afterwards the same processes carry on: the worker never dies, its seal and roll-up
// run again and finish, every parcel is in exactly one load, no outbox row is left unsent, no scan is lost or stored
// twice.
import { execSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { assignReady } from "@xiangda/api";
import { scaled } from "@xiangda/config/testing";
import { createDb, pgPool, type Db } from "@xiangda/db";
import { templateName, testRedisPrefix } from "@xiangda/db/testing";
import { QUEUES } from "@xiangda/jobs";
import { heldInside, holdSealAndRollup, seedSealLanes, startScanner, type SealLane } from "./lib/busy-worker.ts";
import { startPrivatePostgres, type PrivatePostgres } from "./lib/private-postgres.ts";
import { startApi, startWorker, stopProc, waitFor, type ApiProc, type Proc, type StackEnv } from "./lib/processes.ts";
import { COUNTY, journey, login, seedScanWorld, sendScans, type Scan, type ScanWorld } from "./lib/world.ts";

const OUTAGE_MS = Number(process.env.XD_FAULT_PG_SECONDS ?? 10) * 1000;
const SEAL_PARCELS = Number(process.env.XD_FAULT_PG_PARCELS ?? 1500);
const SCAN_PARCELS = 40;
const SHARED_PG = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:55432/xiangda";
const MESSAGE = "The database is unavailable; try again shortly";

let pg: PrivatePostgres;
let db: Db;
let env: StackEnv;
let world: ScanWorld;
let trips: Scan[][];
let lanes: SealLane[];
let hubId: string;
let api: ApiProc | undefined;
let worker: Proc | undefined;
let redis: Redis;
const queues = new Map<string, Queue>();

beforeAll(async () => {
  pg = await startPrivatePostgres();
  // The migrated template of the shared server (made by the global setup), copied into the private cluster.
  const shared = new URL(SHARED_PG);
  shared.pathname = `/${templateName()}`;
  execSync(`psql -q -v ON_ERROR_STOP=1 '${pg.url("postgres")}' -c 'CREATE DATABASE xd'`);
  execSync(`pg_dump --no-owner '${shared.toString()}' | psql -q -v ON_ERROR_STOP=1 '${pg.url("xd")}'`, {
    stdio: ["ignore", "ignore", "pipe"],
  });
  db = createDb(pg.url("xd"), { poolSize: 4 });
  env = { DATABASE_URL: pg.url("xd"), REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:56379", REDIS_PREFIX: testRedisPrefix() };
  world = await seedScanWorld(db, SCAN_PARCELS);
  trips = world.waybills.map((wb) => journey(world, wb));
  const seal = await seedSealLanes(db, SEAL_PARCELS);
  hubId = seal.hubId;
  await seal.addParcels();
  // Every parcel waiting at the hub goes into its lane's next load (the worker's sweep would do the same).
  await assignReady(db, { countyCode: COUNTY, now: new Date() });
  lanes = await seal.lanes();
  for (const l of lanes) if (l.shipmentIds.length !== SEAL_PARCELS) throw new Error(`${l.station}: ${l.shipmentIds.length} parcels in its load`);
  redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
  for (const name of QUEUES) queues.set(name, new Queue(name, { connection: redis, prefix: env.REDIS_PREFIX }));
  api = await startApi(env);
  worker = startWorker(env);
}, scaled(180_000));

afterAll(async () => {
  await Promise.all([stopProc(api), stopProc(worker)]);
  for (const q of queues.values()) await q.close();
  redis?.disconnect();
  await db?.$disconnect();
  pg?.destroy();
});

interface ErrorBody {
  error?: { message: string; data: { appCode: string | null; code: string; httpStatus: number; stack?: string } };
}

/// A procedure's answer during the outage: 503, UNAVAILABLE, a message saying so, no stack, no internals.
function expectUnavailable(what: string, status: number, text: string) {
  expect(status, `${what}: ${text}`).toBe(503);
  const body = JSON.parse(text) as ErrorBody;
  expect(body.error?.message).toBe(MESSAGE);
  expect(body.error?.data).toMatchObject({ appCode: "UNAVAILABLE", code: "SERVICE_UNAVAILABLE", httpStatus: 503 });
  expect(body.error?.data.stack).toBeUndefined();
  expect(text).not.toMatch(/\.ts:\d+|\.js:\d+|ECONNREFUSED|57P0|node_modules/);
}

/// Why a wait ran out: the jobs, the outbox and what the two processes printed.
async function explain(): Promise<string> {
  const jobs = await Promise.all([...queues].map(async ([n, q]) => `${n} ${JSON.stringify(await q.getJobCounts("active", "waiting", "delayed", "failed"))}`));
  const pending = await db.outboxEvent.count({ where: { sentAt: null } }).catch((e: unknown) => String(e));
  const tail = (s: string) => s.slice(-4_000);
  return `jobs: ${jobs.join("; ")}\npending outbox rows: ${String(pending)}\n--- worker ---\n${tail(worker!.output())}\n--- api ---\n${tail(api!.output())}`;
}

async function ready(): Promise<void> {
  await waitFor("the API ready", async () => (await fetch(`${api!.url}/ready`)).status === 200, scaled(60_000), 200, explain);
}

/// Everything the restart interrupted is done, by the same processes: the seal and the roll-up ran again and finished,
/// the lane's parcels are each in exactly one load (planned, on a truck), no outbox row waits, no job failed, and
/// every scan the scanner sent is stored exactly once.
async function expectAllDone(lane: SealLane, held: { sealJobId: string; rollupJobId: string }, scanned: Set<string>) {
  const completed = async (queue: string, id: string) => (await queues.get(queue)!.getJob(id))?.isCompleted();
  await waitFor("the seal and the roll-up done", async () => (await completed("consolidation", held.sealJobId)) && (await completed("dashboard", held.rollupJobId)), scaled(90_000), 250, explain);
  await waitFor("the load planned", async () => (await db.load.findUniqueOrThrow({ where: { id: lane.loadId } })).status === "PLANNED", scaled(60_000), 250, explain);
  await waitFor("every outbox row sent", async () => (await db.outboxEvent.count({ where: { sentAt: null } })) === 0, scaled(60_000), 250, explain);
  const perParcel = await pgPool(db).query<{ n: number; parcels: number }>(
    `SELECT n, count(*)::int AS parcels FROM (
       SELECT s, count(i.id) FILTER (WHERE i.status = 'ASSIGNED' AND i."loadVehicleId" IS NOT NULL)::int AS n
         FROM unnest($1::uuid[]) AS s LEFT JOIN "LoadItem" i ON i."shipmentId" = s GROUP BY s) x GROUP BY n`,
    [lane.shipmentIds],
  );
  expect(perParcel.rows).toEqual([{ n: 1, parcels: SEAL_PARCELS }]);
  const rolledUp = await db.dailyShipmentStat.aggregate({ where: { countyCode: COUNTY, townshipCode: "*", carrierId: "*" }, _sum: { created: true } });
  expect(rolledUp._sum.created ?? 0).toBeGreaterThanOrEqual(2 * SEAL_PARCELS);
  const stored = await pgPool(db).query<{ id: string; n: number }>(
    `SELECT s AS id, count(e.id)::int AS n FROM unnest($1::uuid[]) AS s LEFT JOIN "ScanEvent" e ON e."clientScanId" = s GROUP BY s HAVING count(e.id) <> 1`,
    [[...scanned]],
  );
  expect(stored.rows, "scans not stored exactly once").toEqual([]);
  for (const q of queues.values()) expect(await q.getJobCounts("failed"), q.name).toEqual({ failed: 0 });
  expect(worker!.alive() && api!.alive(), await explain()).toBe(true);
}

describe("PostgreSQL restarted under a busy worker and scanning", () => {
  it(`fast shutdown, ${OUTAGE_MS / 1000} s down: 503 UNAVAILABLE meanwhile; then the seal, roll-up and scans all complete`, async () => {
    const token = await login(api!.url);
    const held = await holdSealAndRollup(db, { hubId, loadId: lanes[0]!.loadId, bucket: "1" });
    // The worker's seal (its load locked, its items read) and roll-up wait inside their transactions.
    await waitFor("the seal and the roll-up inside their transactions", async () => {
      const h = await heldInside(db);
      return h.seal >= 1 && h.rollup >= 1;
    }, scaled(60_000), 100, explain);
    // Scans flow before the stop, are refused during it (and sent again) and go on after.
    const scanner = startScanner(api!.url, token, trips.slice(0, SCAN_PARCELS / 2));
    await waitFor("scans acknowledged", async () => scanner.acked() >= 4, scaled(30_000), 50, explain);

    pg.stop("fast");
    const stoppedAt = Date.now();
    let checks = 0;
    while (Date.now() - stoppedAt < OUTAGE_MS) {
      const readyNow = await fetch(`${api!.url}/ready`);
      expect(readyNow.status).toBe(503);
      expect(await readyNow.json()).toMatchObject({ ok: false, postgres: "down", redis: "up", errors: { postgres: "PostgreSQL is not reachable" } });
      // A procedure anyone may call, a sign-in, and a signed-in caller (its session is looked up in the database).
      const track = await fetch(`${api!.url}/trpc/tracking.lookup?input=${encodeURIComponent(JSON.stringify({ waybillNo: world.waybills[0], phoneLast4: "0000" }))}`);
      expectUnavailable("tracking.lookup", track.status, await track.text());
      const signIn = await fetch(`${api!.url}/trpc/auth.login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "proof_manager", password: "x-wrong-1" }),
      });
      expectUnavailable("auth.login", signIn.status, await signIn.text());
      const me = await fetch(`${api!.url}/trpc/auth.me`, { headers: { authorization: `Bearer ${token}` } });
      expectUnavailable("auth.me (signed in)", me.status, await me.text());
      const scan = await sendScans(api!.url, token, [trips[SCAN_PARCELS - 1]![0]!], false);
      expectUnavailable("scan.record (signed in)", scan.status, scan.body);
      // A plain route behind a sign-in: the labels PDF.
      const labels = await fetch(`${api!.url}/labels.pdf?waybills=${world.waybills[0]}`, { headers: { authorization: `Bearer ${token}` } });
      expect(labels.status).toBe(503);
      expect(await labels.json()).toEqual({ error: MESSAGE, appCode: "UNAVAILABLE", field: null });
      expect(worker!.alive(), `the worker died:\n${worker!.output()}`).toBe(true);
      checks++;
      await new Promise((r) => setTimeout(r, 1_000));
    }
    expect(checks).toBeGreaterThan(0);
    await held.release();

    pg.start();
    await ready();
    await scanner.done;
    expect(scanner.statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    expect(scanner.statuses).toContain(503);
    await expectAllDone(lanes[0]!, held, scanner.sent);
  }, scaled(180_000));

  it("immediate shutdown (a crash) and restart: the same processes finish the interrupted seal, roll-up and scans", async () => {
    const token = await login(api!.url);
    const held = await holdSealAndRollup(db, { hubId, loadId: lanes[1]!.loadId, bucket: "2" });
    await waitFor("the seal and the roll-up inside their transactions", async () => {
      const h = await heldInside(db);
      return h.seal >= 1 && h.rollup >= 1;
    }, scaled(60_000), 100, explain);
    const scanner = startScanner(api!.url, token, trips.slice(SCAN_PARCELS / 2, SCAN_PARCELS - 1));
    await waitFor("scans acknowledged", async () => scanner.acked() >= 4, scaled(30_000), 50, explain);

    // No clean shutdown: every connection drops at once and the server replays its WAL on the way up.
    pg.restart("immediate");
    await held.release();
    await ready();
    await scanner.done;
    expect(scanner.statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    await expectAllDone(lanes[1]!, held, scanner.sent);

    // The pickup notices of every parcel that reached the shelf, over both restarts: outbox, relay and worker all work.
    const shelved = await db.scanEvent.count({ where: { action: "ARRIVE", nodeId: world.nodes.P200, outcome: "OK" } });
    expect(shelved).toBeGreaterThanOrEqual(SCAN_PARCELS / 2);
    await waitFor("a pickup notice per shelved parcel", async () => (await db.notification.count()) === shelved, scaled(60_000), 250, explain);
  }, scaled(180_000));
});
