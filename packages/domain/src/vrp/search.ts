// The metaheuristic: ruin and recreate with simulated-annealing acceptance, keeping the best solution.
import type { Model } from "./model.ts";
import type { Neighbors } from "./neighbors.ts";
import type { Rng } from "./random.ts";
import { createLocalSearch } from "./local-search.ts";
import { createInserter } from "./recreate.ts";
import { createRuin, type RuinParams } from "./ruin.ts";
import { Snapshot, type Work } from "./solution.ts";

export interface SearchParams extends RuinParams {
  blink: number;
  /// Start and end temperatures, as fractions of the start solution's cost per customer.
  tStart: number;
  tEnd: number;
  /// Neighbours per customer tried by the local search; 0 turns it off.
  granularity: number;
  /// Recreate tries first the routes of this many nearest customers (0 = all routes).
  nearRoutes: number;
}

export const DEFAULT_PARAMS: SearchParams = {
  avgRemoved: 10,
  maxString: 10,
  splitRate: 0.5,
  splitDepth: 0.01,
  blink: 0.01,
  tStart: 1,
  tEnd: 0.01,
  granularity: 20,
  nearRoutes: 20,
};

export interface SearchLimits {
  iterations: number;
  deadline: number;
  targetCost: number;
  now: () => number;
}

export interface SearchResult {
  best: Snapshot;
  absent: number[];
  iterations: number;
}

/// Order in which removed customers are put back (SISR: random 4, demand 4, far 2, close 1).
function sortRemoved(m: Model, rng: Rng, list: Int32Array, count: number, key: Float64Array): void {
  rng.shuffle(list, count);
  const r = rng.int(11);
  if (r < 4) return;
  for (let i = 0; i < count; i++) {
    const c = list[i]!;
    key[i] = r < 8 ? -m.size[c]! : r < 10 ? -m.dist[c]! : m.dist[c]!;
  }
  for (let i = 1; i < count; i++) {
    const c = list[i]!;
    const k = key[i]!;
    let j = i - 1;
    while (j >= 0 && key[j]! > k) {
      list[j + 1] = list[j]!;
      key[j + 1] = key[j]!;
      j--;
    }
    list[j + 1] = c;
    key[j + 1] = k;
  }
}

/// `w` holds the start solution and `absent0` the customers it leaves out.
export function search(m: Model, w: Work, absent0: number[], adj: Neighbors, rng: Rng, p: SearchParams, lim: SearchLimits): SearchResult {
  const slots = m.slotType.length;
  const penalty = 1000 * (2 * m.maxDist + Math.max(0, ...m.types.map((t) => t.fixed)) + 1);
  const ruin = createRuin(m, adj, p);
  const inserter = createInserter(m, p.blink, adj, p.nearRoutes);
  const list = new Int32Array(m.n);
  const key = new Float64Array(m.n);
  let absent = new Int32Array(m.n);
  absent.set(absent0);
  let absentCount = absent0.length;
  let candAbsent = new Int32Array(m.n);

  // The start may leave customers out only for want of a vehicle: try once to place them.
  list.set(absent.subarray(0, absentCount));
  absentCount = inserter.insertAll(w, rng, list, absentCount, absent);
  const ls = p.granularity > 0 ? createLocalSearch(m, w, adj, p.granularity) : null;
  const outOfTime = () => lim.now() >= lim.deadline;
  ls?.(rng, outOfTime);
  w.recount();
  w.clearDirty();
  const cur = new Snapshot(slots);
  cur.saveAll(w, w.cost + penalty * absentCount);
  const best = new Snapshot(slots);
  best.copyFrom(cur);
  let bestAbsent = Array.from(absent.subarray(0, absentCount));

  const served = Math.max(1, m.n - 1);
  // Temperatures scale with the cost per customer of the start (without the penalty for absent ones).
  const t0 = (p.tStart * Math.max(w.cost, 1e-9)) / served;
  const t1 = (p.tEnd * Math.max(w.cost, 1e-9)) / served;
  const start = lim.now();
  let it = 0;
  while (it < lim.iterations && best.cost > lim.targetCost) {
    const now = lim.now();
    if (now >= lim.deadline) break;
    const progress = Math.max(it / lim.iterations, lim.deadline < Infinity ? (now - start) / (lim.deadline - start) : 0);
    const temp = t0 * Math.pow(t1 / t0, progress);
    it++;
    if ((it & 1023) === 0) {
      // The running total drifts with non-integer distances; here w equals cur.
      w.recount();
      cur.cost = w.cost + penalty * absentCount;
    }

    let count = ruin(w, rng, list);
    for (let i = 0; i < absentCount; i++) list[count++] = absent[i]!;
    sortRemoved(m, rng, list, count, key);
    const candCount = inserter.insertAll(w, rng, list, count, candAbsent);
    let feasible = true;
    for (let i = 0; i < w.dirtyCount; i++) if (!w.routes[w.dirty[i]!]!.feasible) feasible = false;
    let cand = w.cost + penalty * candCount;
    if (feasible && cand < cur.cost - temp * Math.log(rng.next() || 1e-300)) {
      if (ls && cand < best.cost - 1e-9) {
        ls(rng, outOfTime);
        cand = w.cost + penalty * candCount;
      }
      for (let i = 0; i < w.dirtyCount; i++) cur.saveSlot(w, w.dirty[i]!);
      cur.cost = cand;
      const t = absent;
      absent = candAbsent;
      candAbsent = t;
      absentCount = candCount;
      if (cand < best.cost - 1e-9) {
        w.recount();
        cur.cost = w.cost + penalty * candCount;
        best.copyFrom(cur);
        bestAbsent = Array.from(absent.subarray(0, absentCount));
      }
    } else {
      for (let i = 0; i < w.dirtyCount; i++) cur.loadSlot(w, w.dirty[i]!);
    }
    w.clearDirty();
  }
  // Leave the best in w and take its cost from the routes (no penalty arithmetic in the result).
  for (let s = 0; s < slots; s++) best.loadSlot(w, s);
  w.recount();
  w.clearDirty();
  best.cost = w.cost;
  return { best, absent: bestAbsent, iterations: it };
}
