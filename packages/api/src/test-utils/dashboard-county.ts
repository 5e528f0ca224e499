// A hand-built county for the dashboard tests: parcels created and finished either side of an Asia/Shanghai
// midnight, legs of known tiers, loads with reports and counter sales; the expected figures are worked out by hand
// in the tests. Days: D1 = 2026-11-20, D2 = 2026-11-21 (Shanghai midnight between them is 2026-11-20T16:00Z).
import { randomUUID } from "node:crypto";
import type { Db, Prisma } from "@xiangda/db";
import { createArea, createNode } from "@xiangda/db/factories";
import { makeLoadCode } from "@xiangda/domain";
import type { World } from "./fixtures.ts";

export const D1 = "2026-11-20";
export const D2 = "2026-11-21";
/// 2026-11-21 14:20 in Asia/Shanghai: E is overdue, F is in the last 20 % of its leg, G and H are on track.
export const LIGHTS_NOW = new Date("2026-11-21T06:20:00Z");
export const T1 = "210881101000";
export const T2 = "210881102000";
export const V1 = "210881101201";
export const V2 = "210881102201";
export const V3 = "210881102202";

export interface DashboardFixture {
  hubId: string;
  s1Id: string;
  s2Id: string;
  p1Id: string;
  p2Id: string;
  carrierA: string;
  carrierB: string;
  shipments: Record<"A" | "B" | "C" | "D" | "E" | "F" | "G" | "H", string>;
  hubStaffName: string;
}

const t = (iso: string) => new Date(iso);
let seq = 0;

type Leg = {
  from: string;
  to: string;
  depart: string;
  arrive: string;
  actual?: string | null;
  status?: "PLANNED" | "DEPARTED" | "ARRIVED" | "CANCELLED";
  plan?: number;
};

type ShipInput = Partial<Prisma.ShipmentUncheckedCreateInput> & { direction: "DOWN" | "UP"; originNodeId: string; createdAt: Date };
type Ship = (o: ShipInput, legs?: Leg[]) => Promise<string>;
type Places = { county: string; hubId: string; s1Id: string; s2Id: string; p1Id: string; p2Id: string; carrierA: string; carrierB: string };

// Villages V2 and V3, points P1 and P2, a hub contact and hub staff member, two carriers and the lane every leg is on.
async function setUpPlaces(db: Db, w: World) {
  const county = w.home.countyCode;
  const hubId = w.home.hubId;
  const s1Id = w.home.stationId;
  const s2Id = w.home.otherStationId;
  await db.adminArea.update({ where: { code: V1 }, data: { isPoor: true } });
  await createArea(db, { code: V2, countyCode: county, level: "VILLAGE", kind: "村委会", name: "盖州二村委会", parentCode: T2 });
  // V3: a poor village no point or milk run reaches (the uncovered list).
  await createArea(db, {
    code: V3,
    countyCode: county,
    level: "VILLAGE",
    kind: "村委会",
    name: "盖州三村委会",
    parentCode: T2,
    isPoor: true,
  });
  const p1 = await createNode(db, { countyCode: county, areaCode: V1, tier: "VILLAGE_POINT", parentId: s1Id, code: `${county}-P1` });
  const p2 = await createNode(db, { countyCode: county, areaCode: V2, tier: "VILLAGE_POINT", parentId: s2Id, code: `${county}-P2` });
  await db.node.update({ where: { id: hubId }, data: { contactName: "枢纽值班", contactPhone: "13912345678" } });
  const hubStaff = await db.user.create({
    data: {
      username: "dash_hub_staff",
      displayName: "枢纽员工",
      passwordHash: "x",
      role: "STATION_STAFF",
      nodeId: hubId,
      countyCode: county,
    },
  });
  const ca = await db.carrier.create({ data: { code: "DASH-A", name: "甲快递" } });
  const cb = await db.carrier.create({ data: { code: "DASH-B", name: "乙快递" } });

  const lane = await db.lane.create({
    data: {
      countyCode: county,
      code: "DASH-L1",
      fromNodeId: hubId,
      toNodeId: s1Id,
      mode: "TRUNK",
      departures: ["08:00"],
      weekdays: [],
      transitMinutes: 60,
    },
  });
  return { p1, p2, hubStaff, ca, cb, lane };
}

// A parcel with its legs (all on the one lane), waybills numbered in creation order.
function shipper(db: Db, county: string, lane: { id: string; code: string }): Ship {
  return async (o, legs = []) => {
    const s = await db.shipment.create({
      data: {
        countyCode: county,
        waybillNo: `XDDASH${String(++seq).padStart(7, "0")}`,
        recipientName: "王",
        recipientPhone: "13800000000",
        weightG: 1000,
        contentsCategory: "日用品",
        ...o,
      },
    });
    if (legs.length)
      await db.shipmentLeg.createMany({
        data: legs.map((l, i) => ({
          shipmentId: s.id,
          plan: l.plan ?? 1,
          seq: i + 1,
          laneId: lane.id,
          laneCode: lane.code,
          fromNodeId: l.from,
          toNodeId: l.to,
          plannedDepart: t(l.depart),
          plannedArrive: t(l.arrive),
          actualArrive: l.actual ? t(l.actual) : null,
          status: l.status ?? "ARRIVED",
        })),
      });
    return s.id;
  };
}

// A to D: finished parcels either side of the D1/D2 midnight.
async function finishedParcels(ship: Ship, p: Places) {
  const { hubId, s1Id, s2Id } = p;
  // A: down to P1 (T1), carrier A; created D1 23:59, finished D2 00:30 before its 01:00 promise.
  const A = await ship(
    {
      direction: "DOWN",
      carrierId: p.carrierA,
      originNodeId: hubId,
      destNodeId: p.p1Id,
      weightG: 1000,
      status: "DELIVERED",
      createdAt: t("2026-11-20T15:59:00Z"),
      finishedAt: t("2026-11-20T16:30:00Z"),
      promisedAt: t("2026-11-20T17:00:00Z"),
    },
    [
      { from: hubId, to: s1Id, depart: "2026-11-20T15:00:00Z", arrive: "2026-11-20T16:10:00Z", actual: "2026-11-20T16:05:00Z" },
      { from: s1Id, to: p.p1Id, depart: "2026-11-20T16:15:00Z", arrive: "2026-11-20T16:40:00Z", actual: "2026-11-20T16:30:00Z" },
    ],
  );
  // B: down to P2 (T2), carrier A; created D2 00:01, finished D2 13:00, an hour after its promise. Its light stays RED.
  const B = await ship(
    {
      direction: "DOWN",
      carrierId: p.carrierA,
      originNodeId: hubId,
      destNodeId: p.p2Id,
      weightG: 2000,
      status: "DELIVERED",
      light: "RED",
      createdAt: t("2026-11-20T16:01:00Z"),
      finishedAt: t("2026-11-21T05:00:00Z"),
      promisedAt: t("2026-11-21T04:00:00Z"),
    },
    [
      { from: hubId, to: s2Id, depart: "2026-11-21T01:00:00Z", arrive: "2026-11-21T02:00:00Z", actual: "2026-11-21T02:30:00Z" },
      { from: s2Id, to: p.p2Id, depart: "2026-11-21T03:00:00Z", arrive: "2026-11-21T04:00:00Z", actual: "2026-11-21T05:00:00Z" },
    ],
  );
  // C: up from P1 (T1), no carrier; created D1 07:00, finished D1 23:00, an hour late. A cancelled leg of an old plan
  // and a leg closed without its own arrival scan do not count.
  const C = await ship(
    {
      direction: "UP",
      originNodeId: p.p1Id,
      destNodeId: hubId,
      weightG: 3000,
      status: "DELIVERED",
      createdAt: t("2026-11-19T23:00:00Z"),
      finishedAt: t("2026-11-20T15:00:00Z"),
      promisedAt: t("2026-11-20T14:00:00Z"),
    },
    [
      { from: p.p1Id, to: s1Id, depart: "2026-11-20T09:00:00Z", arrive: "2026-11-20T10:00:00Z", actual: "2026-11-20T09:50:00Z" },
      { from: s1Id, to: hubId, depart: "2026-11-20T12:00:00Z", arrive: "2026-11-20T14:00:00Z", actual: "2026-11-20T15:00:00Z" },
      { from: s1Id, to: hubId, depart: "2026-11-20T10:00:00Z", arrive: "2026-11-20T11:00:00Z", status: "CANCELLED" },
      { from: hubId, to: hubId, depart: "2026-11-20T14:00:00Z", arrive: "2026-11-20T14:30:00Z", actual: null, status: "ARRIVED" },
    ],
  );
  // D: up from S2 (T2), carrier B; created D1 10:00, returned D2 09:00 without a promise (counts as on time).
  const D = await ship({
    direction: "UP",
    carrierId: p.carrierB,
    originNodeId: s2Id,
    destNodeId: hubId,
    weightG: 500,
    status: "RETURNED",
    createdAt: t("2026-11-20T02:00:00Z"),
    finishedAt: t("2026-11-21T01:00:00Z"),
  });
  return { A, B, C, D };
}

// E to H: open parcels whose lights LIGHTS_NOW decides, and another county's parcel that never shows.
async function openParcels(db: Db, w: World, ship: Ship, p: Places) {
  const { hubId, s1Id, s2Id } = p;
  // Open parcels. E: down to S1 (T1, self-pickup), carrier B, on a trunk leg due at 11:00 → RED at 14:20.
  const E = await ship(
    {
      direction: "DOWN",
      carrierId: p.carrierB,
      originNodeId: hubId,
      destNodeId: s1Id,
      weightG: 700,
      status: "IN_TRANSIT",
      currentNodeId: hubId,
      createdAt: t("2026-11-21T02:00:00Z"),
      promisedAt: t("2026-11-21T03:00:00Z"),
    },
    [{ from: hubId, to: s1Id, depart: "2026-11-21T02:00:00Z", arrive: "2026-11-21T03:00:00Z", status: "DEPARTED" }],
  );
  // F: up from P2 (T2), waiting at P2 for a leg 13:00–14:30 → YELLOW at 14:20 (the last 18 minutes).
  const F = await ship(
    {
      direction: "UP",
      originNodeId: p.p2Id,
      destNodeId: hubId,
      weightG: 400,
      status: "AT_NODE",
      currentNodeId: p.p2Id,
      createdAt: t("2026-11-21T03:00:00Z"),
      promisedAt: t("2026-11-21T09:00:00Z"),
    },
    [{ from: p.p2Id, to: s2Id, depart: "2026-11-21T05:00:00Z", arrive: "2026-11-21T06:30:00Z", status: "PLANNED" }],
  );
  // G: down to P1 (T1), carrier A, at the hub, leaving at 16:00 → GREEN.
  const G = await ship(
    {
      direction: "DOWN",
      carrierId: p.carrierA,
      originNodeId: hubId,
      destNodeId: p.p1Id,
      weightG: 800,
      status: "AT_NODE",
      currentNodeId: hubId,
      createdAt: t("2026-11-21T04:00:00Z"),
      promisedAt: t("2026-11-21T10:00:00Z"),
    },
    [{ from: hubId, to: s1Id, depart: "2026-11-21T08:00:00Z", arrive: "2026-11-21T09:00:00Z", status: "PLANNED" }],
  );
  // H: up, handed in at the hub itself (no township), no legs, promise ahead → GREEN.
  const H = await ship({
    direction: "UP",
    originNodeId: hubId,
    destNodeId: hubId,
    weightG: 100,
    status: "CREATED",
    currentNodeId: hubId,
    createdAt: t("2026-11-21T03:30:00Z"),
    promisedAt: t("2026-11-22T03:00:00Z"),
  });
  // Another county's parcel on the same days never shows.
  const away = await db.node.findUniqueOrThrow({ where: { id: w.away.stationId } });
  await db.shipment.create({
    data: {
      countyCode: w.away.countyCode,
      waybillNo: "XDDASHAWAY01",
      direction: "UP",
      originNodeId: away.id,
      recipientName: "李",
      recipientPhone: "13800000001",
      weightG: 1,
      contentsCategory: "x",
      status: "DELIVERED",
      createdAt: t("2026-11-20T02:00:00Z"),
      finishedAt: t("2026-11-20T03:00:00Z"),
    },
  });

  return { E, F, G, H };
}

// Loads with their plan reports, and the milk run's stops at P2.
async function createLoads(db: Db, p: Places, shipments: { B: string; F: string }) {
  const { county, hubId, s1Id, s2Id } = p;
  const { B, F } = shipments;
  const report = (vehicles: number, parcels: number, fw: number, fv: number, km: number, empty: number, trips: number, bkm: number) => ({
    vehicles,
    parcels,
    fillWeight: fw,
    fillVolume: fv,
    plannedKm: km,
    emptyKm: empty,
    baseline: { carriers: 2, trips, km: bkm },
  });
  const load = (o: {
    milkRun?: boolean;
    nodeId: string;
    toNodeId?: string | null;
    departAt: string;
    status: "OPEN" | "SEALED" | "PLANNED" | "DEPARTED" | "ARRIVED";
    report: object | null;
  }) => {
    const n = ++seq;
    return db.load.create({
      data: {
        countyCode: county,
        key: `dash:${n}`,
        code: makeLoadCode(8_000_000 + n),
        milkRun: o.milkRun ?? false,
        nodeId: o.nodeId,
        toNodeId: o.toNodeId ?? null,
        departAt: t(o.departAt),
        cutoffAt: t(o.departAt),
        status: o.status,
        ...(o.report ? { report: o.report } : {}),
      },
    });
  };
  // L1 hub → S1 (T1), D2 00:30; L2 S2's milk run (T2), D2 09:00; L3 S1 → hub (T1), D1 16:00; L5 a bus lane S1 → P1
  // (T1, no vehicle of ours); L4 still open (no figures yet) is left out.
  await load({
    nodeId: hubId,
    toNodeId: s1Id,
    departAt: "2026-11-20T16:30:00Z",
    status: "PLANNED",
    report: report(1, 10, 0.5, 0.4, 20, 10, 3, 60),
  });
  const l2 = await load({
    milkRun: true,
    nodeId: s2Id,
    departAt: "2026-11-21T01:00:00Z",
    status: "DEPARTED",
    report: report(2, 30, 0.7, 0.6, 50, 5, 4, 90),
  });
  await load({
    nodeId: s1Id,
    toNodeId: hubId,
    departAt: "2026-11-20T08:00:00Z",
    status: "ARRIVED",
    report: report(1, 5, 0.3, 0.2, 20, 20, 2, 40),
  });
  await load({ nodeId: hubId, toNodeId: s2Id, departAt: "2026-11-21T05:00:00Z", status: "OPEN", report: null });
  await load({
    nodeId: s1Id,
    toNodeId: p.p1Id,
    departAt: "2026-11-21T02:00:00Z",
    status: "PLANNED",
    report: { mode: "BUS", vehicles: 0, parcels: 4 },
  });
  // The milk run dropped two parcels at P2 and picked one up there (node panel volumes).
  await db.loadItem.createMany({
    data: [
      { loadId: l2.id, shipmentId: B, legId: randomUUID(), weightG: 1, volumeCm3: 1, temp: "AMBIENT", stopNodeId: p.p2Id, pickup: false },
      { loadId: l2.id, shipmentId: B, legId: randomUUID(), weightG: 1, volumeCm3: 1, temp: "AMBIENT", stopNodeId: p.p2Id, pickup: false },
      { loadId: l2.id, shipmentId: F, legId: randomUUID(), weightG: 1, volumeCm3: 1, temp: "AMBIENT", stopNodeId: p.p2Id, pickup: true },
    ],
  });
}

// Counter sales of the two merchants' products either side of midnight, and one out of range.
async function createSales(db: Db, w: World) {
  const county = w.home.countyCode;
  // Sales: m1 comes from V1 (poor), m2 from V2. c1 (supermarket) is restocked at S1 (T1), c2 (service area) at S2 (T2).
  await db.merchant.update({ where: { id: w.home.merchantId }, data: { originAreaCode: V1 } });
  await db.merchant.update({ where: { id: w.home.otherMerchantId }, data: { originAreaCode: V2 } });
  const product = (merchantId: string, name: string) =>
    db.product.create({ data: { merchantId, name, category: "FRUIT", unit: "箱", unitWeightG: 5000, shelfLifeDays: 30 } });
  const p1x = await product(w.home.merchantId, "扶贫苹果");
  const p2x = await product(w.home.otherMerchantId, "普通梨");
  const listing = (productId: string, merchantId: string, counterId: string, priceFen: number) =>
    db.listing.create({ data: { productId, merchantId, counterId, countyCode: county, priceFen, status: "ACTIVE", stock: 100 } });
  const l1 = await listing(p1x.id, w.home.merchantId, w.home.counterId, 1500);
  const lp2 = await listing(p2x.id, w.home.otherMerchantId, w.home.otherCounterId, 1000);
  const l3 = await listing(p1x.id, w.home.merchantId, w.home.otherCounterId, 1200);
  const sale = (l: { id: string; counterId: string; priceFen: number }, quantity: number, soldAt: string) =>
    db.counterSale.create({
      data: {
        listingId: l.id,
        counterId: l.counterId,
        quantity,
        unitPriceFen: l.priceFen,
        amountFen: quantity * l.priceFen,
        soldAt: t(soldAt),
        clientRef: `dash-${++seq}`,
      },
    });
  await sale(l1, 2, "2026-11-20T15:30:00Z"); // D1 23:30: 3000
  await sale(l1, 1, "2026-11-20T16:30:00Z"); // D2 00:30: 1500
  await sale(lp2, 3, "2026-11-21T02:00:00Z"); // D2: 3000
  await sale(l3, 4, "2026-11-21T03:00:00Z"); // D2: 4800
  await sale(lp2, 5, "2026-11-22T17:00:00Z"); // 11-23: out of range
}

export async function buildDashboardCounty(db: Db, w: World): Promise<DashboardFixture> {
  const county = w.home.countyCode;
  const { p1, p2, hubStaff, ca, cb, lane } = await setUpPlaces(db, w);
  const p: Places = {
    county,
    hubId: w.home.hubId,
    s1Id: w.home.stationId,
    s2Id: w.home.otherStationId,
    p1Id: p1.id,
    p2Id: p2.id,
    carrierA: ca.id,
    carrierB: cb.id,
  };
  const ship = shipper(db, county, lane);
  const { A, B, C, D } = await finishedParcels(ship, p);
  const { E, F, G, H } = await openParcels(db, w, ship, p);
  await createLoads(db, p, { B, F });
  await createSales(db, w);
  return {
    hubId: p.hubId,
    s1Id: p.s1Id,
    s2Id: p.s2Id,
    p1Id: p1.id,
    p2Id: p2.id,
    carrierA: ca.id,
    carrierB: cb.id,
    shipments: { A, B, C, D, E, F, G, H },
    hubStaffName: hubStaff.displayName,
  };
}
