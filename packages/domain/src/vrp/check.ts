// Independent solution checker: recomputes distances, loads and times from the problem alone (none of
// the solver's matrices or records), so a solver bug cannot vouch for itself.
import type { VrpPoint, VrpProblem, VrpRoute } from "./types.ts";

export type VrpViolationKind =
  | "UNKNOWN_STOP"
  | "DUPLICATE_STOP"
  | "MISSING_STOP"
  | "UNKNOWN_VEHICLE"
  | "FLEET_SIZE"
  | "CAPACITY"
  | "NO_COMPARTMENT"
  | "TIME_WINDOW"
  | "DEPOT_WINDOW"
  | "DURATION";

export interface VrpViolation {
  kind: VrpViolationKind;
  /// Index of the route in the list given, when the violation belongs to one.
  route?: number;
  stop?: number;
  message: string;
}

export interface VrpCheckedRoute {
  distance: number;
  /// Shortest possible time from leaving the depot to coming back (departure as late as useful).
  duration: number;
  /// Highest load seen on the loop, per dimension.
  maxLoad: number[];
}

export interface VrpCheck {
  feasible: boolean;
  /// Distance plus fixed costs of the vehicles used.
  cost: number;
  distance: number;
  violations: VrpViolation[];
  routes: VrpCheckedRoute[];
}

const TOL = 1e-6;
const over = (value: number, limit: number) => value > limit + TOL * Math.max(1, Math.abs(limit));

function greatCircleKm(a: VrpPoint, b: VrpPoint): number {
  const r = Math.PI / 180;
  const s =
    Math.sin(((b.lat! - a.lat!) * r) / 2) ** 2 + Math.cos(a.lat! * r) * Math.cos(b.lat! * r) * Math.sin(((b.lng! - a.lng!) * r) / 2) ** 2;
  return 12742.0176 * Math.asin(Math.min(1, Math.sqrt(s)));
}

/// Edge length between nodes (−1 = depot, i = stop i).
function edgeLength(p: VrpProblem, a: number, b: number): number {
  if (a === b) return 0;
  const d = p.distance;
  if (d.kind === "matrix") return d.matrix[a + 1]![b + 1]!;
  const pa = a < 0 ? p.depot : p.stops[a]!;
  const pb = b < 0 ? p.depot : p.stops[b]!;
  if (d.kind === "haversine") return greatCircleKm(pa, pb) * (d.roadFactor ?? 1.3);
  const e = Math.hypot(pa.x! - pb.x!, pa.y! - pb.y!);
  return d.round ? Math.round(e) : e;
}

export function checkSolution(p: VrpProblem, routes: readonly (VrpRoute | readonly number[])[]): VrpCheck {
  const violations: VrpViolation[] = [];
  const dims = p.fleet[0]?.capacity.length ?? 0;
  const dimName = (k: number) => p.dimensions?.[k] ?? `dimension ${k}`;
  const seen = new Uint8Array(p.stops.length);
  const used = new Array<number>(p.fleet.length).fill(0);
  const out: VrpCheckedRoute[] = [];
  let distance = 0;
  let cost = 0;

  routes.forEach((raw, r) => {
    const route: VrpRoute = Array.isArray(raw) ? { vehicle: 0, stops: [...(raw as readonly number[])] } : (raw as VrpRoute);
    const checked: VrpCheckedRoute = { distance: 0, duration: 0, maxLoad: new Array<number>(dims).fill(0) };
    out.push(checked);
    if (route.stops.length === 0) return;
    const vt = p.fleet[route.vehicle];
    if (!vt) {
      violations.push({ kind: "UNKNOWN_VEHICLE", route: r, message: `route ${r}: vehicle type ${route.vehicle} does not exist` });
      return;
    }
    used[route.vehicle]!++;
    const stops: number[] = [];
    for (const s of route.stops) {
      if (!Number.isInteger(s) || s < 0 || s >= p.stops.length)
        violations.push({ kind: "UNKNOWN_STOP", route: r, message: `route ${r}: stop ${s} does not exist` });
      else if (seen[s]) violations.push({ kind: "DUPLICATE_STOP", route: r, stop: s, message: `stop ${s} is visited more than once` });
      else {
        seen[s] = 1;
        stops.push(s);
      }
    }
    if (stops.length === 0) return;

    // Distance.
    let prev = -1;
    for (const s of [...stops, -1]) {
      checked.distance += edgeLength(p, prev, s);
      prev = s;
    }
    distance += checked.distance;
    cost += checked.distance + (vt.fixedCost ?? 0);

    // Load at every point: all deliveries aboard when leaving, then − delivery + pickup at each stop.
    for (let k = 0; k < dims; k++) {
      const cap = vt.capacity[k]!;
      for (const s of stops) {
        const need = Math.max(p.stops[s]!.delivery[k]!, p.stops[s]!.pickup?.[k] ?? 0);
        if (cap === 0 && need > 0)
          violations.push({
            kind: "NO_COMPARTMENT",
            route: r,
            stop: s,
            message: `stop ${s} has ${dimName(k)} but vehicle type ${route.vehicle} has no ${dimName(k)} capacity`,
          });
      }
      let load = stops.reduce((sum, s) => sum + p.stops[s]!.delivery[k]!, 0);
      let peak = load;
      let where = "leaving the depot";
      for (const s of stops) {
        load += (p.stops[s]!.pickup?.[k] ?? 0) - p.stops[s]!.delivery[k]!;
        if (load > peak) {
          peak = load;
          where = `after stop ${s}`;
        }
      }
      checked.maxLoad[k] = peak;
      if (cap > 0 && over(peak, cap))
        violations.push({ kind: "CAPACITY", route: r, message: `route ${r}: ${dimName(k)} load ${peak} ${where} exceeds capacity ${cap}` });
    }

    // Time: travel = distance / speed. Leave as late as is useful: not later than the windows allow
    // (backward pass), and no later than needed to avoid all waiting.
    const speed = p.speed ?? 1;
    const travel = (a: number, b: number) => edgeLength(p, a, b) / speed;
    const svc = (s: number) => p.stops[s]!.serviceTime ?? 0;
    let latest = p.depot.latest ?? Infinity;
    let next = -1;
    for (let i = stops.length - 1; i >= 0; i--) {
      const s = stops[i]!;
      latest = Math.min(p.stops[s]!.latest ?? Infinity, latest - travel(s, next) - svc(s));
      next = s;
    }
    const latestDeparture = latest - travel(-1, stops[0]!);
    let offset = 0;
    let noWait = -Infinity;
    prev = -1;
    for (const s of stops) {
      offset += travel(prev, s);
      noWait = Math.max(noWait, (p.stops[s]!.earliest ?? -Infinity) - offset);
      offset += svc(s);
      prev = s;
    }
    let depart = Math.max(p.depot.earliest ?? -Infinity, Math.min(latestDeparture, noWait));
    if (!Number.isFinite(depart)) depart = Number.isFinite(latestDeparture) ? latestDeparture : 0;
    let time = depart;
    prev = -1;
    for (const s of stops) {
      const st = p.stops[s]!;
      time = Math.max(time + travel(prev, s), st.earliest ?? -Infinity);
      if (st.latest !== undefined && over(time, st.latest))
        violations.push({
          kind: "TIME_WINDOW",
          route: r,
          stop: s,
          message: `route ${r}: service at stop ${s} starts at ${time}, after its latest ${st.latest}`,
        });
      time += svc(s);
      prev = s;
    }
    time += travel(prev, -1);
    if (p.depot.latest !== undefined && over(time, p.depot.latest))
      violations.push({
        kind: "DEPOT_WINDOW",
        route: r,
        message: `route ${r}: back at the depot at ${time}, after its latest ${p.depot.latest}`,
      });
    checked.duration = time - depart;
    const maxDur = Math.min(vt.maxDuration ?? Infinity, p.maxDuration ?? Infinity);
    if (over(checked.duration, maxDur))
      violations.push({ kind: "DURATION", route: r, message: `route ${r}: takes ${checked.duration}, more than the ${maxDur} allowed` });
  });

  p.fleet.forEach((vt, t) => {
    if (vt.count !== undefined && used[t]! > vt.count)
      violations.push({ kind: "FLEET_SIZE", message: `${used[t]} routes use vehicle type ${t}, only ${vt.count} exist` });
  });
  seen.forEach((v, s) => {
    if (!v) violations.push({ kind: "MISSING_STOP", stop: s, message: `stop ${s} is not visited` });
  });
  return { feasible: violations.length === 0, cost, distance, violations, routes: out };
}
