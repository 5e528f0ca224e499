// A county day through consolidation via BullMQ: 100,000 parcels on the Gaizhou demo network
// (70% at the hub for the trunk lanes, 30% already at the township stations for the milk runs; four
// carriers) go assign → seal → plan (each vehicle) → manifest, run by in-process BullMQ workers,
// against bare no-op BullMQ jobs in the same run, same worker concurrency. Afterwards every parcel
// must be in exactly one load. Run: pnpm bench consolidation  (XD_BENCH_DAY_PARCELS changes the size).
import { randomUUID } from "node:crypto";
import { Queue, Worker } from "bullmq";
import { importManifest, silentLogger } from "@xiangda/api";
import { pgPool } from "@xiangda/db";
import { createTestDatabase } from "@xiangda/db/testing";
import {
  consolidationAssign,
  consolidationManifest,
  consolidationSeal,
  createProducerConnection,
  createWorkerConnection,
  enqueue,
  Queues,
} from "@xiangda/jobs";
import { seedDemo } from "../../apps/api/src/seed/seed-demo.ts";
import { startWorkers } from "../../apps/worker/src/start.ts";
import { loggingSender } from "../../apps/worker/src/notify/sender.ts";
import { machineLine, writeSection } from "../lib/results.ts";

const PARCELS = Number(process.env.XD_BENCH_DAY_PARCELS ?? 100_000);
const CONCURRENCY = 8;
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:56379";

const tdb = await createTestDatabase({ poolSize: 20 });
const producer = createProducerConnection(redisUrl);
const prefix = `xdbenchday${Date.now()}`;
const queues = new Queues(producer, prefix);
const pool = pgPool(tdb.db);
const log = (m: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${m}`);
try {
  log("seeding the Gaizhou demo network…");
  await seedDemo(tdb.db);
  const county = "210881";
  const points = (
    await tdb.db.node.findMany({ where: { tier: "VILLAGE_POINT", status: "ACTIVE" }, select: { areaCode: true, parentId: true } })
  ).filter((p) => p.parentId);
  // Four carriers, waybill numbers in each one's own format.
  const carriers: [string, (i: number) => string][] = [
    ["ZTO", (i) => `7${String(10_000_000_000 + i)}`],
    ["YTO", (i) => `YT${String(1_000_000_000_000 + i)}`],
    ["YUNDA", (i) => `31${String(10_000_000_000 + i)}`],
    ["CHINA_POST", (i) => `1${String(100_000_000_000 + i)}`],
  ];
  // Trucks and vans enough for a peak day (the demo fleet is sized for the demo's traffic).
  const hub = await tdb.db.node.findFirstOrThrow({ where: { code: "GZ-HUB" } });
  const stations = await tdb.db.node.findMany({ where: { tier: "TOWNSHIP_STATION" } });
  await tdb.db.vehicle.createMany({
    data: [
      ...Array.from({ length: 60 }, (_, i) => ({
        countyCode: county,
        number: `BENCH-T${i}`,
        plate: `辽H9${String(1000 + i)}`,
        homeNodeId: hub.id,
        capacityKg: 8000,
        capacityL: 45_000,
      })),
      ...stations.flatMap((s, k) =>
        Array.from({ length: 3 }, (_, i) => ({
          countyCode: county,
          number: `BENCH-V${k}-${i}`,
          plate: `辽H8${String(1000 + k * 3 + i)}`,
          homeNodeId: s.id,
          capacityKg: 1500,
          capacityL: 9000,
        })),
      ),
    ],
  });

  log(`importing ${PARCELS.toLocaleString()} parcels from four carriers' manifests…`);
  for (const [k, [carrier, waybill]] of carriers.entries()) {
    const n = Math.floor(PARCELS / carriers.length) + (k < PARCELS % carriers.length ? 1 : 0);
    for (let start = 0; start < n; start += 10_000) {
      const rows = ["waybillNo,recipientName,recipientPhone,villageCode,weightG"];
      for (let i = start; i < Math.min(n, start + 10_000); i++) {
        const w = 200 + ((i * 7919) % 2800);
        rows.push(`${waybill(i)},收件人,138${String(10_000_000 + i).slice(-8)},${points[(i * 31 + k) % points.length]!.areaCode},${w}`);
      }
      const res = await importManifest(tdb.db, {
        countyCode: county,
        carrierCode: carrier,
        fileName: "day.csv",
        data: Buffer.from(rows.join("\n")),
        actor: null,
        now: new Date("2026-11-23T22:00:00Z"),
      });
      if (res.errors.length) throw new Error(`manifest rejected: ${JSON.stringify(res.errors.slice(0, 3))}`);
    }
  }
  // 30% arrived at their stations already (their trunk leg travelled): they wait for the milk runs.
  await pool.query(`
    WITH pick AS (SELECT id FROM "Shipment" WHERE "routeError" IS NULL AND abs(hashtext(id::text)) % 10 < 3)
    , first AS (UPDATE "ShipmentLeg" l SET status = 'ARRIVED', "actualDepart" = l."plannedDepart", "actualArrive" = l."plannedArrive" FROM pick WHERE l."shipmentId" = pick.id AND l.seq = 0 RETURNING l."shipmentId", l."toNodeId")
    UPDATE "Shipment" s SET "currentNodeId" = first."toNodeId", status = 'AT_NODE' FROM first WHERE s.id = first."shipmentId"`);
  const routed = (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Shipment" WHERE "routeError" IS NULL`)).rows[0]!.n;
  await pool.query("ANALYZE");
  log(`${routed.toLocaleString()} routed parcels ready`);
  if (!routed) throw new Error("no parcels to consolidate");

  // 1. Baseline: bare no-op BullMQ jobs, as many as parcels, same concurrency.
  const noopConn = createWorkerConnection(redisUrl);
  let noopDone = 0;
  const noopFinished = new Promise<void>((resolve) => {
    const w = new Worker("noop", async () => undefined, { connection: noopConn, prefix, concurrency: CONCURRENCY });
    w.on("completed", () => {
      if (++noopDone === routed) void w.close().then(() => resolve());
    });
  });
  const nq = new Queue("noop", { connection: producer, prefix });
  let t = performance.now();
  for (let i = 0; i < routed; i += 1000)
    await nq.addBulk(
      Array.from({ length: Math.min(1000, routed - i) }, (_, k) => ({
        name: "noop",
        data: { i: i + k },
        opts: { removeOnComplete: true },
      })),
    );
  await noopFinished;
  const noopSecs = (performance.now() - t) / 1000;
  await nq.close();
  noopConn.disconnect();
  log(`no-op jobs: ${Math.round(routed / noopSecs)}/s`);

  // 2. The day through the real workers: one assignment sweep, a seal per load (a flow each), plans, manifests.
  const connection = createWorkerConnection(redisUrl);
  const handle = startWorkers(
    { db: tdb.db, queues, sender: loggingSender(tdb.db, () => {}), log: silentLogger },
    { connection, prefix, queues: ["consolidation"], relay: false, concurrency: { consolidation: CONCURRENCY } },
  );
  t = performance.now();
  await enqueue(queues, consolidationAssign, { countyCode: county, key: randomUUID() });
  const q = queues.get("consolidation");
  const waitFor = async (cond: () => Promise<boolean>) => {
    while (!(await cond())) await new Promise((r) => setTimeout(r, 200));
  };
  await waitFor(async () => ((await q.getJobCounts("completed")).completed ?? 0) >= 1);
  const assignSecs = (performance.now() - t) / 1000;
  const loads = (await pool.query<{ id: string; milkRun: boolean }>(`SELECT id, "milkRun" FROM "Load"`)).rows;
  await q.addBulk(
    loads.map((l) => ({
      name: consolidationSeal.name,
      data: { loadId: l.id },
      opts: { jobId: consolidationSeal.jobId({ loadId: l.id }) },
    })),
  );
  await waitFor(
    async () =>
      (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Load" WHERE status = 'PLANNED'`)).rows[0]!.n === loads.length,
  );
  const daySecs = (performance.now() - t) / 1000;
  await handle.close();
  connection.disconnect();
  log(`day: ${Math.round(routed / daySecs)} parcels/s (${daySecs.toFixed(1)} s)`);

  // 3. Checks: every parcel in exactly one load; figures.
  const per = (
    await pool.query<{ n: number; c: number }>(
      `SELECT n, count(*)::int AS c FROM (SELECT s.id, count(i.id) FILTER (WHERE i.status = 'ASSIGNED')::int AS n FROM "Shipment" s LEFT JOIN "LoadItem" i ON i."shipmentId" = s.id WHERE s."routeError" IS NULL GROUP BY s.id) x GROUP BY n ORDER BY n`,
    )
  ).rows;
  const rolled = (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "LoadItem" WHERE status = 'ROLLED'`)).rows[0]!.n;
  const fig = (
    await pool.query<{
      loads: number;
      milk: number;
      vehicles: number;
      km: number;
      baseKm: number;
      trips: number;
      baseTrips: number;
      fill: number;
      empty: number;
    }>(`
    SELECT count(*)::int AS loads, count(*) FILTER (WHERE "milkRun")::int AS milk,
      sum((report->>'vehicles')::int)::int AS vehicles, sum((report->>'plannedKm')::float) AS km, sum((report->'baseline'->>'km')::float) AS "baseKm",
      sum((report->>'vehicles')::int)::int AS trips, sum((report->'baseline'->>'trips')::int)::int AS "baseTrips",
      avg((report->>'fillWeight')::float) FILTER (WHERE (report->>'vehicles')::int > 0) AS fill, sum((report->>'emptyKm')::float) AS empty
    FROM "Load"`)
  ).rows[0]!;
  const flows = await queues.get(consolidationManifest.queue).getJobCounts("completed", "failed");
  const exactlyOne = per.length === 1 && per[0]?.n === 1 && per[0].c === routed;
  const r = (x: number) => Math.round(x).toLocaleString("en-US");
  writeSection(
    "consolidation",
    `## Consolidation day (\`consolidation.assign\` → \`.seal\` → \`.plan\` → \`.manifest\`)

${r(routed)} parcels of four carriers on the Gaizhou demo network (70% at the hub for the trunk lanes, 30% at their township
stations for the milk runs), through real BullMQ workers in one process (concurrency ${CONCURRENCY}) on real PostgreSQL and Redis:
one assignment sweep, then one seal per load, each a flow of a plan per vehicle and the manifest (figures and the per-carrier
baseline). The baseline in the same run: as many bare no-op BullMQ jobs through a worker of the same concurrency.

- Machine: ${machineLine()}
- Command: \`pnpm bench consolidation\` (\`XD_BENCH_DAY_PARCELS\` changes the size)

| measure | value | baseline (same run) | ratio | goal |
|---|---|---|---|---|
| parcels/s, assign → seal → plan → manifest (${daySecs.toFixed(1)} s; assignment ${assignSecs.toFixed(1)} s) | ${r(routed / daySecs)} | no-op BullMQ jobs: ${r(routed / noopSecs)}/s | ${(routed / daySecs / (routed / noopSecs)).toFixed(2)} | ≥ 0.30 |
| every parcel in exactly one load | ${exactlyOne ? "yes" : "NO"} (${per.map((p) => `${r(p.c)} in ${p.n}`).join(", ")}; rolled ${r(rolled)}) | | | |
| loads (milk runs) / vehicles used / consolidation jobs completed | ${r(fig.loads)} (${r(fig.milk)}) / ${r(fig.vehicles)} / ${r(flows.completed ?? 0)}${flows.failed ? `, ${flows.failed} failed` : ""} | | | |
| trips: shared / each carrier alone | ${r(fig.trips)} / ${r(fig.baseTrips)} | | ${fig.baseTrips ? (1 - fig.trips / fig.baseTrips).toFixed(2) : "–"} saved | |
| planned km: shared / each carrier alone | ${r(fig.km)} / ${r(fig.baseKm)} | | ${fig.baseKm ? (1 - fig.km / fig.baseKm).toFixed(2) : "–"} saved | |
| mean fill by weight; empty running | ${(fig.fill * 100).toFixed(0)}%; ${fig.km ? ((fig.empty / fig.km) * 100).toFixed(0) : 0}% of km | | | |
`,
  );
  if (!exactlyOne) process.exitCode = 1;
} finally {
  await queues.close();
  producer.disconnect();
  await tdb.drop();
}
