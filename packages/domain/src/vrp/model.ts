// The problem compiled into flat typed arrays for the solver's inner loops.
import { distanceMatrix } from "./distance.ts";
import type { VrpProblem } from "./types.ts";
import { validateProblem } from "./validate.ts";

export interface VehicleTypeModel {
  cap: Float64Array;
  fixed: number;
  maxDur: number;
}

/// Node 0 is the depot, node i the stop i − 1. A segment record (see segment.ts) has S numbers:
/// per dimension [delivery, pickup, max load], then [duration, earliest start, latest start, time warp].
export interface Model {
  n: number;
  dims: number;
  S: number;
  /// Offset of the time fields in a record.
  TO: number;
  dist: Float64Array;
  time: Float64Array;
  symmetric: boolean;
  /// Single-node records, n × S.
  node: Float64Array;
  hasTime: boolean;
  hasPickup: boolean;
  /// One dimension, deliveries only, no time limits: a route is feasible iff its load fits.
  simple: boolean;
  types: VehicleTypeModel[];
  /// Every vehicle is a slot with a fixed type; unlimited types get one slot per stop.
  slotType: Int32Array;
  maxDist: number;
  /// Demand relative to the largest capacity, summed over dimensions (for insertion order).
  size: Float64Array;
}

export function compileModel(p: VrpProblem): Model {
  const dims = validateProblem(p);
  const n = p.stops.length + 1;
  const S = 3 * dims + 4;
  const TO = 3 * dims;
  const dist = distanceMatrix(p);
  const speed = p.speed ?? 1;
  const time = speed === 1 ? dist : dist.map((d) => d / speed);
  let symmetric = true;
  let maxDist = 0;
  for (let i = 0; i < n && symmetric; i++) for (let j = 0; j < i; j++) if (dist[i * n + j] !== dist[j * n + i]) symmetric = false;
  for (const d of dist) maxDist = Math.max(maxDist, d);

  const node = new Float64Array(n * S);
  let hasPickup = false;
  let hasWindow = p.depot.earliest !== undefined || p.depot.latest !== undefined;
  node[TO + 1] = p.depot.earliest ?? -Infinity;
  node[TO + 2] = p.depot.latest ?? Infinity;
  p.stops.forEach((s, i) => {
    const o = (i + 1) * S;
    for (let k = 0; k < dims; k++) {
      const d = s.delivery[k]!;
      const q = s.pickup?.[k] ?? 0;
      if (q > 0) hasPickup = true;
      node[o + 3 * k] = d;
      node[o + 3 * k + 1] = q;
      node[o + 3 * k + 2] = Math.max(d, q);
    }
    node[o + TO] = s.serviceTime ?? 0;
    node[o + TO + 1] = s.earliest ?? -Infinity;
    node[o + TO + 2] = s.latest ?? Infinity;
    if (s.earliest !== undefined || s.latest !== undefined) hasWindow = true;
  });

  const types = p.fleet.map((v) => ({
    cap: Float64Array.from(v.capacity),
    fixed: v.fixedCost ?? 0,
    maxDur: Math.min(v.maxDuration ?? Infinity, p.maxDuration ?? Infinity),
  }));
  const hasTime = hasWindow || types.some((t) => t.maxDur < Infinity);
  const slots: number[] = [];
  p.fleet.forEach((v, t) => {
    const count = Math.min(v.count ?? Infinity, n - 1);
    for (let c = 0; c < count; c++) slots.push(t);
  });

  const maxCap = new Float64Array(dims);
  for (const t of types) for (let k = 0; k < dims; k++) maxCap[k] = Math.max(maxCap[k]!, t.cap[k]!);
  const size = new Float64Array(n);
  for (let i = 1; i < n; i++) {
    for (let k = 0; k < dims; k++) if (maxCap[k]! > 0) size[i] = size[i]! + node[i * S + 3 * k + 2]! / maxCap[k]!;
  }
  return {
    n,
    dims,
    S,
    TO,
    dist,
    time,
    symmetric,
    node,
    hasTime,
    hasPickup,
    simple: dims === 1 && !hasPickup && !hasTime,
    types,
    slotType: Int32Array.from(slots),
    maxDist,
    size,
  };
}
