// Packing a load's items onto its free vehicles when it is sealed: a lane's by first-fit decreasing, a milk run's by
// the routing solver over the station's village points; what does not fit is rolled with its reason.
import { randomUUID } from "node:crypto";
import { packLoad, type TRolledReason } from "@xiangda/domain";
import type { PgClient } from "@xiangda/db";
import { loadPlaces, transitKm } from "./geometry.ts";
import { loopFigures, planMilkRun, type MilkRunOptions } from "./milk-run.ts";
import type { SealItemRow, SealLoadRow, SealVehicle, SealVehicleRow } from "./seal-rows.ts";

export interface Packed {
  out: SealVehicle[];
  rolled: { id: string; reason: TRolledReason }[];
  report: Record<string, unknown>;
}

/// A lane load: first-fit decreasing onto the free vehicles, each busy until `until`.
export function packLane(load: SealLoadRow, items: SealItemRow[], free: SealVehicleRow[], until: Date): Packed {
  const packed = packLoad(items, free);
  const out = packed.vehicles.map((b) => ({
    id: randomUUID(),
    vehicleId: b.vehicleId,
    items: b.items,
    weightG: b.weightG,
    volumeCm3: b.volumeCm3,
    fillWeight: b.fillWeight,
    fillVolume: b.fillVolume,
    busyUntil: until,
    stops: null,
  }));
  const rolled = [...packed.rolled];
  const report = {
    mode: load.mode,
    parcels: items.length - rolled.length,
    rolled: rolled.length,
    vehicles: out.length,
    freeVehicles: free.length,
  };
  return { out, rolled, report };
}

/// A milk run: the solver's loops over the stops, each vehicle's fill taken at its peak along the loop.
export async function packMilkRun(
  c: PgClient,
  load: SealLoadRow,
  items: SealItemRow[],
  free: SealVehicleRow[],
  milk: MilkRunOptions,
  seed: number,
): Promise<Packed> {
  const byId = new Map(items.map((i) => [i.id, i]));
  const places = await loadPlaces(c, [load.nodeId, ...items.map((i) => i.stopNodeId)]);
  const fallback = await transitKm(c, load.nodeId);
  const station = places.get(load.nodeId)!;
  const plan = planMilkRun(station, places, (id) => fallback.get(id) ?? 10, items, free, { ...milk, seed, departAt: load.departAt });
  const out: SealVehicle[] = [];
  for (const r of plan.solution.routes) {
    const v = free[r.vehicle]!;
    const ids = r.stops.flatMap((s) => plan.stopItems[s]!);
    const list = ids.map((id) => byId.get(id)!);
    const f = loopFigures(plan.problem, r.stops, milk.serviceMinutes);
    const peak = peakLoad(list, r.stops, (s) => plan.stopItems[s]!.map((id) => byId.get(id)!));
    out.push({
      id: randomUUID(),
      vehicleId: v.id,
      items: ids,
      weightG: list.reduce((s, i) => s + i.weightG, 0),
      volumeCm3: list.reduce((s, i) => s + i.volumeCm3, 0),
      fillWeight: peak.weightG / (v.capacityKg * 1000),
      fillVolume: peak.volumeCm3 / (v.capacityL * 1000),
      busyUntil: new Date(load.departAt.getTime() + Math.ceil(f.minutes) * 60_000),
      stops: r.stops.map((s) => ({ nodeId: plan.stopNode[s] })),
    });
  }
  const rolled: Packed["rolled"] = [];
  for (const s of plan.solution.unassigned) {
    // A code, shown in the reader's language with the load's node (rolled-reasons.ts in @xiangda/domain).
    const reason: TRolledReason = free.length ? "LOOP_FULL" : "NO_VEHICLE";
    for (const id of plan.stopItems[s]!) rolled.push({ id, reason });
  }
  const report = {
    mode: "MILK_RUN",
    parcels: items.length - rolled.length,
    rolled: rolled.length,
    vehicles: out.length,
    freeVehicles: free.length,
    solver: { cost: plan.solution.cost, iterations: plan.solution.iterations, timeMs: plan.solution.timeMs },
  };
  return { out, rolled, report };
}

/// Peak load along a loop: everything to drop on board at the start, pick-ups added as it goes.
function peakLoad(list: SealItemRow[], stops: number[], at: (stop: number) => SealItemRow[]) {
  let w = list.filter((i) => !i.pickup).reduce((s, i) => s + i.weightG, 0);
  let vol = list.filter((i) => !i.pickup).reduce((s, i) => s + i.volumeCm3, 0);
  let peakW = w;
  let peakV = vol;
  for (const s of stops) {
    for (const it of at(s)) {
      const sign = it.pickup ? 1 : -1;
      w += sign * it.weightG;
      vol += sign * it.volumeCm3;
    }
    peakW = Math.max(peakW, w);
    peakV = Math.max(peakV, vol);
  }
  return { weightG: peakW, volumeCm3: peakV };
}
