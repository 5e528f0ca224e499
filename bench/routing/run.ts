// Routing benchmark: routes 100,000 shipments over a Gaizhou-shaped network in one process, against a
// baseline loop, checks a sample against the brute-force reference, and records docs/benchmarks.md.
// Run: node_modules/.bin/tsx bench/routing/run.ts
import os from "node:os";
import { fileURLToPath } from "node:url";
import {
  buildRoutingNetwork,
  route,
  routeCacheStats,
  type BuildOptions,
  type RLane,
  type RouteQuery,
  type RouteResult,
  type RoutingNetwork,
} from "../../packages/domain/src/routing/index.ts";
import { routeReference } from "../../packages/domain/src/routing/reference.ts";
import { comparable } from "../../packages/domain/src/routing/test-utils/compare.ts";
import { gaizhouNetwork, STATIONS, VILLAGE_POINTS } from "./gaizhou-network.ts";
import { shipments } from "./shipments.ts";
import { writeSection } from "./write-results.ts";

const SHIPMENTS = 100_000;
const VERIFY_EVERY = 1000;
const UNCACHED_SAMPLE = 20_000;
const RUNS = 5;
const DOC = fileURLToPath(new URL("../../docs/benchmarks.md", import.meta.url));

const g = gaizhouNetwork();
const queries = shipments(g, SHIPMENTS);
const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000);
const fmt = (n: number) => n.toLocaleString("en-US");

/// The baseline does the least a router must: find the origin's outgoing lanes for each query.
function baseline(qs: RouteQuery[], outgoing: Map<string, RLane[]>): number {
  let sink = 0;
  for (const q of qs) sink += outgoing.get(q.fromId)?.length ?? 0;
  return sink;
}

function timed<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

/// Routes every query and keeps every VERIFY_EVERY-th result for the reference check; holding all
/// 100,000 results would make the run measure the garbage collector.
function routeAll(net: RoutingNetwork, qs: RouteQuery[]): Map<number, RouteResult> {
  const kept = new Map<number, RouteResult>();
  for (let i = 0; i < qs.length; i++) {
    const r = route(net, qs[i]!);
    if (i % VERIFY_EVERY === 0) kept.set(i, r);
  }
  return kept;
}

/// Median of several timings (ms): the machine is shared, single runs are noisy.
const median = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)]!;
const fresh = (opts: BuildOptions = {}) => buildRoutingNetwork(g.nodes, g.lanes, opts);

// Warm the JIT on a throwaway network so that the measured runs start with a fresh cache.
const outgoing = new Map<string, RLane[]>();
for (const l of g.lanes) outgoing.set(l.fromId, [...(outgoing.get(l.fromId) ?? []), l]);
for (let i = 0; i < 3; i++) baseline(queries, outgoing);
routeAll(fresh(), queries);
routeAll(fresh({ cache: false }), queries.slice(0, 2_000));

const baseRate = perSecond(SHIPMENTS, median(Array.from({ length: RUNS }, () => timed(() => baseline(queries, outgoing)).ms)));

const built = timed(() => fresh());
const net = built.value;
const cold = timed(() => routeAll(net, queries));
const results = cold.value;
const stats = routeCacheStats(net);
const coldMs = [cold.ms, ...Array.from({ length: RUNS - 1 }, () => timed(() => routeAll(fresh(), queries)).ms)];
const coldRate = perSecond(SHIPMENTS, median(coldMs));
const warmRate = perSecond(SHIPMENTS, median(Array.from({ length: RUNS }, () => timed(() => routeAll(net, queries)).ms)));

// Per-route latency on another fresh network (timing each call costs a little throughput).
const latNet = fresh();
const lat = new Float64Array(SHIPMENTS);
for (let i = 0; i < SHIPMENTS; i++) {
  const t0 = process.hrtime.bigint();
  route(latNet, queries[i]!);
  lat[i] = Number(process.hrtime.bigint() - t0) / 1000;
}
lat.sort();
const pct = (p: number) => lat[Math.min(SHIPMENTS - 1, Math.floor(p * SHIPMENTS))]!;

// Without the cache: every query runs its own search. Its answers must equal the cached ones.
const sample = queries.slice(0, UNCACHED_SAMPLE);
const uncachedRate = perSecond(UNCACHED_SAMPLE, median([1, 2, 3].map(() => timed(() => routeAll(fresh({ cache: false }), sample)).ms)));
const plain = fresh({ cache: false });
let mismatches = 0;
for (const q of sample) if (JSON.stringify(comparable(route(plain, q))) !== JSON.stringify(comparable(route(net, q)))) mismatches++;

// Every 1000th result against the brute-force reference.
const verify = timed(() => {
  let bad = 0;
  for (let i = 0; i < SHIPMENTS; i += VERIFY_EVERY) {
    const want = JSON.stringify(comparable(routeReference(g.nodes, g.lanes, queries[i]!)));
    const got = JSON.stringify(comparable(results.get(i)!));
    if (got !== want) {
      bad++;
      console.error(`reference mismatch at shipment ${i}:`, JSON.stringify(queries[i]), "\n engine:", got, "\n reference:", want);
    }
  }
  return bad;
});
const verified = SHIPMENTS / VERIFY_EVERY;

// Outcome mix, from the warm network (answers are the same as on the fresh one, checked above for a sample).
const mix = new Map<string, number>();
for (const q of queries) {
  const r = route(net, q);
  const k = r.ok ? `ok, ${r.legs.length} legs` : r.reason;
  mix.set(k, (mix.get(k) ?? 0) + 1);
}
const mixText = [...mix.entries()]
  .sort((a, b) => b[1] - a[1])
  .map(([k, v]) => `${k}: ${fmt(v)}`)
  .join("; ");
const cpu = os.cpus();

const body = `
## Routing engine (\`route\`)

Earliest-arrival routing of ${fmt(SHIPMENTS)} shipments over a network shaped like the Gaizhou demo
(1 hub, ${STATIONS} stations, ${VILLAGE_POINTS} village points, ${g.lanes.length} lanes; 70% hub → village point, 25% village point → hub,
5% village → village; 10% CHILLED; ready times spread over one week), all in one process. The JIT is warmed on a
throwaway network first; each timed run then starts from a new network with an empty cache. Results are
consumed as they come (every 1,000th is kept for the check), as a caller storing them would.

- Machine: ${cpu[0]?.model ?? "unknown"}, ${cpu.length} cores; Node ${process.version}; ${new Date().toISOString().slice(0, 10)}
- Command: \`node_modules/.bin/tsx bench/routing/run.ts\`

| measure | value |
|---|---|
| routes/s, fresh network (cache filled during the run), median of ${RUNS} | **${fmt(coldRate)}** |
| routes/s, same network again (warm cache), median of ${RUNS} | ${fmt(warmRate)} |
| routes/s without the cache (first ${fmt(UNCACHED_SAMPLE)} shipments), median of 3 | ${fmt(uncachedRate)} |
| baseline: origin's outgoing lanes looked up, queries/s, median of ${RUNS} | ${fmt(baseRate)} |
| ratio engine (fresh) / baseline | ${(coldRate / baseRate).toFixed(4)} |
| per route, fresh network: p50 / p99 / max | ${pct(0.5).toFixed(1)} µs / ${pct(0.99).toFixed(1)} µs / ${lat[SHIPMENTS - 1]!.toFixed(0)} µs |
| building the network | ${built.ms.toFixed(1)} ms |
| fresh network: searches run (cache misses) / cache hits | ${fmt(stats.misses)} / ${fmt(stats.hits)} |
| checked against the brute-force reference | ${verified - verify.value} of ${verified} identical (every ${fmt(VERIFY_EVERY)}th, ${(verify.ms / 1000).toFixed(1)} s) |
| uncached answers equal to cached ones | ${fmt(UNCACHED_SAMPLE - mismatches)} of ${fmt(UNCACHED_SAMPLE)} |

Outcomes: ${mixText}. CHILLED shipments to and from village points end in COLD_CHAIN by construction (only the
trunks of every third station are cold, the milk runs are not), so they also look up the ambient search to name
the broken leg: that is why hits + misses exceed the number of shipments.

The cache keeps one one-to-all search per (origin, temperature, departure slot): all ready times between two
consecutive cutoffs at the origin catch the same departures, so they share one answer, and the weekly
timetable lets a week-0 answer be shifted by whole weeks. It lives in the network object and is dropped with it.
`;

console.log(body);
const failed = verify.value > 0 || mismatches > 0;
if (failed) {
  console.error(`FAILED: ${verify.value} reference mismatches, ${mismatches} cached/uncached mismatches; docs not updated`);
  process.exitCode = 1;
} else {
  writeSection(DOC, body);
  console.log(`written to ${DOC}`);
}
