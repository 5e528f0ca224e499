// Compiles nodes and lanes into flat typed arrays a route query reads without further work.
import type { RLane, RNode } from "./types.ts";
import { MINUTES_PER_DAY, MINUTES_PER_WEEK, parseClock } from "./week-time.ts";
import { createRouteCache, type RouteCache } from "./route-cache.ts";

export const STORAGE_CHILLED = 1;
export const STORAGE_FROZEN = 2;

export interface RoutingNetwork {
  readonly nodeCount: number;
  readonly nodeIndex: ReadonlyMap<string, number>;
  readonly nodeIds: readonly string[];
  readonly nodeCodes: readonly string[];
  readonly nodeStatus: readonly RNode["status"][];
  readonly active: Uint8Array;
  /// STORAGE_CHILLED | STORAGE_FROZEN bits.
  readonly storage: Uint8Array;
  readonly handling: Int32Array;
  /// Usable lanes out of node v: outLanes[outStart[v] .. outStart[v + 1]).
  readonly outStart: Int32Array;
  readonly outLanes: Int32Array;
  /// Lanes are numbered in (code, id) order, so comparing two lane numbers compares their codes (the tie-break).
  readonly laneIds: readonly string[];
  readonly laneCodes: readonly string[];
  readonly laneFrom: Int32Array;
  readonly laneTo: Int32Array;
  readonly laneCutoff: Int32Array;
  readonly laneTransit: Int32Array;
  readonly laneCold: Uint8Array;
  /// Departures of lane l as sorted minutes of the week: deps[depStart[l] .. depStart[l + 1]).
  readonly depStart: Int32Array;
  readonly deps: Int32Array;
  /// Latest ready times (minute of week) that catch some departure out of node v, sorted:
  /// deadlines[deadlineStart[v] .. deadlineStart[v + 1]). Between two of them a query's answer is the same.
  readonly deadlineStart: Int32Array;
  readonly deadlines: Int32Array;
  readonly cache: RouteCache;
}

export interface BuildOptions {
  /// Cache search results per (origin, temperature, departure slot); default true.
  cache?: boolean;
  /// Cached search results are all dropped when they would hold more than this many Int32 cells (4 bytes
  /// each); default 8M = 32 MB. A tree costs about 5 cells per node: every slot of the Gaizhou-sized network takes about 20 MB.
  cacheCells?: number;
}

/// Times are Int32 minutes inside the search; bounding each duration keeps any route far from overflow.
const MAX_MINUTES = 100_000;

function minutes(v: number, what: string): number {
  if (!Number.isInteger(v) || v < 0 || v > MAX_MINUTES)
    throw new RangeError(`${what} must be a whole number of minutes 0-${MAX_MINUTES}, got ${v}`);
  return v;
}

function weeklyDepartures(l: RLane): number[] {
  const times = l.departures.map((d) => {
    const m = parseClock(d);
    if (m === null) throw new RangeError(`lane ${l.code}: departure "${d}" is not a time HH:MM`);
    return m;
  });
  const out = new Set<number>();
  for (const day of l.weekdays) {
    if (!Number.isInteger(day) || day < 1 || day > 7) throw new RangeError(`lane ${l.code}: weekday ${day} is not 1 (Monday) … 7 (Sunday)`);
    for (const m of times) out.add((day - 1) * MINUTES_PER_DAY + m);
  }
  return [...out].sort((a, b) => a - b);
}

const byCodeThenId = (a: { code: string; id: string }, b: { code: string; id: string }) =>
  a.code < b.code ? -1 : a.code > b.code ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/// Lanes that can never carry a parcel (suspended, from or to a node that is missing or not ACTIVE,
/// a loop, or without any departure) are left out. Bad times and weekdays throw a RangeError.
export function buildRoutingNetwork(nodes: RNode[], lanes: RLane[], opts: BuildOptions = {}): RoutingNetwork {
  const n = nodes.length;
  const nodeIndex = new Map<string, number>();
  const active = new Uint8Array(n);
  const storage = new Uint8Array(n);
  const handling = new Int32Array(n);
  nodes.forEach((node, i) => {
    if (nodeIndex.has(node.id)) throw new RangeError(`node id ${node.id} appears twice`);
    nodeIndex.set(node.id, i);
    active[i] = node.status === "ACTIVE" ? 1 : 0;
    storage[i] = (node.coldChilled ? STORAGE_CHILLED : 0) | (node.coldFrozen ? STORAGE_FROZEN : 0);
    handling[i] = minutes(node.handlingMinutes, `node ${node.code}: handlingMinutes`);
  });

  const usable: { lane: RLane; from: number; to: number; deps: number[] }[] = [];
  for (const lane of lanes) {
    minutes(lane.cutoffMinutes, `lane ${lane.code}: cutoffMinutes`);
    minutes(lane.transitMinutes, `lane ${lane.code}: transitMinutes`);
    const deps = weeklyDepartures(lane);
    const from = nodeIndex.get(lane.fromId);
    const to = nodeIndex.get(lane.toId);
    if (lane.status !== "ACTIVE" || from === undefined || to === undefined || from === to) continue;
    if (!active[from] || !active[to] || deps.length === 0) continue;
    usable.push({ lane, from, to, deps });
  }
  usable.sort((a, b) => byCodeThenId(a.lane, b.lane));

  const m = usable.length;
  const laneFrom = new Int32Array(m);
  const laneTo = new Int32Array(m);
  const laneCutoff = new Int32Array(m);
  const laneTransit = new Int32Array(m);
  const laneCold = new Uint8Array(m);
  const depStart = new Int32Array(m + 1);
  const deps = new Int32Array(usable.reduce((s, u) => s + u.deps.length, 0));
  const outStart = new Int32Array(n + 1);
  usable.forEach((u, l) => {
    laneFrom[l] = u.from;
    laneTo[l] = u.to;
    laneCutoff[l] = u.lane.cutoffMinutes;
    laneTransit[l] = u.lane.transitMinutes;
    laneCold[l] = u.lane.cold ? 1 : 0;
    deps.set(u.deps, depStart[l]);
    depStart[l + 1] = depStart[l]! + u.deps.length;
    outStart[u.from + 1]!++;
  });
  for (let v = 0; v < n; v++) outStart[v + 1]! += outStart[v]!;
  const outLanes = new Int32Array(m);
  const fill = outStart.slice(0, n);
  for (let l = 0; l < m; l++) outLanes[fill[laneFrom[l]!]!++] = l;

  const perNode: number[][] = Array.from({ length: n }, () => []);
  usable.forEach((u) => {
    for (const d of u.deps) perNode[u.from]!.push((((d - u.lane.cutoffMinutes) % MINUTES_PER_WEEK) + MINUTES_PER_WEEK) % MINUTES_PER_WEEK);
  });
  const deadlineStart = new Int32Array(n + 1);
  const sorted = perNode.map((ds) => [...new Set(ds)].sort((a, b) => a - b));
  sorted.forEach((ds, v) => (deadlineStart[v + 1] = deadlineStart[v]! + ds.length));
  const deadlines = new Int32Array(deadlineStart[n]!);
  sorted.forEach((ds, v) => deadlines.set(ds, deadlineStart[v]));

  return {
    nodeCount: n,
    nodeIndex,
    nodeIds: nodes.map((x) => x.id),
    nodeCodes: nodes.map((x) => x.code),
    nodeStatus: nodes.map((x) => x.status),
    active,
    storage,
    handling,
    outStart,
    outLanes,
    laneIds: usable.map((u) => u.lane.id),
    laneCodes: usable.map((u) => u.lane.code),
    laneFrom,
    laneTo,
    laneCutoff,
    laneTransit,
    laneCold,
    depStart,
    deps,
    deadlineStart,
    deadlines,
    cache: createRouteCache(deadlines.length * 3, opts.cache ?? true, opts.cacheCells ?? 8_000_000),
  };
}
