// A milk run as a vehicle-routing problem: the station is the depot; each village point is a stop
// with what is dropped there and what is picked up there, in four dimensions (g, cm³, chilled g,
// frozen g); a vehicle without a compartment of a class has capacity 0 in it. A stop bigger than any
// vehicle is split into pieces at the same place.
import { carriesTemp, solveVrp, type TColdClass, type VrpProblem, type VrpSolution } from "@xiangda/domain";
import { kmBetween, SPEED_KM_PER_MIN, type NodePlace } from "./geometry.ts";

export interface RunItem {
  id: string;
  stopNodeId: string;
  pickup: boolean;
  weightG: number;
  volumeCm3: number;
  temp: "AMBIENT" | "CHILLED" | "FROZEN";
}

export interface RunVehicle {
  id: string;
  capacityKg: number;
  capacityL: number;
  cold: TColdClass;
}

export interface MilkRunOptions {
  /// Minutes at each stop.
  serviceMinutes: number;
  /// Longest loop, minutes.
  maxMinutes: number;
  /// Cost of using a vehicle, in km: fewer vehicles when it costs little distance.
  vehicleKm: number;
  iterations: number;
  timeLimitMs: number;
  seed: number;
  /// When the run leaves: village points' opening hours become time windows relative to it.
  departAt?: Date;
}

/// A node's opening hours as a window in minutes after the run leaves (service starting within it).
export function openingWindow(
  hours: string | null,
  departAt: Date | undefined,
  serviceMinutes: number,
): { earliest?: number; latest?: number } {
  const m = hours ? /^(\d{1,2}):(\d{2})\s*[-–~]\s*(\d{1,2}):(\d{2})$/.exec(hours.trim()) : null;
  if (!m || !departAt) return {};
  const open = Number(m[1]) * 60 + Number(m[2]);
  const close = Number(m[3]) * 60 + Number(m[4]);
  if (close <= open) return {};
  const dep = (((departAt.getTime() / 60_000 + 8 * 60) % 1440) + 1440) % 1440;
  return { earliest: open - dep, latest: close - dep - serviceMinutes };
}

export const DEFAULT_MILK_RUN: MilkRunOptions = {
  serviceMinutes: 5,
  maxMinutes: 240,
  vehicleKm: 15,
  iterations: 3000,
  timeLimitMs: 2000,
  seed: 1,
};

export interface MilkRunPlan {
  problem: VrpProblem;
  solution: VrpSolution;
  /// Items of each VRP stop.
  stopItems: string[][];
  stopNode: string[];
}

const demand = (items: RunItem[]) => {
  const d = [0, 0, 0, 0];
  for (const i of items) {
    d[0]! += i.weightG;
    d[1]! += i.volumeCm3;
    if (i.temp === "CHILLED") d[2]! += i.weightG;
    if (i.temp === "FROZEN") d[3]! += i.weightG;
  }
  return d;
};

export function vehicleCapacity(v: RunVehicle): number[] {
  const g = v.capacityKg * 1000;
  return [g, v.capacityL * 1000, carriesTemp(v.cold, "CHILLED") ? g : 0, carriesTemp(v.cold, "FROZEN") ? g : 0];
}

export function planMilkRun(
  station: NodePlace,
  places: Map<string, NodePlace>,
  fallbackKm: (id: string) => number,
  items: RunItem[],
  vehicles: RunVehicle[],
  opts: MilkRunOptions = DEFAULT_MILK_RUN,
): MilkRunPlan {
  const maxCap = [0, 1, 2, 3].map((d) => Math.max(0, ...vehicles.map((v) => vehicleCapacity(v)[d]!)));
  const byNode = new Map<string, RunItem[]>();
  for (const i of items) byNode.set(i.stopNodeId, [...(byNode.get(i.stopNodeId) ?? []), i]);
  const stopItems: string[][] = [];
  const stopNode: string[] = [];
  const stops: VrpProblem["stops"][number][] = [];
  for (const [node, list] of [...byNode].sort((a, b) => a[0].localeCompare(b[0]))) {
    // Pieces no bigger than the largest vehicle, packed greedily in each direction.
    const pieces: RunItem[][] = [];
    for (const dir of [false, true]) {
      let cur: RunItem[] = [];
      for (const i of list.filter((x) => x.pickup === dir).sort((a, b) => b.weightG - a.weightG || a.id.localeCompare(b.id))) {
        const next = demand([...cur, i]);
        if (cur.length && next.some((x, d) => x > maxCap[d]! && maxCap[d]! > 0)) {
          pieces.push(cur);
          cur = [];
        }
        cur.push(i);
      }
      if (cur.length) pieces.push(cur);
    }
    const place = places.get(node);
    for (const piece of pieces) {
      stopItems.push(piece.map((i) => i.id));
      stopNode.push(node);
      stops.push({
        lat: place?.lat ?? undefined,
        lng: place?.lng ?? undefined,
        delivery: demand(piece.filter((i) => !i.pickup)),
        pickup: demand(piece.filter((i) => i.pickup)),
        serviceTime: opts.serviceMinutes,
        ...openingWindow(place?.openingHours ?? null, opts.departAt, opts.serviceMinutes),
      });
    }
  }
  const nodes = [station.id, ...stopNode];
  const matrix = nodes.map((a) =>
    nodes.map((b) =>
      kmBetween(
        places.get(a) ?? (a === station.id ? station : undefined),
        places.get(b) ?? (b === station.id ? station : undefined),
        fallbackKm,
      ),
    ),
  );
  const problem: VrpProblem = {
    dimensions: ["g", "cm3", "chilled g", "frozen g"],
    // The run leaves at its departure, not earlier.
    depot: { lat: station.lat ?? undefined, lng: station.lng ?? undefined, earliest: 0 },
    stops,
    fleet: vehicles.map((v) => ({ name: v.id, capacity: vehicleCapacity(v), count: 1, fixedCost: opts.vehicleKm })),
    distance: { kind: "matrix", matrix },
    speed: SPEED_KM_PER_MIN,
    maxDuration: opts.maxMinutes,
  };
  const solution =
    stops.length && vehicles.length
      ? solveVrp(problem, { seed: opts.seed, iterations: opts.iterations, timeLimitMs: opts.timeLimitMs })
      : { routes: [], unassigned: stops.map((_, i) => i), cost: 0, initialCost: 0, iterations: 0, timeMs: 0 };
  return { problem, solution, stopItems, stopNode };
}

/// Km and minutes of a loop through `stops` (indexes into the problem), from and back to the depot.
export function loopFigures(
  p: VrpProblem,
  stops: readonly number[],
  serviceMinutes: number,
): { km: number; minutes: number; legsKm: number[] } {
  const m = (p.distance as { kind: "matrix"; matrix: number[][] }).matrix;
  const seq = [0, ...stops.map((s) => s + 1), 0];
  const legsKm = seq.slice(1).map((b, i) => m[seq[i]!]![b]!);
  const km = legsKm.reduce((a, b) => a + b, 0);
  return { km, minutes: km / SPEED_KM_PER_MIN + stops.length * serviceMinutes, legsKm };
}
