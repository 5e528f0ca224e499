// One load for staff: its vehicles with fill rates and plans, the parcels grouped by stop in visiting order
// (by stop node while unplanned), rolled parcels with reasons, and totals per carrier. Phones and names masked.
import type { Db, Prisma } from "@xiangda/db";
import { maskName, maskPhone, type Actor } from "@xiangda/domain";
import { loadRowSelect } from "./list-loads.ts";
import { assertLoadAccess } from "./load-scope.ts";
import { carrierTotals, parseStops, reportFigures, sealLateness } from "./load-views.ts";
import type { TLoadRef } from "./schemas.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const loadSelect = { ...loadRowSelect, departedAt: true, arrivedAt: true, report: true } satisfies Prisma.LoadSelect;

export interface TLoadItemView {
  id: string;
  waybillNo: string | null;
  carrierWaybillNo: string | null;
  carrier: { code: string; name: string } | null;
  weightG: number;
  volumeCm3: number;
  temp: "AMBIENT" | "CHILLED" | "FROZEN";
  pickup: boolean;
  recipientName: string;
  recipientPhone: string;
  stop: { code: string; name: string } | null;
  status: "ASSIGNED" | "ROLLED" | "REMOVED";
  rolledReason: string | null;
  /// Why it left the load before sealing (a code: REPLANNED, LEG_DEPARTED, PARCEL_DELIVERED …), for REMOVED items.
  removedReason: string | null;
}

export interface TStopGroup {
  /// Visiting order (1, 2, …) when the vehicle's plan has the stop; null for parcels grouped by node only.
  seq: number | null;
  nodeId: string | null;
  code: string | null;
  name: string | null;
  arriveAt: string | null;
  drops: number;
  pickups: number;
  items: TLoadItemView[];
}

type NodeRef = { id: string; code: string; name: string };

const byWaybill = (a: TLoadItemView, b: TLoadItemView) =>
  Number(a.pickup) - Number(b.pickup) || (a.waybillNo ?? "").localeCompare(b.waybillNo ?? "");

/// Items grouped by their stop node, groups ordered by node code.
function groupByNode(items: TLoadItemView[], stopOf: (i: TLoadItemView) => NodeRef | null): TStopGroup[] {
  const groups = new Map<string, TStopGroup>();
  for (const it of items) {
    const n = stopOf(it);
    const key = n?.id ?? "";
    const g = groups.get(key) ?? {
      seq: null,
      nodeId: n?.id ?? null,
      code: n?.code ?? null,
      name: n?.name ?? null,
      arriveAt: null,
      drops: 0,
      pickups: 0,
      items: [],
    };
    g.items.push(it);
    if (it.pickup) g.pickups += 1;
    else g.drops += 1;
    groups.set(key, g);
  }
  for (const g of groups.values()) g.items.sort(byWaybill);
  return [...groups.values()].sort((a, b) => (a.code ?? "~").localeCompare(b.code ?? "~"));
}

type LoadRow = NonNullable<Awaited<ReturnType<typeof findLoad>>>;

function findLoad(db: Db, ref: TLoadRef) {
  return db.load.findUnique({ where: "id" in ref ? { id: ref.id } : { code: ref.code }, select: loadSelect });
}

/// What the view of a load reads beside the load: its items and vehicles, the lane, and the nodes, parcels, vehicles
/// and carriers they name (a second round, once their ids are known).
async function readLoadParts(db: Db, load: LoadRow) {
  const [items, loadVehicles, lane] = await Promise.all([
    db.loadItem.findMany({ where: { loadId: load.id }, orderBy: { id: "asc" } }),
    db.loadVehicle.findMany({ where: { loadId: load.id }, orderBy: [{ seq: "asc" }, { id: "asc" }] }),
    load.laneId ? db.lane.findUnique({ where: { id: load.laneId }, select: { code: true, mode: true, transitMinutes: true } }) : null,
  ]);
  const plans = new Map(loadVehicles.map((v) => [v.id, parseStops(v.stops)]));
  const nodeIds = new Set<string>([load.nodeId, ...(load.toNodeId ? [load.toNodeId] : []), ...items.map((i) => i.stopNodeId)]);
  for (const stops of plans.values()) for (const s of stops) if (s.nodeId && UUID.test(s.nodeId)) nodeIds.add(s.nodeId);
  const shipmentIds = [...new Set(items.map((i) => i.shipmentId))];
  const carrierIds = [...new Set(items.map((i) => i.carrierId).filter((x): x is string => !!x))];
  const vehicleIds = loadVehicles.map((v) => v.vehicleId);
  const [nodes, shipments, vehicles] = await Promise.all([
    db.node.findMany({ where: { id: { in: [...nodeIds] } }, select: { id: true, code: true, name: true } }),
    db.shipment.findMany({
      where: { id: { in: shipmentIds } },
      select: { id: true, waybillNo: true, carrierWaybillNo: true, recipientName: true, recipientPhone: true },
    }),
    db.vehicle.findMany({
      where: { id: { in: vehicleIds } },
      select: { id: true, number: true, plate: true, capacityKg: true, capacityL: true, cold: true, carrierId: true },
    }),
  ]);
  const allCarrierIds = [...new Set([...carrierIds, ...vehicles.map((v) => v.carrierId).filter((x): x is string => !!x)])];
  const carriers = new Map(
    (await db.carrier.findMany({ where: { id: { in: allCarrierIds } }, select: { id: true, code: true, name: true } })).map((c) => [
      c.id,
      { code: c.code, name: c.name },
    ]),
  );
  return {
    items,
    loadVehicles,
    lane,
    plans,
    carriers,
    nodeById: new Map(nodes.map((n) => [n.id, n])),
    nodeByCode: new Map(nodes.map((n) => [n.code, n])),
    shipmentById: new Map(shipments.map((s) => [s.id, s])),
    vehicleById: new Map(vehicles.map((v) => [v.id, v])),
  };
}

type LoadParts = Awaited<ReturnType<typeof readLoadParts>>;
type ItemRow = LoadParts["items"][number];

/// Each item as staff see it (names and phones masked), beside its row, and the stop node of each view.
function itemViews(parts: LoadParts) {
  const stopNode = new Map<TLoadItemView, NodeRef | null>();
  const views = parts.items.map((i) => {
    const s = parts.shipmentById.get(i.shipmentId);
    const stop = parts.nodeById.get(i.stopNodeId);
    const view: TLoadItemView = {
      id: i.id.toString(),
      waybillNo: s?.waybillNo ?? null,
      carrierWaybillNo: s?.carrierWaybillNo ?? null,
      carrier: i.carrierId ? (parts.carriers.get(i.carrierId) ?? null) : null,
      weightG: i.weightG,
      volumeCm3: i.volumeCm3,
      temp: i.temp,
      pickup: i.pickup,
      recipientName: maskName(s?.recipientName),
      recipientPhone: maskPhone(s?.recipientPhone),
      stop: stop ? { code: stop.code, name: stop.name } : null,
      status: i.status,
      rolledReason: i.rolledReason,
      removedReason: i.removedReason,
    };
    stopNode.set(view, stop ?? null);
    return { row: i, view };
  });
  return { views, stopOf: (v: TLoadItemView) => stopNode.get(v) ?? null };
}

/// One vehicle of the load: its figures, and its parcels by stop in the plan's visiting order, then by node.
function vehicleView(
  parts: LoadParts,
  lv: LoadParts["loadVehicles"][number],
  views: { row: ItemRow; view: TLoadItemView }[],
  stopOf: (v: TLoadItemView) => NodeRef | null,
) {
  const mine = views.filter((x) => x.row.status === "ASSIGNED" && x.row.loadVehicleId === lv.id);
  const plan = parts.plans.get(lv.id) ?? [];
  const planned: TStopGroup[] = plan.map((s, idx) => {
    const n = (s.nodeId ? parts.nodeById.get(s.nodeId) : undefined) ?? (s.code ? parts.nodeByCode.get(s.code) : undefined);
    return {
      seq: idx + 1,
      nodeId: n?.id ?? s.nodeId,
      code: s.code ?? n?.code ?? null,
      name: s.name ?? n?.name ?? null,
      arriveAt: s.arriveAt,
      drops: s.drops ?? -1,
      pickups: s.pickups ?? -1,
      items: [],
    };
  });
  const rest: TLoadItemView[] = [];
  for (const { view } of mine) {
    const n = stopOf(view);
    // A node visited twice (a loop back through it) gets its parcels at the first visit.
    const g = n ? planned.find((p) => p.nodeId === n.id) : undefined;
    if (g) g.items.push(view);
    else rest.push(view);
  }
  for (const g of planned) {
    g.items.sort(byWaybill);
    if (g.drops < 0) g.drops = g.items.filter((i) => !i.pickup).length;
    if (g.pickups < 0) g.pickups = g.items.filter((i) => i.pickup).length;
  }
  const v = parts.vehicleById.get(lv.vehicleId);
  return {
    id: lv.id,
    seq: lv.seq,
    vehicleId: lv.vehicleId,
    number: v?.number ?? null,
    plate: v?.plate ?? null,
    carrier: v?.carrierId ? (parts.carriers.get(v.carrierId)?.name ?? null) : null,
    capacityKg: v?.capacityKg ?? null,
    capacityL: v?.capacityL ?? null,
    cold: v?.cold ?? null,
    parcels: lv.parcels,
    weightG: lv.weightG,
    volumeCm3: lv.volumeCm3,
    fillWeight: lv.fillWeight,
    fillVolume: lv.fillVolume,
    plannedMeters: lv.plannedMeters,
    plannedMinutes: lv.plannedMinutes,
    busyUntil: lv.busyUntil.toISOString(),
    plannedAt: lv.plannedAt?.toISOString() ?? null,
    planned: planned.length > 0,
    stops: [...planned, ...groupByNode(rest, stopOf)],
  };
}

export async function getLoad(db: Db, { actor, ...ref }: { actor: Actor } & TLoadRef) {
  const load = await assertLoadAccess(db, actor, await findLoad(db, ref));
  const parts = await readLoadParts(db, load);
  const { loadVehicles, lane, nodeById } = parts;
  const { views, stopOf } = itemViews(parts);
  const vehicleViews = loadVehicles.map((lv) => vehicleView(parts, lv, views, stopOf));

  const onVehicle = new Set(loadVehicles.map((v) => v.id));
  const unassigned = views
    .filter((x) => x.row.status === "ASSIGNED" && !(x.row.loadVehicleId && onVehicle.has(x.row.loadVehicleId)))
    .map((x) => x.view);
  const rolled = views
    .filter((x) => x.row.status === "ROLLED")
    .map((x) => x.view)
    .sort(byWaybill);
  const removed = views
    .filter((x) => x.row.status === "REMOVED")
    .map((x) => x.view)
    .sort(byWaybill);
  const assigned = views.filter((x) => x.row.status === "ASSIGNED");
  const node = (id: string | null) => (id ? (nodeById.get(id) ?? null) : null);

  return {
    id: load.id,
    code: load.code,
    countyCode: load.countyCode,
    milkRun: load.milkRun,
    status: load.status,
    lane: lane ? { code: lane.code, mode: lane.mode, transitMinutes: lane.transitMinutes } : null,
    from: node(load.nodeId),
    to: node(load.toNodeId),
    departAt: load.departAt.toISOString(),
    cutoffAt: load.cutoffAt.toISOString(),
    sealedAt: load.sealedAt?.toISOString() ?? null,
    ...sealLateness(load),
    plannedAt: load.plannedAt?.toISOString() ?? null,
    departedAt: load.departedAt?.toISOString() ?? null,
    arrivedAt: load.arrivedAt?.toISOString() ?? null,
    figures: reportFigures(load.report),
    vehicles: vehicleViews,
    unassigned: groupByNode(unassigned, stopOf),
    rolled,
    /// Parcels that left the load before it was sealed (their legs no longer pending), with the reason.
    removed,
    carriers: carrierTotals(views.map((x) => x.view)),
    totals: {
      parcels: assigned.length,
      weightG: assigned.reduce((s, x) => s + x.row.weightG, 0),
      volumeCm3: assigned.reduce((s, x) => s + x.row.volumeCm3, 0),
      rolled: rolled.length,
      rolledWeightG: rolled.reduce((s, x) => s + x.weightG, 0),
      removed: removed.length,
      vehicles: loadVehicles.length,
    },
  };
}

export type TLoadDetail = Awaited<ReturnType<typeof getLoad>>;
