// Entry points: solveVrp (savings start, then ruin-and-recreate) and savingsVrp (the start alone).
import { AppError } from "../errors.ts";
import { compileModel, type Model } from "./model.ts";
import { nearestNeighbors, type Neighbors } from "./neighbors.ts";
import { Rng } from "./random.ts";
import { placeRoutes, savingsRoutes } from "./savings.ts";
import { DEFAULT_PARAMS, search, type SearchParams } from "./search.ts";
import { Work, type Snapshot } from "./solution.ts";
import type { VrpProblem, VrpRoute, VrpSolution, VrpSolveOptions } from "./types.ts";

/// How far the ruin looks around its seed customer (and which pairs the savings consider when larger).
const RUIN_NEIGHBORS = 100;

function start(m: Model, nb: Neighbors): { w: Work; absent: number[] } {
  const w = new Work(m);
  placeRoutes(w, savingsRoutes(m, nb));
  const absent = [];
  for (let v = 1; v < m.n; v++) if (w.routeOf[v]! < 0) absent.push(v);
  w.recount();
  w.clearDirty();
  return { w, absent };
}

function routesOf(m: Model, seqs: readonly Int32Array[], lens: Int32Array): VrpRoute[] {
  const out: VrpRoute[] = [];
  for (let s = 0; s < lens.length; s++) {
    if (lens[s] === 0) continue;
    out.push({ vehicle: m.slotType[s]!, stops: Array.from(seqs[s]!.subarray(0, lens[s]), (v) => v - 1) });
  }
  return out;
}

const fromWork = (w: Work) =>
  routesOf(
    w.m,
    w.routes.map((r) => r.ext.subarray(1)),
    Int32Array.from(w.routes, (r) => r.len),
  );
const fromSnapshot = (m: Model, s: Snapshot) => routesOf(m, s.seqs, s.lens);

/// Clarke–Wright savings only (the baseline).
export function savingsVrp(problem: VrpProblem): VrpSolution {
  const t = performance.now();
  const m = compileModel(problem);
  const { w, absent } = start(m, nearestNeighbors(m, RUIN_NEIGHBORS));
  return {
    routes: fromWork(w),
    unassigned: absent.map((v) => v - 1),
    cost: w.cost,
    initialCost: w.cost,
    iterations: 0,
    timeMs: performance.now() - t,
  };
}

/// Best solution found within the limits (default: 5 s). Deterministic for a seed and an iteration
/// limit; under a time limit the number of iterations, hence the result, depends on the machine.
/// `params` overrides the search's tuning (for experiments; the defaults are what the benchmark runs).
export function solveVrp(problem: VrpProblem, options: VrpSolveOptions = {}, params: Partial<SearchParams> = {}): VrpSolution {
  const t = performance.now();
  if (options.timeLimitMs !== undefined && !(options.timeLimitMs > 0)) throw AppError.field("timeLimitMs", "must be a number > 0");
  if (options.iterations !== undefined && !(Number.isInteger(options.iterations) && options.iterations >= 0))
    throw AppError.field("iterations", "must be an integer ≥ 0");
  const timeLimit = options.timeLimitMs ?? (options.iterations === undefined ? 5000 : Infinity);
  const m = compileModel(problem);
  if (m.n <= 1) return { routes: [], unassigned: [], cost: 0, initialCost: 0, iterations: 0, timeMs: performance.now() - t };
  const adj = nearestNeighbors(m, RUIN_NEIGHBORS);
  const { w, absent } = start(m, adj);
  const initialCost = w.cost;
  const rng = new Rng(options.seed ?? 1);
  const res = search(
    m,
    w,
    absent,
    adj,
    rng,
    { ...DEFAULT_PARAMS, ...params },
    {
      iterations: options.iterations ?? Infinity,
      deadline: t + timeLimit,
      targetCost: options.targetCost ?? -Infinity,
      now: () => performance.now(),
    },
  );
  return {
    routes: fromSnapshot(m, res.best),
    unassigned: res.absent.map((v) => v - 1),
    cost: res.best.cost,
    initialCost,
    iterations: res.iterations,
    timeMs: performance.now() - t,
  };
}
