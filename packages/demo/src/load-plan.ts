// The consolidation of one demo load, computed the cheap way: first-fit onto the vehicles of the load's home node
// (then the other end's, then any free vehicle of the county), a milk run's stops swept by angle around the station,
// km from the nodes' positions (haversine × road factor), and the per-carrier baseline (each carrier alone with
// vehicles like the node's). Close to what seal/plan/finishLoad record, without running the VRP solver 60,000 times.
import { DEFAULT_ROAD_FACTOR, haversineKm, type RunStop } from "@xiangda/domain";
import type { DemoContext, DemoNode, DemoVehicle } from "./context.ts";

const KM_PER_MIN = 40 / 60;
const STOP_MINUTES = 5;

export interface PlanItem {
  legId: string;
  carrierId: string | null;
  weightG: number;
  volumeCm3: number;
  temp: "AMBIENT" | "CHILLED" | "FROZEN";
  stopNodeId: string;
  pickup: boolean;
}

export interface PlannedVehicle {
  vehicle: DemoVehicle;
  items: PlanItem[];
  weightG: number;
  volumeCm3: number;
  fillWeight: number;
  fillVolume: number;
  km: number;
  emptyKm: number;
  minutes: number;
  stops: RunStop[];
}

interface Bin {
  vehicle: DemoVehicle;
  items: PlanItem[];
  /// Drops and pick-ups together: a loop never carries more than both at once.
  w: number;
  vol: number;
}

const carries = (cold: DemoVehicle["cold"], temp: PlanItem["temp"]) => temp === "AMBIENT" || cold === "BOTH" || cold === temp;
const fits = (b: Bin, it: PlanItem) =>
  b.w + it.weightG <= b.vehicle.capacityKg * 1000 && b.vol + it.volumeCm3 <= b.vehicle.capacityL * 1000;

/// First fit in the given order over vehicles from the pools in turn. Cold parcels that find no cold compartment go
/// last in insulated boxes on any vehicle with room (the demo fleet has two reefers); what still finds no room has
/// no vehicle (`unassigned`).
export function packItems(items: readonly PlanItem[], pools: readonly DemoVehicle[][], usable: (v: DemoVehicle) => boolean) {
  const bins: Bin[] = [];
  const taken = new Set<string>();
  const place = (it: PlanItem, strict: boolean): boolean => {
    const ok = (v: DemoVehicle) => !strict || carries(v.cold, it.temp);
    const open = bins.find((b) => ok(b.vehicle) && fits(b, it));
    if (open) {
      open.items.push(it);
      open.w += it.weightG;
      open.vol += it.volumeCm3;
      return true;
    }
    for (const pool of pools) {
      const v = pool.find(
        (x) => !taken.has(x.id) && usable(x) && ok(x) && it.weightG <= x.capacityKg * 1000 && it.volumeCm3 <= x.capacityL * 1000,
      );
      if (v) {
        taken.add(v.id);
        bins.push({ vehicle: v, items: [it], w: it.weightG, vol: it.volumeCm3 });
        return true;
      }
    }
    return false;
  };
  const left = items.filter((it) => !place(it, true));
  const unassigned = left.filter((it) => !place(it, false));
  return { bins, unassigned };
}

export class Geometry {
  private readonly fallback = new Map<string, number>();

  constructor(private readonly ctx: DemoContext) {
    // A node without a position is placed by its lanes' transit time (40 km/h), as consolidation/geometry.ts does.
    for (const l of ctx.lanes.values()) {
      const km = l.transitMinutes * KM_PER_MIN;
      for (const [a, b] of [
        [l.fromNodeId, l.toNodeId],
        [l.toNodeId, l.fromNodeId],
      ] as const) {
        const k = `${a}>${b}`;
        this.fallback.set(k, Math.min(this.fallback.get(k) ?? Infinity, km));
      }
    }
  }

  km(a: string, b: string): number {
    if (a === b) return 0;
    const x = this.ctx.nodes.get(a);
    const y = this.ctx.nodes.get(b);
    if (x?.lat != null && x.lng != null && y?.lat != null && y.lng != null)
      return haversineKm({ lat: x.lat, lng: x.lng }, { lat: y.lat, lng: y.lng }) * DEFAULT_ROAD_FACTOR;
    return this.fallback.get(`${a}>${b}`) ?? 10;
  }

  /// Angle of `id` around `base` (stations sweep their village points in this order).
  angle(base: DemoNode, id: string): number {
    const n = this.ctx.nodes.get(id);
    if (base.lat == null || base.lng == null || n?.lat == null || n.lng == null) return 0;
    return Math.atan2(n.lat - base.lat, (n.lng - base.lng) * Math.cos((base.lat * Math.PI) / 180));
  }
}

type Stop = PlannedVehicle["stops"][number];

/// A lane trip: out loaded, back empty.
export function laneTrip(
  ctx: DemoContext,
  geo: Geometry,
  b: Bin,
  from: string,
  to: string,
  departAt: number,
  transitMinutes: number,
): PlannedVehicle {
  const oneWay = geo.km(from, to) || transitMinutes * KM_PER_MIN;
  const n = ctx.nodes.get(to)!;
  const stop: Stop = {
    nodeId: to,
    code: n.code,
    name: n.name,
    arriveAt: new Date(departAt + transitMinutes * 60_000).toISOString(),
    drops: b.items.length,
    pickups: 0,
    dropKg: b.w / 1000,
    pickupKg: 0,
  };
  return {
    vehicle: b.vehicle,
    items: b.items,
    weightG: b.w,
    volumeCm3: b.vol,
    fillWeight: b.w / (b.vehicle.capacityKg * 1000),
    fillVolume: b.vol / (b.vehicle.capacityL * 1000),
    km: 2 * oneWay,
    emptyKm: oneWay,
    minutes: 2 * transitMinutes,
    stops: [stop],
  };
}

/// A milk-run loop from the station through its stops in sweep order: peak load on board, km, empty km, arrivals.
export function milkLoop(ctx: DemoContext, geo: Geometry, b: Bin, station: DemoNode, departAt: number): PlannedVehicle {
  const byStop = new Map<string, PlanItem[]>();
  for (const it of b.items) byStop.set(it.stopNodeId, [...(byStop.get(it.stopNodeId) ?? []), it]);
  const order = [...byStop.keys()].sort((x, y) => geo.angle(station, x) - geo.angle(station, y) || x.localeCompare(y));
  let onW = b.items.filter((i) => !i.pickup).reduce((s, i) => s + i.weightG, 0);
  let onV = b.items.filter((i) => !i.pickup).reduce((s, i) => s + i.volumeCm3, 0);
  let onBoard = b.items.filter((i) => !i.pickup).length;
  let peakW = onW;
  let peakV = onV;
  let km = 0;
  let emptyKm = 0;
  let at = departAt;
  let here = station.id;
  const stops: Stop[] = [];
  for (const id of order) {
    const d = geo.km(here, id);
    km += d;
    if (onBoard === 0) emptyKm += d;
    at += (d / KM_PER_MIN) * 60_000;
    const list = byStop.get(id)!;
    const drops = list.filter((i) => !i.pickup);
    const picks = list.filter((i) => i.pickup);
    const kg = (xs: PlanItem[]) => xs.reduce((s, i) => s + i.weightG, 0) / 1000;
    const n = ctx.nodes.get(id);
    stops.push({
      nodeId: id,
      code: n?.code ?? "",
      name: n?.name ?? "",
      arriveAt: new Date(at).toISOString(),
      drops: drops.length,
      pickups: picks.length,
      dropKg: kg(drops),
      pickupKg: kg(picks),
    });
    onW += kg(picks) * 1000 - kg(drops) * 1000;
    onV += picks.reduce((s, i) => s + i.volumeCm3, 0) - drops.reduce((s, i) => s + i.volumeCm3, 0);
    onBoard += picks.length - drops.length;
    peakW = Math.max(peakW, onW);
    peakV = Math.max(peakV, onV);
    at += STOP_MINUTES * 60_000;
    here = id;
  }
  const back = geo.km(here, station.id);
  km += back;
  if (onBoard === 0) emptyKm += back;
  const minutes = Math.ceil((at - departAt) / 60_000 + back / KM_PER_MIN);
  return {
    vehicle: b.vehicle,
    items: b.items,
    weightG: b.w,
    volumeCm3: b.vol,
    fillWeight: peakW / (b.vehicle.capacityKg * 1000),
    fillVolume: peakV / (b.vehicle.capacityL * 1000),
    km,
    emptyKm,
    minutes,
    stops,
  };
}

/// Orders a milk run's items by their stop's angle, so first-fit fills each vehicle with a slice of the compass.
export function sweepOrder(geo: Geometry, station: DemoNode, items: readonly PlanItem[]): PlanItem[] {
  const a = new Map<string, number>();
  for (const it of items) if (!a.has(it.stopNodeId)) a.set(it.stopNodeId, geo.angle(station, it.stopNodeId));
  return [...items].sort(
    (x, y) => a.get(x.stopNodeId)! - a.get(y.stopNodeId)! || x.stopNodeId.localeCompare(y.stopNodeId) || x.legId.localeCompare(y.legId),
  );
}

/// Cold parcels first (fewer places to go), then largest first: first-fit decreasing, as the seal does.
export function decreasing(items: readonly PlanItem[], v: { capacityKg: number; capacityL: number }): PlanItem[] {
  const size = (i: PlanItem) => Math.max(i.weightG / (v.capacityKg * 1000), i.volumeCm3 / (v.capacityL * 1000));
  return [...items].sort(
    (x, y) => Number(x.temp === "AMBIENT") - Number(y.temp === "AMBIENT") || size(y) - size(x) || x.legId.localeCompare(y.legId),
  );
}
