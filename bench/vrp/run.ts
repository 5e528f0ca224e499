// VRP benchmark: solves every CVRPLIB instance of the shared folder with a fixed seed and time limit,
// recomputes each cost with checkSolution, and writes the gap table into docs/benchmarks.md.
// Run: pnpm bench:vrp   (XD_CVRP_DIR = instance folder, XD_VRP_TIME_LIMIT = seconds per instance)
import { existsSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkSolution, cvrpToProblem, parseCvrplib, savingsVrp, solveVrp } from "../../packages/domain/src/vrp/index.ts";
import { machineLine, writeSection } from "../lib/results.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dir = path.resolve(root, process.env.XD_CVRP_DIR ?? "../shared/data/cvrp");
const limitS = Number(process.env.XD_VRP_TIME_LIMIT ?? 5);
const SEED = 1;
if (!existsSync(dir)) throw new Error(`no instance folder ${dir} (set XD_CVRP_DIR)`);
if (!(limitS > 0)) throw new Error(`XD_VRP_TIME_LIMIT must be a number of seconds > 0`);

interface Known {
  bks: number;
  optimal: boolean;
}
const known = new Map<string, Known>();
const csv = path.join(dir, "bks.csv");
if (existsSync(csv)) {
  const [head, ...rows] = readFileSync(csv, "utf8").trim().split(/\r?\n/);
  const cols = head!.split(",");
  const at = (name: string) => cols.indexOf(name);
  for (const row of rows) {
    const c = row.split(",");
    known.set(c[at("name")]!, { bks: Number(c[at("bks")]), optimal: c[at("optimal_proven")] === "yes" });
  }
}

/// Routes of the best-known solution, from CVRPLIB's .sol beside the instance ("Route #k: …" lines).
function bksRoutes(name: string): number | undefined {
  const f = path.join(dir, `${name}.sol`);
  if (!existsSync(f)) return undefined;
  return readFileSync(f, "utf8")
    .split(/\r?\n/)
    .filter((l) => /^Route\s*#/i.test(l)).length;
}

interface Row {
  name: string;
  set: string;
  n: number;
  known?: Known;
  bksRoutes?: number;
  cw: number;
  cost: number;
  routes: number;
  ms: number;
  iterations: number;
}

const gap = (cost: number, k?: Known) => (k ? (cost / k.bks - 1) * 100 : NaN);
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".vrp"))
  .map((f) => f.slice(0, -4))
  .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
const rows: Row[] = [];
const loadBefore = os.loadavg()[0]!;
for (const name of files) {
  const { problem } = cvrpToProblem(parseCvrplib(readFileSync(path.join(dir, `${name}.vrp`), "utf8")));
  const cw = savingsVrp(problem);
  const cwCheck = checkSolution(problem, cw.routes);
  const t0 = performance.now();
  const res = solveVrp(problem, { seed: SEED, timeLimitMs: limitS * 1000 });
  const ms = performance.now() - t0;
  const check = checkSolution(problem, res.routes);
  if (!check.feasible || !cwCheck.feasible)
    throw new Error(`${name}: infeasible solution: ${[...check.violations, ...cwCheck.violations][0]!.message}`);
  const row: Row = {
    name,
    set: name.split("-")[0]!,
    n: problem.stops.length,
    known: known.get(name),
    bksRoutes: bksRoutes(name),
    cw: cwCheck.cost,
    cost: check.cost,
    routes: res.routes.length,
    ms,
    iterations: res.iterations,
  };
  rows.push(row);
  console.log(
    `${name.padEnd(14)} ${String(row.cost).padStart(8)}  gap ${gap(row.cost, row.known).toFixed(2).padStart(6)}%  routes ${row.routes}  ${(ms / 1000).toFixed(2)} s  ${res.iterations} it`,
  );
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const pct = (x: number) => (Number.isNaN(x) ? "—" : `${x.toFixed(2)}`);
const withBks = rows.filter((r) => r.known);
const sets = [...new Set(withBks.map((r) => r.set))];
const summary = (rs: Row[]) => ({
  ours: mean(rs.map((r) => gap(r.cost, r.known))),
  floor: mean(rs.map((r) => Math.max(0, gap(r.cost, r.known)))),
  cw: mean(rs.map((r) => gap(r.cw, r.known))),
});
const optimal = withBks.filter((r) => r.known!.optimal);
const matched = optimal.filter((r) => r.cost <= r.known!.bks);
const below = withBks.filter((r) => r.cost < r.known!.bks);
const times = rows.map((r) => r.ms / 1000);
const loadAfter = os.loadavg()[0]!;
const all = summary(withBks);

const table = rows
  .map(
    (r) =>
      `| ${r.name} | ${r.n} | ${r.known?.bks ?? "—"} | ${r.known ? (r.known.optimal ? "yes" : "no") : "—"} | ${r.cw} | ${pct(gap(r.cw, r.known))} | ${r.cost} | ${pct(gap(r.cost, r.known))} | ${r.routes}${r.bksRoutes !== undefined ? ` (${r.bksRoutes})` : ""} | ${(r.ms / 1000).toFixed(1)} |`,
  )
  .join("\n");
const setLines = [...sets.map((s) => [s, withBks.filter((r) => r.set === s)] as const), ["all", withBks] as const]
  .map(([s, rs]) => {
    const x = summary(rs);
    return `| ${s} | ${rs.length} | ${pct(x.cw)} | **${pct(x.ours)}** | ${pct(x.floor)} |`;
  })
  .join("\n");

const body = `
## Vehicle routing (\`solveVrp\`) on CVRPLIB sets ${sets.join(", ")}

Clarke–Wright savings, then ruin and recreate (SISR string removals, greedy insertion with blinks,
simulated annealing) with a granular local search on new best solutions; one thread, seed ${SEED},
${limitS} s wall clock per instance, instances solved one after another. Every cost is recomputed by
\`checkSolution\` from the file's coordinates or matrix. Vehicles are unlimited (CVRPLIB's k in the name is
not enforced); "routes" shows ours and, in brackets, the best-known solution's.

- Machine: ${machineLine()}; load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after (other work on the machine slows the search)
- Command: \`pnpm bench:vrp\` (${rows.length} instances from \`${path.relative(root, dir) || dir}\`)

| set | instances | savings gap % | **our gap %** | our gap %, gaps below 0 counted as 0 |
|---|---|---|---|---|
${setLines}

Proven optima matched: **${matched.length} of ${optimal.length}**. Below the best-known cost: ${below.length ? below.map((r) => `${r.name} (${r.cost} vs ${r.known!.bks}, ${r.routes} routes vs ${r.bksRoutes ?? "?"})`).join(", ") : "none"} —
those best-known solutions use exactly k vehicles, which this benchmark does not require. Time per instance:
mean ${mean(times).toFixed(2)} s, max ${Math.max(...times).toFixed(2)} s; ${Math.round(mean(rows.map((r) => r.iterations))).toLocaleString("en-US")} iterations on average.

| instance | n | BKS | optimal? | savings | savings gap % | our cost | gap % | routes (BKS) | time s |
|---|---|---|---|---|---|---|---|---|---|
${table}

Gap = cost / BKS − 1. The savings column is the start solution alone (same run). With a time limit the
result depends on the machine's speed; \`solveVrp\` with an iteration limit reproduces exactly.
`;

console.log(
  `\nmean gap ${pct(all.ours)}% (negatives as 0: ${pct(all.floor)}%), savings ${pct(all.cw)}%; optima ${matched.length}/${optimal.length}`,
);
writeSection("vrp", body);
console.log("written to docs/benchmarks.md");
