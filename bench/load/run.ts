// Load: 200 concurrent scripted scanners for 60 s against the running API (its own process, or several behind a
// round-robin client), each a station session scanning its own parcels along their routes, some scans re-sent
// with the same clientScanId. Afterwards every acknowledged scan is stored exactly once, nothing else is, and no
// answer was a 5xx. Run: pnpm bench load  (XD_LOAD_SECONDS, XD_LOAD_SCANNERS, XD_LOAD_APIS, XD_LOAD_PARCELS).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { pgPool } from "@xiangda/db";
import { createTestDatabase } from "@xiangda/db/testing";
import { seedDemo } from "../../apps/api/src/seed/seed-demo.ts";
import { machineLine, percentile, writeSection } from "../lib/results.ts";
import { importHubParcels } from "../lib/world.ts";

const SECONDS = Number(process.env.XD_LOAD_SECONDS ?? 60);
const SCANNERS = Number(process.env.XD_LOAD_SCANNERS ?? 200);
const APIS = Number(process.env.XD_LOAD_APIS ?? 1);
const PARCELS = Number(process.env.XD_LOAD_PARCELS ?? SCANNERS * 40);
/// Every RESEND-th scan is sent again with the same clientScanId (a handheld that missed the answer).
const RESEND = 10;
/// Every BATCH-th parcel goes as one scan.recordBatch of its whole route (an offline queue syncing).
const BATCH = 20;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => resolve(typeof a === "object" && a ? a.port : 0));
    });
  });
}

/// CPU time (ms) of a child process so far, from /proc (0 elsewhere).
function procCpuMs(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return 0;
  }
}
const apiCpuMs = () => apis.reduce((a, x) => a + procCpuMs(x.child.pid), 0);
/// CPU (ms) of each PostgreSQL backend serving the test database (the API's pooled connections), by pid.
async function backendCpu(): Promise<Map<number, number>> {
  const r = await pgPool(tdb.db).query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );
  return new Map(r.rows.map((x) => [x.pid, procCpuMs(x.pid)]));
}

interface Step {
  clientScanId: string;
  code: string;
  action: "DEPART" | "ARRIVE" | "HANDOVER";
  nodeId: string;
  at: string;
}

const tdb = await createTestDatabase({ poolSize: 5 });
const apis: { child: ChildProcess; url: string }[] = [];
try {
  console.log("seeding the Gaizhou demo network…");
  await seedDemo(tdb.db);
  const created = await importHubParcels(tdb.db, { count: PARCELS, firstNo: 20_000_000_000, fileName: "load.csv" });
  console.log(`parcels at the hub: ${created}`);
  await tdb.db.$executeRawUnsafe("ANALYZE");

  // Each parcel's scans along its planned legs: leave the hub, arrive; handed to a village point, arrive.
  const legs = await tdb.db.shipmentLeg.findMany({
    where: { shipment: { routeError: null } },
    select: { seq: true, fromNodeId: true, toNodeId: true, shipment: { select: { waybillNo: true } } },
    orderBy: [{ shipmentId: "asc" }, { seq: "asc" }],
  });
  const points = new Set((await tdb.db.node.findMany({ where: { tier: "VILLAGE_POINT" }, select: { id: true } })).map((n) => n.id));
  const routes = new Map<string, { from: string; to: string; toPoint: boolean }[]>();
  for (const l of legs) {
    const r = routes.get(l.shipment.waybillNo) ?? [];
    r.push({ from: l.fromNodeId, to: l.toNodeId, toPoint: points.has(l.toNodeId) });
    routes.set(l.shipment.waybillNo, r);
  }
  const parcels = [...routes.keys()];
  const journey = (wb: string): Step[] =>
    routes.get(wb)!.flatMap((l) => [
      {
        clientScanId: randomUUID(),
        code: wb,
        action: l.toPoint ? ("HANDOVER" as const) : ("DEPART" as const),
        nodeId: l.from,
        at: new Date().toISOString(),
      },
      { clientScanId: randomUUID(), code: wb, action: "ARRIVE" as const, nodeId: l.to, at: new Date().toISOString() },
    ]);

  // The API as production runs it: the build (scripts/bundle.mjs, remade when a source changed) under plain node.
  const build = spawnSync(process.execPath, ["scripts/bundle.mjs", "api", "--if-stale"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) throw new Error("the production build failed (node scripts/bundle.mjs api)");
  for (let i = 0; i < APIS; i++) {
    const port = await freePort();
    const child = spawn(process.execPath, ["--enable-source-maps", "apps/api/dist/main.js"], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: tdb.url,
        REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:56379",
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        REDIS_PREFIX: `xdload${Date.now()}`,
        API_HOST: "127.0.0.1",
        API_PORT: String(port),
        LOG_LEVEL: "warn",
        NODE_ENV: "production",
        XD_DATA_KEY: "5a".repeat(32),
        // As behind a load balancer: the scanners' X-Forwarded-For addresses are their own.
        XD_TRUSTED_PROXIES: "127.0.0.1",
      },
      stdio: ["ignore", "inherit", "inherit"],
    });
    apis.push({ child, url: `http://127.0.0.1:${port}` });
  }
  for (const a of apis) {
    for (let t = 0; ; t++) {
      if ((await fetch(`${a.url}/ready`).catch(() => null))?.ok) break;
      if (t > 300) throw new Error(`API ${a.url} did not become ready`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  // One session per scanner (as many handhelds signed in), made before the clock starts.
  const tokens: string[] = [];
  for (let i = 0; i < SCANNERS; i++) {
    const r = await fetch(`${apis[i % APIS]!.url}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": `10.9.${i >> 8}.${i & 255}` },
      body: JSON.stringify({ username: "manager", password: "manager123" }),
    });
    tokens.push(((await r.json()) as { result: { data: { token: string } } }).result.data.token);
  }

  const acked = new Map<string, string>();
  const statuses = new Map<number, number>();
  const latencies: number[] = [];
  let resent = 0;
  let resentMismatch = 0;
  let failures = 0;
  let calls = 0;
  const outcomes = new Map<string, number>();
  const count = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);
  let next = 0;
  const deadline = performance.now() + SECONDS * 1000;

  async function send(
    url: string,
    token: string,
    steps: Step[],
    batch: boolean,
  ): Promise<{ clientScanId: string; outcome: string; message: string }[] | null> {
    const t0 = performance.now();
    try {
      const res = await fetch(`${url}/trpc/${batch ? "scan.recordBatch" : "scan.record"}`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify(batch ? { scans: steps } : steps[0]),
      });
      const text = await res.text();
      latencies.push(performance.now() - t0);
      calls++;
      count(statuses, res.status);
      if (res.status !== 200) return null;
      const data = (JSON.parse(text) as { result: { data: unknown } }).result.data;
      return batch
        ? (data as { results: { clientScanId: string; outcome: string; message: string }[] }).results
        : [data as { clientScanId: string; outcome: string; message: string }];
    } catch {
      failures++;
      return null;
    }
  }

  async function scanner(k: number) {
    const url = apis[k % APIS]!.url;
    const token = tokens[k]!;
    let n = 0;
    while (performance.now() < deadline && next < parcels.length) {
      const p = next++;
      const steps = journey(parcels[p]!);
      const calls = p % BATCH === 0 ? [steps] : steps.map((s) => [s]);
      for (const c of calls) {
        if (performance.now() >= deadline) return;
        const results = await send(url, token, c, c.length > 1);
        if (!results) continue;
        results.forEach((r) => {
          acked.set(r.clientScanId, r.outcome);
          count(outcomes, r.outcome);
        });
        if (++n % RESEND === 0 && c.length === 1) {
          const again = await send(url, token, c, false);
          resent++;
          if (!again || again[0]!.outcome !== results[0]!.outcome || again[0]!.message !== results[0]!.message) resentMismatch++;
        }
      }
    }
  }

  console.log(`${SCANNERS} scanners, ${APIS} API process(es), ${SECONDS} s…`);
  const own0 = process.cpuUsage();
  const api0 = apiCpuMs();
  const pg0 = await backendCpu();
  const started = performance.now();
  await Promise.all(Array.from({ length: SCANNERS }, (_, k) => scanner(k)));
  const elapsed = (performance.now() - started) / 1000;
  const perCall = (ms: number) => ms / Math.max(1, calls);
  const own = process.cpuUsage(own0);
  const cpu = {
    scannersMs: perCall((own.user + own.system) / 1000),
    apiMs: perCall(apiCpuMs() - api0),
    // Backends that ended during the run are missed: a lower bound.
    postgresMs: perCall([...(await backendCpu())].reduce((a, [pid, ms]) => a + ms - (pg0.get(pid) ?? 0), 0)),
  };

  // Afterwards: every acknowledged scan stored exactly once, and nothing stored that was not acknowledged.
  const pool = pgPool(tdb.db);
  const stored = await pool.query<{ total: number; distinct: number; acked: number }>(
    `SELECT count(*)::int AS total, count(DISTINCT "clientScanId")::int AS distinct, count(*) FILTER (WHERE "clientScanId" = ANY($1::uuid[]))::int AS acked FROM "ScanEvent"`,
    [[...acked.keys()]],
  );
  const s = stored.rows[0]!;
  const fivexx = [...statuses].filter(([c]) => c >= 500).reduce((a, [, n]) => a + n, 0);
  const ok =
    s.acked === acked.size && s.total === acked.size && s.distinct === acked.size && fivexx === 0 && failures === 0 && resentMismatch === 0;
  latencies.sort((a, b) => a - b);
  const scansPerSec = acked.size / elapsed;
  const summary = {
    apis: APIS,
    scanners: SCANNERS,
    seconds: Number(elapsed.toFixed(1)),
    calls,
    acknowledged: acked.size,
    stored: s.total,
    distinctStored: s.distinct,
    resent,
    resentMismatch,
    statuses: Object.fromEntries(statuses),
    networkFailures: failures,
    outcomes: Object.fromEntries(outcomes),
    scansPerSec: Math.round(scansPerSec),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    cpu,
    ok,
  };
  console.log(summary);

  const r0 = (x: number) => Math.round(x).toLocaleString("en-US");
  const name = APIS === 1 ? "load" : `load-${APIS}-apis`;
  writeSection(
    name,
    `## Load: ${SCANNERS} concurrent scanners for ${SECONDS} s${APIS > 1 ? ` against ${APIS} API processes` : ""}

${SCANNERS} scripted scanners, each a signed-in session of its own (bearer token), scan their own parcels along their routes over
HTTP against the API running as ${APIS === 1 ? "its own process" : `${APIS} processes (the scanners spread round-robin)`} (the production build, \`node apps/api/dist/main.js\` with \`NODE_ENV=production\`) on the seeded Gaizhou
demo with ${r0(created)} manifest parcels at the hub: leave the hub, arrive at the station, handed to the village point, arrive
(\`scan.record\`; every ${BATCH}th parcel's route as one \`scan.recordBatch\`), closed loop with no think time, so
the machine is saturated and latencies include queueing. Every ${RESEND}th single scan is sent again with the same
\`clientScanId\`.

- Machine: ${machineLine()} (scanners, API and PostgreSQL share it)
- Command: \`${APIS === 1 ? "pnpm bench load" : `XD_LOAD_APIS=${APIS} pnpm bench load`}\` (\`XD_LOAD_SECONDS\`, \`XD_LOAD_SCANNERS\`, \`XD_LOAD_APIS\`, \`XD_LOAD_PARCELS\`)

| measure | value |
|---|---|
| calls answered (single scans, batches, re-sends) | ${r0(calls)} in ${elapsed.toFixed(1)} s |
| scans acknowledged (distinct \`clientScanId\`) | ${r0(acked.size)} (${r0(scansPerSec)} scans/s) |
| \`ScanEvent\` rows: total, distinct \`clientScanId\`, of acknowledged scans | ${r0(s.total)}, ${r0(s.distinct)}, ${r0(s.acked)} |
| acknowledged == stored, no duplicates | ${s.acked === acked.size && s.total === acked.size && s.distinct === acked.size ? "yes" : "**NO**"} |
| re-sent scans answered with the first result | ${r0(resent - resentMismatch)} of ${r0(resent)} |
| HTTP statuses | ${[...statuses].map(([c, n]) => `${c}: ${r0(n)}`).join(", ")}; 5xx: ${fivexx}; network failures: ${failures} |
| outcomes | ${[...outcomes].map(([o, n]) => `${o} ${r0(n)}`).join(", ")} |
| latency per call | p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms |
| CPU per call: API process(es), PostgreSQL backends of the test database, the scanners | ${cpu.apiMs.toFixed(2)} ms, ${cpu.postgresMs.toFixed(2)} ms, ${cpu.scannersMs.toFixed(2)} ms |

Outcomes other than OK are the state machine refusing a scan out of order (e.g. a re-planned route); they are
acknowledged results and stored like every attempt.
`,
  );
  if (!ok) {
    console.error("load test FAILED: acknowledged scans and stored rows differ, or there were 5xx answers");
    process.exitCode = 1;
  }
} finally {
  await Promise.all(
    apis.map(
      (a) =>
        new Promise<void>((resolve) => {
          if (a.child.exitCode !== null) return resolve();
          a.child.once("exit", () => resolve());
          a.child.kill("SIGTERM");
        }),
    ),
  );
  await tdb.drop();
}
