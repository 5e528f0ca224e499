// SIGTERM to the real API and worker processes: the API stops taking connections, finishes the requests in
// flight (batches of 500 scans, a sheet of 500 labels) with 200 and exits 0; the worker finishes the job it
// is running (sealing a load of 3,000 parcels) instead of leaving it active or stalled, then exits 0.
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { assignReady, runFileImport } from "@xiangda/api";
import { pgPool } from "@xiangda/db";
import { createTestDatabase, testRedisPrefix, type TestDatabase } from "@xiangda/db/testing";
import { consolidationSeal } from "@xiangda/jobs";
import { startApi, startWorker, stopProc, waitFor, type ApiProc, type Proc, type StackEnv } from "./lib/processes.ts";
import { addParcels, COUNTY, journey, login, seedScanWorld, sendScans, type ScanWorld } from "./lib/world.ts";
import { scaled } from "@xiangda/config/testing";

const BATCHES = 4;
const SEAL_PARCELS = 3000;
const LABELS = Number(process.env.XD_PROOF_LABELS ?? 60);

let tdb: TestDatabase;
let env: StackEnv;
let world: ScanWorld;
let api: ApiProc | undefined;
let worker: Proc | undefined;

beforeAll(async () => {
  tdb = await createTestDatabase({ poolSize: 4 });
  env = { DATABASE_URL: tdb.url, REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:56379", REDIS_PREFIX: testRedisPrefix() };
  world = await seedScanWorld(tdb.db, BATCHES * 500);
}, scaled(90_000));

afterAll(async () => {
  await Promise.all([stopProc(api), stopProc(worker)]);
  await tdb?.drop();
});

/// Resolves true when a new TCP connection to the port is refused.
const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = connect(port, "127.0.0.1");
    s.once("connect", () => {
      s.destroy();
      resolve(false);
    });
    s.once("error", (e: NodeJS.ErrnoException) => resolve(e.code === "ECONNREFUSED"));
  });

/// Active statements of other sessions on the test database: the server is working on what we sent.
async function activeQueries(): Promise<number> {
  const r = await pgPool(tdb.db).query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active'`,
  );
  return r.rows[0]!.n;
}

describe("SIGTERM to the API", () => {
  it("finishes the requests in flight with 200, refuses new connections, then exits 0", async () => {
    // At info level the API logs each request as it reaches it: the signal comes only once all five have.
    api = await startApi(env, { LOG_LEVEL: "info" });
    let log = "";
    api.child.stdout!.on("data", (d: Buffer) => (log += d.toString()));
    const arrived = () =>
      log.split("\n").filter((l) => l.includes('"incoming request"') && /"url":"\/(trpc\/scan\.recordBatch|labels\.pdf)/.test(l)).length;
    const token = await login(api.url);
    const headers = { authorization: `Bearer ${token}` };
    const batches = Array.from({ length: BATCHES }, (_, b) =>
      world.waybills.slice(b * 500, (b + 1) * 500).map((wb) => journey(world, wb)[0]!),
    );
    const labels = (await tdb.db.shipment.findMany({ select: { waybillNo: true }, take: LABELS })).map((s) => s.waybillNo).join(",");
    // A sheet of 500 labels (seconds of PDF work) and four batches of 500 scans, all sent at once.
    const started = Date.now();
    const inFlight = [
      fetch(`${api.url}/labels.pdf?waybills=${labels}&size=100x150`, { headers }).then(async (r) => ({
        status: r.status,
        kind: "labels",
        bytes: (await r.arrayBuffer()).byteLength,
        at: Date.now(),
      })),
      ...batches.map((scans) =>
        sendScans(api!.url, token, scans, true).then((r) => ({
          status: r.status,
          kind: "scans",
          ok: r.results.filter((x) => x.outcome === "OK").length,
          at: Date.now(),
        })),
      ),
    ];
    await waitFor("all five requests received", async () => arrived() === BATCHES + 1, 20_000, 5);
    await waitFor("the server working on them", async () => (await activeQueries()) > 0 || Date.now() - started > 400, 10_000, 5);
    const signalledAt = Date.now();
    api.kill("SIGTERM");
    // While the in-flight requests finish: the listening socket is closed.
    await waitFor("new connections refused", async () => refused(api!.port), 5_000, 20);
    expect(api.alive()).toBe(true);

    const done = await Promise.all(inFlight);
    expect(done.map((d) => d.status)).toEqual(Array(BATCHES + 1).fill(200));
    expect(done.filter((d) => "ok" in d).map((d) => (d as { ok: number }).ok)).toEqual(Array(BATCHES).fill(500));
    expect((done[0] as { bytes: number }).bytes).toBeGreaterThan(10_000);
    // The sheet was still being made when the signal came.
    expect(done[0]!.at).toBeGreaterThan(signalledAt);
    // Exits as soon as they are answered (not after clients drop their keep-alive connections).
    expect(await api.exited, api.output()).toEqual({ code: 0, signal: null });
    expect(Date.now() - Math.max(...done.map((d) => d.at))).toBeLessThan(3_000);
    expect(await tdb.db.scanEvent.count()).toBe(BATCHES * 500);
  }, scaled(60_000));
});

describe("SIGTERM to the worker", () => {
  it("finishes the job it is running (sealing 3,000 parcels), then exits 0", async () => {
    const csv = (s: string) => ({ name: "f.csv", data: Buffer.from(s) });
    const fleet = [
      "number,plate,homeNode,capacityKg,capacityM3,cold,energy",
      ...Array.from({ length: 6 }, (_, i) => `V${i},辽H5678${i},HUB,1500,9,none,fuel`),
    ].join("\n");
    expect((await runFileImport(tdb.db, { kind: "vehicles", file: csv(fleet) })).errors).toEqual([]);
    await addParcels(tdb.db, SEAL_PARCELS, 900_000);
    await assignReady(tdb.db, { countyCode: COUNTY, now: new Date() });
    // Every parcel still at the hub (these and those the API test did not scan away) rides the next trunk departure.
    const load = await tdb.db.load.findFirstOrThrow({
      where: { status: "OPEN", items: { some: {} } },
      orderBy: { items: { _count: "desc" } },
    });
    expect(await tdb.db.loadItem.count({ where: { loadId: load.id } })).toBeGreaterThanOrEqual(SEAL_PARCELS);

    worker = startWorker(env);
    const conn = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue(consolidationSeal.queue, { connection: conn, prefix: env.REDIS_PREFIX });
    try {
      const jobId = consolidationSeal.jobId({ loadId: load.id });
      await queue.add(consolidationSeal.name, { loadId: load.id }, { jobId });
      await waitFor("the seal running", async () => (await queue.getJobState(jobId)) === "active", 60_000, 5);
      const signalledAt = Date.now();
      worker.kill("SIGTERM");
      const exit = await worker.exited;
      expect(exit, worker.output()).toEqual({ code: 0, signal: null });
      const job = await queue.getJob(jobId);
      expect(await job!.getState()).toBe("completed");
      expect(job!.finishedOn).toBeGreaterThan(signalledAt);
      expect(job!.attemptsMade).toBe(1);
      const sealed = await tdb.db.load.findUniqueOrThrow({ where: { id: load.id } });
      expect(["SEALED", "PLANNED"]).toContain(sealed.status);
      expect(await tdb.db.loadItem.count({ where: { loadId: load.id, status: "ASSIGNED", loadVehicleId: null } })).toBe(0);
      // Nothing is left active for another worker to take over as stalled.
      expect(await queue.getJobCounts("active", "failed")).toEqual({ active: 0, failed: 0 });
    } finally {
      await queue.close();
      conn.disconnect();
    }
  }, scaled(90_000));
});
