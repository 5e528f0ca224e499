// Loads of the demo's departures in a time window, from the generated legs in the database: one load per lane
// departure for all carriers together and one per station milk run (the keys of consolidation/assign.ts, prefixed
// "demo:"), with their items, vehicles, status at the generator's clock and the report the dashboard reads.
import type { PgClient } from "@xiangda/db";
import { loadSlotFor, makeLoadCode, type LoadSlot } from "@xiangda/domain";
import type { DemoContext, DemoVehicle } from "./context.ts";
import { decreasing, Geometry, laneTrip, milkLoop, packItems, sweepOrder, type PlanItem, type PlannedVehicle } from "./load-plan.ts";
import { Rng } from "./random.ts";
import { insertJson, withTimes } from "./sql.ts";

interface LegRead {
  legId: string;
  shipmentId: string;
  laneId: string;
  fromNodeId: string;
  toNodeId: string;
  pd: number;
  ad: number | null;
  aa: number | null;
  carrierId: string | null;
  weightG: number;
  volumeCm3: number;
  temp: PlanItem["temp"];
}

/// The window's parcels first (the createdAt BRIN), then each one's legs by its index: a plan that never scans
/// the whole leg table, whatever the statistics say mid-run.
const LEGS_SQL = `
WITH s AS MATERIALIZED (
  SELECT id, "carrierId", "weightG", coalesce("volumeCm3", "weightG" * 5) AS "volumeCm3", temp::text AS temp FROM "Shipment"
   WHERE "countyCode" = $1 AND "createdAt" >= $2 AND "createdAt" < $3 AND "manifestId" = ANY($4::uuid[]))
SELECT l.id AS "legId", s.id AS "shipmentId", l."laneId", l."fromNodeId", l."toNodeId",
       (extract(epoch FROM l."plannedDepart") * 1000)::float8 AS pd, (extract(epoch FROM l."actualDepart") * 1000)::float8 AS ad,
       (extract(epoch FROM l."actualArrive") * 1000)::float8 AS aa, s."carrierId", s."weightG", s."volumeCm3", s.temp
  FROM s JOIN LATERAL (
    SELECT * FROM "ShipmentLeg" x WHERE x."shipmentId" = s.id AND x."plannedDepart" >= $5 AND x."plannedDepart" < $6 AND x.status <> 'CANCELLED') l ON true
 ORDER BY l."plannedDepart", l.id`;

/// Vehicle trips already planned, so a vehicle is never on two loads at once.
export type Busy = Map<string, [number, number][]>;
const isFree = (busy: Busy, v: DemoVehicle, from: number, to: number) => !(busy.get(v.id) ?? []).some(([a, b]) => a < to && b > from);

export interface LoadsWritten {
  loads: number;
  items: number;
  vehicles: number;
}

/// Per-carrier baseline: each carrier's parcels alone, with as many vehicles like the node's biggest as it needs.
function baseline(
  items: readonly PlanItem[],
  type: DemoVehicle,
  trip: (bin: { vehicle: DemoVehicle; items: PlanItem[]; w: number; vol: number }) => PlannedVehicle,
) {
  const by = new Map<string, PlanItem[]>();
  for (const it of items) by.set(it.carrierId ?? "XD", [...(by.get(it.carrierId ?? "XD") ?? []), it]);
  let trips = 0;
  let km = 0;
  const fills: [number, number][] = [];
  for (const list of by.values()) {
    const copies = Array.from({ length: list.length }, (_, k) => ({ ...type, id: `${type.id}#${k}` }));
    for (const b of packItems(list, [copies], () => true).bins) {
      const t = trip(b);
      trips++;
      km += t.km;
      fills.push([t.fillWeight, t.fillVolume]);
    }
  }
  const mean = (k: 0 | 1) => (fills.length ? fills.reduce((s, f) => s + f[k], 0) / fills.length : 0);
  return { carriers: by.size, trips, km, parcelsPerVehicleKm: km ? items.length / km : 0, fillWeight: mean(0), fillVolume: mean(1) };
}

/// The window's legs grouped by load slot (a lane departure or a station's milk run), earliest departure first.
function groupLegs(ctx: DemoContext, legs: LegRead[]) {
  const tierOf = (id: string) => ctx.nodes.get(id)!.tier;
  const groups = new Map<string, { slot: LoadSlot; legs: LegRead[]; items: PlanItem[] }>();
  for (const l of legs) {
    const lane = ctx.lanes.get(l.laneId);
    if (!lane) continue;
    const slot = loadSlotFor(
      {
        laneId: l.laneId,
        mode: lane.mode,
        fromNodeId: l.fromNodeId,
        toNodeId: l.toNodeId,
        fromTier: tierOf(l.fromNodeId),
        toTier: tierOf(l.toNodeId),
        plannedDepart: new Date(l.pd),
        cutoffMinutes: lane.cutoffMinutes,
      },
      (station) => ctx.milkRuns.get(station),
    );
    const g = groups.get(slot.key) ?? { slot, legs: [], items: [] };
    g.legs.push(l);
    g.items.push({
      legId: l.legId,
      carrierId: l.carrierId,
      weightG: l.weightG,
      volumeCm3: l.volumeCm3,
      temp: l.temp,
      stopNodeId: slot.stopNodeId,
      pickup: slot.pickup,
    });
    groups.set(slot.key, g);
  }
  return [...groups.values()].sort((a, b) => a.slot.departAt.getTime() - b.slot.departAt.getTime() || a.slot.key.localeCompare(b.slot.key));
}

type DemoLane = NonNullable<ReturnType<DemoContext["lanes"]["get"]>>;

/// One load's vehicles, packed from the free ones at its node, the other end and the county, and the report the
/// dashboard reads; a bus load gets no vehicle of ours.
function planSlot(
  ctx: DemoContext,
  geo: Geometry,
  s: { slot: LoadSlot; items: PlanItem[]; mode: string; lane: DemoLane | null; depart: number },
  busy: Busy,
): { planned: PlannedVehicle[]; report: Record<string, unknown> } {
  const { slot, items, mode, lane, depart } = s;
  if (mode === "BUS")
    return {
      planned: [],
      report: { mode: "BUS", parcels: items.length, weightKg: items.reduce((s, i) => s + i.weightG, 0) / 1000, vehicles: 0, demo: true },
    };
  const home = (id: string) => ctx.vehicles.filter((v) => v.homeNodeId === id);
  const node = ctx.nodes.get(slot.nodeId)!;
  const other = slot.milkRun ? node.parentId : slot.toNodeId;
  const pools = [home(slot.nodeId), other ? home(other) : [], ctx.vehicles];
  const est = slot.milkRun ? 240 : 2 * (lane?.transitMinutes ?? 60);
  const trip = (b: { vehicle: DemoVehicle; items: PlanItem[]; w: number; vol: number }) =>
    slot.milkRun ? milkLoop(ctx, geo, b, node, depart) : laneTrip(ctx, geo, b, slot.nodeId, slot.toNodeId!, depart, lane!.transitMinutes);
  const freeHome = pools[0]!.filter((v) => isFree(busy, v, depart, depart + est * 60_000)).length;
  const type = [...(pools[0]!.length ? pools[0]! : pools[1]!.length ? pools[1]! : ctx.vehicles)].sort(
    (a, b) => b.capacityKg - a.capacityKg,
  )[0]!;
  const packed = packItems(slot.milkRun ? sweepOrder(geo, node, items) : decreasing(items, type), pools, (v) =>
    isFree(busy, v, depart, depart + est * 60_000),
  );
  const planned = packed.bins.map(trip);
  const unassigned = packed.unassigned.length;
  for (const p of planned)
    busy.set(p.vehicle.id, [
      ...(busy.get(p.vehicle.id) ?? []).filter(([, b]) => b > depart - 2 * 86_400_000),
      [depart, depart + p.minutes * 60_000],
    ]);
  const plannedKm = planned.reduce((s, p) => s + p.km, 0);
  const emptyKm = planned.reduce((s, p) => s + p.emptyKm, 0);
  const base = baseline(items, type, trip);
  const mean = (f: (p: PlannedVehicle) => number) => (planned.length ? planned.reduce((s, p) => s + f(p), 0) / planned.length : 0);
  const report = {
    mode,
    parcels: items.length,
    rolled: 0,
    vehicles: planned.length,
    freeVehicles: freeHome,
    fillWeight: mean((p) => p.fillWeight),
    fillVolume: mean((p) => p.fillVolume),
    rolledReasons: [],
    plannedKm,
    emptyKm,
    emptyRunningRate: plannedKm ? emptyKm / plannedKm : 0,
    parcelsPerVehicleKm: plannedKm ? items.length / plannedKm : 0,
    baseline: base,
    tripsSaved: Math.max(0, base.trips - planned.length),
    kmSaved: base.km - plannedKm,
    unassigned,
    demo: true,
  };
  return { planned, report };
}

export async function buildLoads(
  c: PgClient,
  ctx: DemoContext,
  q: { from: number; to: number; createdFrom: number; runIds: string[]; asOf: number; busy: Busy; label: string },
): Promise<LoadsWritten> {
  const legs = (
    await c.query<LegRead>(LEGS_SQL, [ctx.countyCode, new Date(q.createdFrom), new Date(q.to), q.runIds, new Date(q.from), new Date(q.to)])
  ).rows;
  const list = groupLegs(ctx, legs);
  if (!list.length) return { loads: 0, items: 0, vehicles: 0 };

  const serials = (await c.query<{ v: string }>(`SELECT nextval('load_serial')::text AS v FROM generate_series(1, $1::int)`, [list.length]))
    .rows;
  const r = new Rng(ctx.seed, ctx.countyCode, "loads", q.label);
  const geo = new Geometry(ctx);
  const loadRows: object[] = [];
  const vehicleRows: object[] = [];
  const itemRows: object[] = [];

  list.forEach(({ slot, legs: ls, items }, k) => {
    const depart = slot.departAt.getTime();
    const lane = slot.laneId ? ctx.lanes.get(slot.laneId)! : null;
    const mode = slot.milkRun ? "MILK_RUN" : lane!.mode;
    const loadId = r.uuid7(slot.cutoffAt.getTime());
    const departed = ls.map((l) => l.ad).filter((x): x is number => x !== null && x <= q.asOf);
    const arrived = ls.map((l) => l.aa).filter((x): x is number => x !== null && x <= q.asOf);
    const status = departed.length
      ? arrived.length === ls.length
        ? "ARRIVED"
        : "DEPARTED"
      : slot.cutoffAt.getTime() <= q.asOf
        ? "PLANNED"
        : "OPEN";
    const { planned, report } =
      status === "OPEN" ? { planned: [], report: null } : planSlot(ctx, geo, { slot, items, mode, lane, depart }, q.busy);
    const lvIds = new Map<string, string>();
    planned.forEach((p, seq) => {
      const id = r.uuid7(depart);
      for (const it of p.items) lvIds.set(it.legId, id);
      vehicleRows.push({
        i: id,
        l: loadId,
        v: p.vehicle.id,
        q: seq + 1,
        p: p.items.length,
        w: p.weightG,
        vol: p.volumeCm3,
        fw: p.fillWeight,
        fv: p.fillVolume,
        b: depart + p.minutes * 60_000,
        pm: Math.round(p.km * 1000),
        pmin: p.minutes,
        s: { emptyMeters: Math.round(p.emptyKm * 1000), stops: p.stops },
        pa: slot.cutoffAt.getTime() + 120_000,
      });
    });
    const sealed = status === "OPEN" ? null : slot.cutoffAt.getTime();
    loadRows.push({
      i: loadId,
      k: `demo:${slot.key}`,
      c: makeLoadCode(BigInt(serials[k]!.v)),
      m: slot.milkRun,
      ln: slot.laneId,
      n: slot.nodeId,
      t: slot.toNodeId,
      d: depart,
      co: slot.cutoffAt.getTime(),
      st: status,
      sa: sealed,
      pa: sealed === null ? null : sealed + 180_000,
      da: departed.length ? Math.min(...departed) : null,
      aa: status === "ARRIVED" ? Math.max(...arrived) : null,
      r: report,
      ca: Math.min(depart - 86_400_000, slot.cutoffAt.getTime()),
    });
    ls.forEach((l, j) => {
      const it = items[j]!;
      itemRows.push({
        l: loadId,
        s: l.shipmentId,
        g: l.legId,
        c: l.carrierId,
        w: l.weightG,
        v: l.volumeCm3,
        t: l.temp,
        n: it.stopNodeId,
        p: it.pickup,
        lv: lvIds.get(l.legId) ?? null,
        ca: Math.min(l.pd, slot.cutoffAt.getTime()),
      });
    });
  });

  await insertJson(c, LOAD_SQL, loadRows, 2000, [ctx.countyCode]);
  await insertJson(c, VEHICLE_SQL, vehicleRows, 2000);
  await insertJson(c, ITEM_SQL, itemRows, 20_000);
  return { loads: loadRows.length, items: itemRows.length, vehicles: vehicleRows.length };
}

const LOAD_SQL = withTimes(`
INSERT INTO "Load" (id, "countyCode", key, code, "milkRun", "laneId", "nodeId", "toNodeId", "departAt", "cutoffAt", status, "sealedAt", "plannedAt",
  "departedAt", "arrivedAt", report, "createdAt", "updatedAt")
SELECT i, $2, k, c, m, ln, n, t, ts(d), ts(co), st, ts(sa), ts(pa), ts(da), ts(aa), r, ts(ca), coalesce(ts(aa), ts(da), ts(pa), ts(ca))
  FROM json_to_recordset($1::json) AS x(i uuid, k text, c text, m bool, ln uuid, n uuid, t uuid, d float8, co float8, st "LoadStatus",
       sa float8, pa float8, da float8, aa float8, r jsonb, ca float8)`);

const VEHICLE_SQL = withTimes(`
INSERT INTO "LoadVehicle" (id, "loadId", "vehicleId", seq, parcels, "weightG", "volumeCm3", "fillWeight", "fillVolume", "busyUntil", "plannedMeters",
  "plannedMinutes", stops, "plannedAt")
SELECT i, l, v, q, p, w, vol, fw, fv, ts(b), pm, pmin, s, ts(pa)
  FROM json_to_recordset($1::json) AS x(i uuid, l uuid, v uuid, q int, p int, w int, vol int, fw float8, fv float8, b float8, pm int, pmin int, s jsonb, pa float8)`);

const ITEM_SQL = withTimes(`
INSERT INTO "LoadItem" ("loadId", "shipmentId", "legId", "carrierId", "weightG", "volumeCm3", temp, "stopNodeId", pickup, status, "loadVehicleId", "createdAt")
SELECT l, s, g, c, w, v, t, n, p, 'ASSIGNED', lv, ts(ca)
  FROM json_to_recordset($1::json) AS x(l uuid, s uuid, g uuid, c uuid, w int, v int, t "TempClass", n uuid, p bool, lv uuid, ca float8)`);
