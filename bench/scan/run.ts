// Scan ingestion through the real HTTP API (auth, validation, state machine, idempotency, outbox)
// against baselines measured in the same run: a raw multi-row INSERT of the same rows, and a bare
// tRPC query. Run: pnpm bench scan  (needs `pnpm services up`).
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { pino } from "pino";
import { dataKeyFrom, importManifest, silentLogger, type Deps } from "@xiangda/api";
import { createTestDatabase } from "@xiangda/db/testing";
import { createProducerConnection, Queues } from "@xiangda/jobs";
import { buildServer } from "../../apps/api/src/server.ts";
import { seedDemo } from "../../apps/api/src/seed/seed-demo.ts";
import { machineLine, percentile, writeSection } from "../lib/results.ts";

const PARCELS = Number(process.env.XD_BENCH_PARCELS ?? 4000);
const BATCH = 500;
const BATCH_CONC = 4;

const tdb = await createTestDatabase({ poolSize: 30 });
const redis = createProducerConnection(process.env.REDIS_URL ?? "redis://127.0.0.1:56379");
const prefix = `xdbench${Date.now()}`;
const deps: Deps = {
  db: tdb.db,
  redis,
  redisPrefix: prefix,
  queues: new Queues(redis, prefix),
  log: silentLogger,
  sessionTtlHours: 12,
  dataKey: dataKeyFrom(undefined, "development"),
  now: () => new Date(),
};
try {
  console.log("seeding the Gaizhou demo network…");
  await seedDemo(tdb.db);
  const villages = (await tdb.db.node.findMany({ where: { tier: "VILLAGE_POINT", status: "ACTIVE" }, select: { areaCode: true } })).map(
    (n) => n.areaCode,
  );
  const rows = ["waybillNo,recipientName,recipientPhone,villageCode,weightG"];
  for (let i = 0; i < PARCELS * 2; i++)
    rows.push(
      `7${String(10_000_000_000 + i)},收件人,138${String(10_000_000 + i).slice(-8)},${villages[i % villages.length]},${500 + (i % 2000)}`,
    );
  const imported = await importManifest(tdb.db, {
    countyCode: "210881",
    carrierCode: "ZTO",
    fileName: "bench.csv",
    data: Buffer.from(rows.join("\n")),
    actor: null,
    now: new Date(),
  });
  console.log(`parcels at the hub: ${imported.created}`);
  await tdb.db.$executeRawUnsafe("ANALYZE");
  const parcels = (
    await tdb.db.shipment.findMany({ where: { routeError: null }, select: { waybillNo: true }, orderBy: { waybillNo: "asc" } })
  ).map((s) => s.waybillNo);
  const hub = await tdb.db.node.findFirstOrThrow({ where: { code: "GZ-HUB" } });

  const app = await buildServer(deps, { logger: pino({ level: "silent" }), webDist: null });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const login = await fetch(`${base}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "manager", password: "manager123" }),
  });
  const token = ((await login.json()) as { result: { data: { token: string } } }).result.data.token;
  const headers = { "content-type": "application/json", authorization: `Bearer ${token}` };
  const scanInput = (code: string) => ({
    clientScanId: randomUUID(),
    code,
    action: "DEPART",
    nodeId: hub.id,
    at: new Date().toISOString(),
  });

  // 1. Batched ingestion over HTTP: DEPART at the hub for PARCELS parcels, 500 a call, BATCH_CONC
  //    calls in flight (as several stations syncing at once); the baseline runs the same way.
  const batchParcels = parcels.slice(0, PARCELS);
  const chunks: string[][] = [];
  for (let i = 0; i < batchParcels.length; i += BATCH) chunks.push(batchParcels.slice(i, i + BATCH));
  const inFlight = async (fn: (chunk: string[]) => Promise<void>) => {
    let next = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: BATCH_CONC }, async () => {
        while (next < chunks.length) await fn(chunks[next++]!);
      }),
    );
    return (performance.now() - start) / 1000;
  };
  let ok = 0;
  const batchSecs = await inFlight(async (chunk) => {
    const res = await fetch(`${base}/trpc/scan.recordBatch`, {
      method: "POST",
      headers,
      body: JSON.stringify({ scans: chunk.map(scanInput) }),
    });
    const body = (await res.json()) as { result: { data: { results: { outcome: string }[] } } };
    ok += body.result.data.results.filter((r) => r.outcome === "OK").length;
  });
  const batchRate = batchParcels.length / batchSecs;

  // Baseline: a raw multi-row INSERT of the same number of scan rows into the same table.
  const raw = new pg.Pool({ connectionString: tdb.url, max: BATCH_CONC });
  const rawSecs = await inFlight(async (chunk) => {
    const values: unknown[] = [];
    const tuples = chunk.map((code, j) => {
      const k = j * 8;
      values.push(randomUUID(), hub.id, code, "DEPART", new Date(), "OK", "departed", JSON.stringify({ outcome: "OK" }));
      return `($${k + 1}::uuid,$${k + 2}::uuid,$${k + 3},$${k + 4},$${k + 5},$${k + 6},$${k + 7},$${k + 8}::jsonb)`;
    });
    await raw.query(
      `INSERT INTO "ScanEvent" ("clientScanId","nodeId","code","action","deviceAt","outcome","message","result") VALUES ${tuples.join(",")}`,
      values,
    );
  });
  const rawRate = batchParcels.length / rawSecs;
  await raw.end();

  // 2. Single scans over HTTP (16 concurrent) against a bare tRPC query (auth.me) in the same run.
  const singles = parcels.slice(PARCELS, PARCELS + 1500);
  const closedLoop = async (n: number, fn: (i: number) => Promise<void>, conc = 16) => {
    let next = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: conc }, async () => {
        while (next < n) await fn(next++);
      }),
    );
    return n / ((performance.now() - start) / 1000);
  };
  const singleRate = await closedLoop(singles.length, async (i) => {
    await (
      await fetch(`${base}/trpc/scan.record`, { method: "POST", headers, body: JSON.stringify(scanInput(singles[i]!)) })
    ).arrayBuffer();
  });
  const queryRate = await closedLoop(singles.length, async () => {
    await (await fetch(`${base}/trpc/auth.me`, { headers })).arrayBuffer();
  });

  // 3. Latency at steady rates (open loop): ARRIVE scans of the parcels that departed; 500/s as the
  //    issue asks, and 100/s, a rate this machine sustains (client and server share its 2 cores).
  const legs = await tdb.db.shipmentLeg.findMany({
    where: { shipment: { waybillNo: { in: batchParcels.slice(0, 1800) } }, seq: 0, status: "DEPARTED" },
    select: { toNodeId: true, shipment: { select: { waybillNo: true } } },
  });
  const openLoop = async (list: typeof legs, rate: number) => {
    const lat: number[] = [];
    const startAt = performance.now();
    await Promise.all(
      list.map(async (l, i) => {
        const due = startAt + (i * 1000) / rate;
        await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
        const t0 = performance.now();
        await (
          await fetch(`${base}/trpc/scan.record`, {
            method: "POST",
            headers,
            body: JSON.stringify({
              clientScanId: randomUUID(),
              code: l.shipment.waybillNo,
              action: "ARRIVE",
              nodeId: l.toNodeId,
              at: new Date().toISOString(),
            }),
          })
        ).arrayBuffer();
        lat.push(performance.now() - t0);
      }),
    );
    lat.sort((a, b) => a - b);
    return { rate, achieved: list.length / ((performance.now() - startAt) / 1000), lat };
  };
  const latencies = [await openLoop(legs.slice(0, 300), 100), await openLoop(legs.slice(300, 1800), 500)];
  await app.close();

  const r = (x: number) => Math.round(x).toLocaleString("en-US");
  writeSection(
    "scan",
    `## Scan ingestion (\`scan.recordBatch\`, \`scan.record\`)

Through the real HTTP API (Fastify + tRPC: bearer session, zod validation, the scan state machine, clientScanId idempotency, legs, timeline, outbox) on the seeded Gaizhou demo, against baselines measured in the same run.

- Machine: ${machineLine()}
- Command: \`pnpm bench scan\` (parcels: ${PARCELS}; \`XD_BENCH_PARCELS\` changes it)

| measure | value | baseline (same run) | ratio | goal |
|---|---|---|---|---|
| batched ingestion over HTTP, scans/s (500 per call, ${BATCH_CONC} calls in flight, DEPART at the hub; ${ok} OK) | ${r(batchRate)} | raw multi-row INSERT of the same rows, ${BATCH_CONC} in flight: ${r(rawRate)} rows/s | ${(batchRate / rawRate).toFixed(3)} | ≥ 0.25 |
| single scans over HTTP, scans/s (16 concurrent) | ${r(singleRate)} | bare tRPC query \`auth.me\`: ${r(queryRate)} req/s | ${(singleRate / queryRate).toFixed(3)} | ≥ 0.50 |
${latencies.map((l) => `| single-scan latency at ${l.rate} scans/s offered (achieved ${r(l.achieved)}/s, ${l.lat.length} scans) | p50 ${percentile(l.lat, 50).toFixed(1)} ms, p99 ${percentile(l.lat, 99).toFixed(1)} ms | | | |`).join("\n")}

The bare query is \`auth.me\` (the session lookup, then the caller's user row with county, node and merchant through
Prisma). A scan call is two statements whatever its size (one read of every parcel, leg, last scan, stored result and
node; one atomic write of parcels, legs, timeline, outbox and scan records, guarded by the rows' versions), plus the
session lookup and the audit row. A scan's timeline entry is its scan record (no copy into \`ShipmentEvent\`), and
\`Shipment\` keeps five full indexes (light and sender-ID indexes are partial), so each scan's non-HOT update touches
fewer of them. Batched ingestion still misses its goal: with the machine otherwise idle the batch path is bound by the
API process's single thread (JSON, validation, decisions, results for 500 scans) while PostgreSQL has headroom; with
other work on the machine the ratio moved from 0.08 to 0.14-0.22 after these changes. At 500 scans/s offered the machine
(client and server in one process on 2 cores, with
PostgreSQL) saturates near 190 single scans/s, so requests queue; at 100/s it keeps up.
`,
  );
  console.log({
    batchRate,
    rawRate,
    singleRate,
    queryRate,
    latencies: latencies.map((l) => ({ rate: l.rate, achieved: l.achieved, p50: percentile(l.lat, 50), p99: percentile(l.lat, 99) })),
  });
} finally {
  await deps.queues.close();
  redis.disconnect();
  await tdb.drop();
}
