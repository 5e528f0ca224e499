// Public model of a milk-run problem: a depot, stops with deliveries and pickups, a fleet, distances.

/// A place: `lat`/`lng` in degrees for haversine distances, `x`/`y` for Euclidean ones.
export interface VrpPoint {
  lat?: number;
  lng?: number;
  x?: number;
  y?: number;
}

/// Times are in one unit chosen by the caller (minutes, say); `speed` converts distance to that unit.
export interface VrpDepot extends VrpPoint {
  /// The vehicle may leave from `earliest` on and must be back by `latest`.
  earliest?: number;
  latest?: number;
}

export interface VrpStop extends VrpPoint {
  /// Goods dropped here, one number per dimension (kg, m³, cold kg, …); loaded at the depot.
  delivery: readonly number[];
  /// Goods picked up here (farm products going up), one number per dimension; unloaded at the depot.
  pickup?: readonly number[];
  serviceTime?: number;
  /// Service must start within [earliest, latest]; arriving early means waiting.
  earliest?: number;
  latest?: number;
}

export interface VrpVehicleType {
  name?: string;
  /// One number per dimension. 0 in a dimension (no cold compartment, say) refuses any stop with demand in it.
  capacity: readonly number[];
  /// How many such vehicles exist; absent means as many as needed.
  count?: number;
  /// Cost of using one such vehicle, added to its distance.
  fixedCost?: number;
  /// Longest route, from leaving the depot to coming back, waiting and service included.
  maxDuration?: number;
}

export type VrpDistance =
  /// (stops + 1)² matrix, row/column 0 being the depot, row i the stop i − 1. May be asymmetric.
  | { kind: "matrix"; matrix: readonly (readonly number[])[] }
  /// Great-circle distance in km on lat/lng, times `roadFactor` (default 1.3) for winding roads.
  | { kind: "haversine"; roadFactor?: number }
  /// Straight line on x/y; `round` rounds each edge to the nearest integer (CVRPLIB EUC_2D).
  | { kind: "euclidean"; round?: boolean };

export interface VrpProblem {
  /// Names of the load dimensions, for messages (e.g. ["kg", "m3", "cold kg"]). Length = dimensions.
  dimensions?: readonly string[];
  depot: VrpDepot;
  stops: readonly VrpStop[];
  /// Vehicle types; a CVRP has one type without `count`.
  fleet: readonly VrpVehicleType[];
  distance: VrpDistance;
  /// Distance units per time unit (default 1): travel time = distance / speed.
  speed?: number;
  /// Applies to every route, on top of the vehicle type's own limit.
  maxDuration?: number;
}

/// One vehicle's loop: `vehicle` indexes `fleet`, `stops` index `problem.stops` in visiting order.
export interface VrpRoute {
  vehicle: number;
  stops: number[];
}

export interface VrpSolveOptions {
  seed?: number;
  /// Wall-clock budget. The result then depends on the machine's speed; use `iterations` to reproduce.
  timeLimitMs?: number;
  /// Ruin-and-recreate iterations; with it alone the result depends only on the problem and the seed.
  iterations?: number;
  /// Stop early once the cost is at or below this (e.g. a known optimum).
  targetCost?: number;
}

export interface VrpSolution {
  routes: VrpRoute[];
  /// Stops no vehicle could take (fleet too small, demand beyond every capacity, impossible window).
  unassigned: number[];
  /// Distance plus fixed costs, as the solver computed it; `checkSolution` recomputes it independently.
  cost: number;
  /// Cost of the Clarke–Wright savings start.
  initialCost: number;
  iterations: number;
  timeMs: number;
}
