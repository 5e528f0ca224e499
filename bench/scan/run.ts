// Scan ingestion through the real HTTP API (auth, validation, state machine, idempotency, outbox)
// against baselines measured in the same run: a raw multi-row INSERT of the same rows, and a bare
// tRPC query. Run: pnpm bench scan  (needs `pnpm services up`).
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { pino } from "pino";
import { buildServer } from "../../apps/api/src/server.ts";
import { seedDemo } from "../../apps/api/src/seed/seed-demo.ts";
import { cpuMark, cpuPer } from "../lib/cpu.ts";
import { machineLine, percentile, writeSection } from "../lib/results.ts";
import { benchWorld, importHubParcels } from "../lib/world.ts";

const PARCELS = Number(process.env.XD_BENCH_PARCELS ?? 8000);
/// The raw baseline is fast: it inserts this many times the rows so that its timing spans long enough to be steady.
const RAW_ROUNDS = 4;
const BATCH = 500;
const BATCH_CONC = 4;
/// Scans sent (and raw rows inserted) before measuring, so neither side is timed while the JIT warms up.
const WARM = 2000;

const { tdb, redis, deps } = await benchWorld(30);
try {
  console.log("seeding the Gaizhou demo network…");
  await seedDemo(tdb.db);
  const created = await importHubParcels(tdb.db, { count: PARCELS * 2 + WARM, firstNo: 10_000_000_000, fileName: "bench.csv" });
  console.log(`parcels at the hub: ${created}`);
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
  const chunked = (list: string[]) => {
    const out: string[][] = [];
    for (let i = 0; i < list.length; i += BATCH) out.push(list.slice(i, i + BATCH));
    return out;
  };
  const chunks = chunked(batchParcels);
  const inFlight = async (fn: (chunk: string[]) => Promise<void>, list = chunks) => {
    let next = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: BATCH_CONC }, async () => {
        while (next < list.length) await fn(list[next++]!);
      }),
    );
    return (performance.now() - start) / 1000;
  };
  const sendBatch = async (chunk: string[]) => {
    const res = await fetch(`${base}/trpc/scan.recordBatch`, {
      method: "POST",
      headers,
      body: JSON.stringify({ scans: chunk.map(scanInput) }),
    });
    const body = (await res.json()) as { result: { data: { results: { outcome: string }[] } } };
    return body.result.data.results.filter((r) => r.outcome === "OK").length;
  };
  await inFlight(async (chunk) => void (await sendBatch(chunk)), chunked(parcels.slice(PARCELS + 1500, PARCELS + 1500 + WARM)));
  let ok = 0;
  const batchStartedAt = new Date();
  const batchCpu0 = cpuMark();
  const batchSecs = await inFlight(async (chunk) => {
    const n = await sendBatch(chunk); // not `ok += await …`: that reads ok before the await and loses counts
    ok += n;
  });
  const batchCpu = cpuPer(batchCpu0, cpuMark(), chunks.length);
  const batchRate = batchParcels.length / batchSecs;

  // Baseline: a raw multi-row INSERT of the same rows: the scan records the API just stored, every column as stored
  // (a fresh clientScanId each), 500 a statement, the same number in flight.
  const stored = await tdb.db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT "userId", "nodeId", code, action, "vehicleId", "deviceAt", "receivedAt", outcome, message, "shipmentId", result::text AS result
       FROM "ScanEvent" WHERE "receivedAt" >= $1 ORDER BY id LIMIT ${batchParcels.length}`,
    batchStartedAt,
  );
  const storedChunks: (typeof stored)[] = [];
  for (let i = 0; i < stored.length; i += BATCH) storedChunks.push(stored.slice(i, i + BATCH));
  const raw = new pg.Pool({ connectionString: tdb.url, max: BATCH_CONC });
  // Statements and values are built before the clock starts: only the INSERTs themselves are timed.
  const iso = (d: unknown) => (d instanceof Date ? d.toISOString() : d);
  const rawStatements = (n: number) =>
    Array.from({ length: n }, (_, c) => {
      const rowsOf = storedChunks[c % storedChunks.length]!;
      const values: unknown[] = [];
      const tuples = rowsOf.map((r, j) => {
        const k = j * 12;
        values.push(
          randomUUID(),
          r.userId,
          r.nodeId,
          r.code,
          r.action,
          r.vehicleId,
          iso(r.deviceAt),
          iso(r.receivedAt),
          r.outcome,
          r.message,
          r.shipmentId,
          r.result,
        );
        return `($${k + 1}::uuid,$${k + 2}::uuid,$${k + 3}::uuid,$${k + 4},$${k + 5},$${k + 6}::uuid,$${k + 7}::timestamptz,$${k + 8}::timestamptz,$${k + 9},$${k + 10},$${k + 11}::uuid,$${k + 12}::jsonb)`;
      });
      return {
        text: `INSERT INTO "ScanEvent" ("clientScanId","userId","nodeId",code,action,"vehicleId","deviceAt","receivedAt",outcome,message,"shipmentId",result) VALUES ${tuples.join(",")}`,
        values,
      };
    });
  const warmStatements = rawStatements(Math.ceil(WARM / BATCH));
  const timedStatements = rawStatements(chunks.length * RAW_ROUNDS);
  const rawInsert = (list: { text: string; values: unknown[] }[]) => {
    let next = 0;
    return async () => void (await raw.query(list[next++]!));
  };
  await inFlight(rawInsert(warmStatements), chunked(parcels.slice(0, WARM)));
  const rawCpu0 = cpuMark();
  const rawSecs = await inFlight(
    rawInsert(timedStatements),
    timedStatements.map(() => []),
  );
  const rawCpu = cpuPer(rawCpu0, cpuMark(), timedStatements.length);
  const rawRate = (batchParcels.length * RAW_ROUNDS) / rawSecs;
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
| batched ingestion over HTTP, scans/s (500 per call, ${BATCH_CONC} calls in flight, DEPART at the hub; ${ok} OK) | ${r(batchRate)} | raw multi-row INSERT of the same rows (every column as the API stored them), ${BATCH_CONC} in flight: ${r(rawRate)} rows/s | ${(batchRate / rawRate).toFixed(3)} | ≥ 0.25 |
| CPU per call of 500: this process (API and the bench's client), PostgreSQL | ${batchCpu.nodeMs.toFixed(1)} ms, ${batchCpu.postgresMs.toFixed(1)} ms | raw INSERT: ${rawCpu.nodeMs.toFixed(1)} ms, ${rawCpu.postgresMs.toFixed(1)} ms | ${((rawCpu.nodeMs + rawCpu.postgresMs) / (batchCpu.nodeMs + batchCpu.postgresMs)).toFixed(3)} | |
| single scans over HTTP, scans/s (16 concurrent) | ${r(singleRate)} | bare tRPC query \`auth.me\`: ${r(queryRate)} req/s | ${(singleRate / queryRate).toFixed(3)} | ≥ 0.50 |
${latencies.map((l) => `| single-scan latency at ${l.rate} scans/s offered (achieved ${r(l.achieved)}/s, ${l.lat.length} scans) | p50 ${percentile(l.lat, 50).toFixed(1)} ms, p99 ${percentile(l.lat, 99).toFixed(1)} ms | | | |`).join("\n")}

Both sides first run ${WARM} scans (and as many raw rows) untimed, so neither is timed while the JIT warms up. The raw
baseline inserts the very rows the API stored (every column, the full result JSON; a fresh clientScanId each), 500 per
statement with its values built before the clock starts, ${RAW_ROUNDS} times over so that its short timing steadies. The CPU line splits each side's cost per call between this
process (for the API: the server and the bench's own HTTP client) and PostgreSQL's processes (\`/proc\`); the machine
has 2 cores, so throughput follows the sum.

The bare query is \`auth.me\` (the session lookup, then the caller's user row with county, node and merchant through
Prisma). A scan call is two statements whatever its size (one read of every parcel, leg, last scan, stored result and
node; one atomic write of parcels, legs, timeline, outbox and scan records, guarded by the rows' versions, with each
table's rows sent as one JSON array), plus the session lookup and the audit row. A scan's timeline entry is its scan
record (no copy into \`ShipmentEvent\`), and \`Shipment\`'s light, sender-ID and finished indexes are partial (its
creation-time index is a BRIN), so each scan's non-HOT update touches few indexes. Figures move by ±20% between runs on
a shared machine; the ratios, taken in the same run, move less. At 500 scans/s offered the machine (client and server in
one process on 2 cores, with PostgreSQL) may saturate, so requests queue; at 100/s it keeps up.
`,
  );
  console.log({
    batchRate,
    rawRate,
    batchCpu,
    rawCpu,
    singleRate,
    queryRate,
    latencies: latencies.map((l) => ({ rate: l.rate, achieved: l.achieved, p50: percentile(l.lat, 50), p99: percentile(l.lat, 99) })),
  });
} finally {
  await deps.queues.close();
  redis.disconnect();
  await tdb.drop();
}
