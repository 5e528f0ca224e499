// County dashboard benchmark: a generated year on the seeded Gaizhou demo (`generateDemoYear`, timed), then every
// dashboard indicator through the real HTTP API (bearer session, zod, tRPC) with a mix of ranges and filters,
// against a bare tRPC query (auth.me) in the same run. Run: pnpm bench dashboard  (needs `pnpm services up`).
// XD_BENCH_DAYS (365), XD_BENCH_PER_DAY (10000), XD_BENCH_CALLS (40 per indicator); XD_BENCH_KEEP=1 keeps the
// database for EXPLAIN afterwards (its URL is printed).
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { generateDemoYear } from "@xiangda/demo";
import { buildServer } from "../../apps/api/src/server.ts";
import { DEMO_COUNTY, seedDemo } from "../../apps/api/src/seed/seed-demo.ts";
import { machineLine, percentile, writeSection } from "../lib/results.ts";
import { benchWorld } from "../lib/world.ts";

const DAYS = Number(process.env.XD_BENCH_DAYS ?? 365);
const PER_DAY = Number(process.env.XD_BENCH_PER_DAY ?? 10_000);
const CALLS = Number(process.env.XD_BENCH_CALLS ?? 40);
const WARM = 5;
const GOAL_MS = 150;
const KEEP = process.env.XD_BENCH_KEEP === "1";

const { tdb, redis, deps } = await benchWorld(10);
const dbSize = async () =>
  Number((await tdb.db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT pg_database_size(current_database()) AS n`))[0]!.n);
const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GiB`;

try {
  console.log("seeding the Gaizhou demo network…");
  await seedDemo(tdb.db);
  const sizeBefore = await dbSize();
  console.log(`generating ${DAYS} days at ${PER_DAY} parcels a day…`);
  const gen = await generateDemoYear(tdb.db, {
    countyCode: DEMO_COUNTY,
    days: DAYS,
    perDay: PER_DAY,
    onProgress: (d, i, of) => {
      if (i % 10 === 0 || i === of)
        console.log(`  [${i}/${of}] ${d.day}: ${d.parcels} parcels, ${d.scans} scans, ${d.loads} loads, ${d.ms} ms`);
    },
  });
  const sizeAdded = (await dbSize()) - sizeBefore;
  // How much the range indicators aggregate: roll-up rows per day (townships × carriers × directions [× leg kinds]).
  const perDayRows = (
    await tdb.db.$queryRawUnsafe<{ ship: number; leg: number }[]>(
      `SELECT (SELECT count(*) FROM "DailyShipmentStat" WHERE "townshipCode" <> '*' AND "carrierId" <> '*')::float8 / ${DAYS} AS ship,
              (SELECT count(*) FROM "DailyLegStat" WHERE "townshipCode" <> '*' AND "carrierId" <> '*')::float8 / ${DAYS} AS leg`,
    )
  )[0]!;
  const rows = await tdb.db.$queryRawUnsafe<{ t: string; n: bigint; bytes: bigint }[]>(
    `SELECT c.relname AS t, c.reltuples::bigint AS n, pg_total_relation_size(c.oid) AS bytes FROM pg_class c
      WHERE c.relname IN ('Shipment', 'ShipmentLeg', 'ScanEvent', 'Load', 'LoadItem', 'LoadVehicle') ORDER BY bytes DESC`,
  );

  // Filters of the run: townships, carriers and nodes as the filter bar and the map offer them.
  const townships = (
    await tdb.db.adminArea.findMany({ where: { countyCode: DEMO_COUNTY, level: "TOWNSHIP" }, orderBy: { code: "asc" } })
  ).map((a) => a.code);
  const carriers = (await tdb.db.carrier.findMany({ orderBy: { code: "asc" } })).map((c) => c.id);
  const nodes = (await tdb.db.node.findMany({ where: { countyCode: DEMO_COUNTY }, orderBy: { code: "asc" } })).map((n) => n.id);

  const app = await buildServer(deps, { logger: pino({ level: "silent" }), webDist: null });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const login = await fetch(`${base}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "manager", password: "manager123" }),
  });
  const token = ((await login.json()) as { result: { data: { token: string } } }).result.data.token;
  const headers = { authorization: `Bearer ${token}` };

  const to = gen.to;
  const dayBefore = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
  /// Call i's filter: 30-, 90- and 365-day ranges, each alone and with a township, a carrier or a direction.
  const extra = (i: number) =>
    [
      {},
      { townshipCode: townships[i % townships.length] },
      { carrierId: carriers[i % carriers.length] },
      { direction: i % 2 ? "UP" : "DOWN" },
    ][Math.floor(i / 3) % 4]!;
  const filter = (i: number) => ({ countyCode: DEMO_COUNTY, from: dayBefore(to, [30, 90, 365][i % 3]! - 1), to, ...extra(i) });
  const live = (i: number) => ({ countyCode: DEMO_COUNTY, ...extra(i) });
  const history = (i: number) => {
    const f = filter(i);
    return { countyCode: DEMO_COUNTY, from: f.from, to: f.to, ...(i % 2 ? { townshipCode: townships[i % townships.length] } : {}) };
  };
  const PROCS: { name: string; input: (i: number) => object | null }[] = [
    { name: "auth.me", input: () => null },
    { name: "dashboard.map", input: () => ({ countyCode: DEMO_COUNTY }) },
    { name: "dashboard.coverage", input: () => ({ countyCode: DEMO_COUNTY }) },
    { name: "dashboard.filters", input: () => ({ countyCode: DEMO_COUNTY }) },
    { name: "dashboard.lights", input: live },
    { name: "dashboard.node", input: (i) => ({ countyCode: DEMO_COUNTY, nodeId: nodes[(i * 7) % nodes.length] }) },
    { name: "dashboard.volumes", input: filter },
    { name: "dashboard.onTime", input: filter },
    { name: "dashboard.consolidation", input: filter },
    { name: "dashboard.counters", input: filter },
    { name: "dashboard.history", input: history },
  ];
  let errors = 0;
  const call = async (name: string, input: object | null): Promise<number> => {
    const url = `${base}/trpc/${name}${input ? `?input=${encodeURIComponent(JSON.stringify(input))}` : ""}`;
    const t0 = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    const ms = performance.now() - t0;
    if (!res.ok) {
      errors++;
      if (errors <= 5) console.error(`${name} ${JSON.stringify(input)} → HTTP ${res.status}`);
    }
    return ms;
  };
  // Warm-up (JIT, connections, plans), then the procedures in turn, one call at a time: latency, not throughput.
  for (let i = 0; i < WARM; i++) for (const p of PROCS) await call(p.name, p.input(i));
  const lat = new Map<string, number[]>(PROCS.map((p) => [p.name, []]));
  for (let i = 0; i < CALLS; i++) for (const p of PROCS) lat.get(p.name)!.push(await call(p.name, p.input(i + WARM)));
  await app.close();

  const stats = PROCS.map((p) => {
    const xs = lat.get(p.name)!.sort((a, b) => a - b);
    return { name: p.name, p50: percentile(xs, 50), p95: percentile(xs, 95), max: xs[xs.length - 1]! };
  });
  const baseline = stats[0]!;
  const ms = (x: number) => x.toFixed(1);
  const fmt = (n: number) => n.toLocaleString("en-US");
  const table = stats
    .slice(1)
    .map(
      (s) =>
        `| \`${s.name}\` | ${ms(s.p50)} | **${ms(s.p95)}** | ${ms(s.max)} | ${(s.p95 / baseline.p95).toFixed(1)}× | ${s.p95 < GOAL_MS ? "met" : "**missed**"} |`,
    )
    .join("\n");
  const missed = stats.slice(1).filter((s) => s.p95 >= GOAL_MS);
  writeSection(
    "dashboard",
    `## County dashboard indicators (\`dashboard.*\`) on a generated year

A year of demo data generated on the seeded Gaizhou network (\`generateDemoYear\`, the generator behind \`pnpm xd demo generate\`;
see [demo-data.md](demo-data.md)), then every dashboard indicator through the real HTTP API (Fastify + tRPC, bearer session as the
county manager, zod), ${CALLS} calls each after ${WARM} warm-up calls, one call at a time, the procedures in turn. Range indicators
take 30-, 90- and 365-day ranges ending on the last generated day, alone and with a township, a carrier or a direction;
\`lights\` the same filters without days; \`node\` a different node each call. The baseline is the bare tRPC query \`auth.me\`
(session lookup and the user row) in the same run.

- Machine: ${machineLine()}
- Command: \`pnpm bench dashboard\` (\`XD_BENCH_DAYS=${DAYS} XD_BENCH_PER_DAY=${PER_DAY} XD_BENCH_CALLS=${CALLS}\`)
- Data: ${gen.from} … ${gen.to}, ${fmt(gen.totals.parcels)} parcels, ${fmt(gen.totals.legs)} legs, ${fmt(gen.totals.scans)} scans, ${fmt(gen.totals.loads + gen.futureLoads)} loads (${fmt(gen.totals.loadItems)} items), ${fmt(gen.totals.sales)} counter sales; ${gib(sizeAdded)} added to the database (${rows.map((r) => `${r.t} ${gib(Number(r.bytes))}`).join(", ")})
- Generation: **${(gen.generateMs / 60_000).toFixed(1)} min** (${Math.round(gen.totals.parcels / (gen.generateMs / 1000)).toLocaleString("en-US")} parcels/s, one day per transaction), roll-up rebuild ${(gen.rollupMs / 1000).toFixed(1)} s, ANALYZE ${(gen.analyzeMs / 1000).toFixed(1)} s

| indicator | p50 ms | p95 ms | max ms | p95 / baseline p95 | goal p95 < ${GOAL_MS} ms |
|---|---|---|---|---|---|
${table}
| baseline: \`auth.me\` | ${ms(baseline.p50)} | ${ms(baseline.p95)} | ${ms(baseline.max)} | 1.0× | |

${missed.length ? `Missed the goal: ${missed.map((s) => `\`${s.name}\``).join(", ")}.` : `Every indicator met the goal.`}${errors ? ` ${errors} calls failed.` : ""}

Range indicators read only the daily roll-ups, whose rows grow with the filters they must answer: here about
${Math.round(perDayRows.ship)} \`DailyShipmentStat\` and ${Math.round(perDayRows.leg)} \`DailyLegStat\` rows a day (townships × carriers × directions,
× leg kinds), ${fmt(Math.round(perDayRows.ship * 365))} and ${fmt(Math.round(perDayRows.leg * 365))} detail rows for 365 days. Their cube ('*' rows for all townships
and/or all carriers, written with them) lets totals, days, directions and leg kinds read a few rows a day instead.
`,
  );
  console.log({ generateMs: gen.generateMs, rollupMs: gen.rollupMs, sizeAdded: gib(sizeAdded), errors, stats });
  if (errors) process.exitCode = 1;
} finally {
  await deps.queues.close();
  redis.disconnect();
  if (KEEP) {
    console.log(`kept the database: ${tdb.url}`);
    await tdb.db.$disconnect();
  } else await tdb.drop();
}
