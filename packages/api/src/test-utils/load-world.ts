// Test loads built straight with Prisma on the two-county test world: a planned milk run of station S1
// (two vehicles, one planned, one not, a rolled parcel), a trunk load hub → S2, and a load in the other county.
import { randomUUID } from "node:crypto";
import type { Db, Prisma } from "@xiangda/db";
import { createNode } from "@xiangda/db/factories";
import { makeLoadCode, makeWaybill } from "@xiangda/domain";
import type { World } from "./fixtures.ts";

export interface LoadWorld {
  milkRun: { id: string; code: string };
  trunkToOther: { id: string; code: string };
  away: { id: string; code: string };
  points: { v1: string; v2: string; v3: string };
  departAt: Date;
}

let serial = 0;
const nextSerial = () => 5_000_000 + ++serial;

interface ItemSpec {
  to: string;
  carrierId: string | null;
  weightG: number;
  vehicle: string | null;
  pickup?: boolean;
  temp?: "AMBIENT" | "CHILLED";
  rolledReason?: string;
}

// A shipment and its load item; phone numbers count up from the same start in every world.
function itemMaker(db: Db, c: string, milkId: string, home: string) {
  let phone = 13800001000;
  return async (o: ItemSpec, loadId = milkId, origin = home) => {
    const s = await db.shipment.create({
      data: {
        countyCode: c,
        waybillNo: makeWaybill(nextSerial()),
        carrierId: o.carrierId,
        direction: o.pickup ? "UP" : "DOWN",
        originNodeId: origin,
        destNodeId: o.to,
        recipientName: "王小明",
        recipientPhone: String(++phone),
        weightG: o.weightG,
        temp: o.temp ?? "AMBIENT",
        contentsCategory: "日用品",
      },
    });
    await db.loadItem.create({
      data: {
        loadId,
        shipmentId: s.id,
        legId: randomUUID(),
        carrierId: o.carrierId,
        weightG: o.weightG,
        volumeCm3: 8000,
        temp: o.temp ?? "AMBIENT",
        stopNodeId: o.to,
        pickup: o.pickup ?? false,
        loadVehicleId: o.vehicle,
        status: o.rolledReason ? "ROLLED" : "ASSIGNED",
        rolledReason: o.rolledReason ?? null,
      },
    });
    return s.waybillNo;
  };
}

export async function buildLoadWorld(db: Db, w: World): Promise<LoadWorld> {
  const c = w.home.countyCode;
  const area = `${c}101201`;
  const point = (code: string, name: string) =>
    createNode(db, { countyCode: c, areaCode: area, tier: "VILLAGE_POINT", parentId: w.home.stationId, code, name });
  const v1 = await point(`${c}-P1`, "一村服务点");
  const v2 = await point(`${c}-P2`, "二村服务点");
  const v3 = await point(`${c}-P3`, "三村服务点");
  const zto = await db.carrier.upsert({ where: { code: "ZTO" }, update: {}, create: { code: "ZTO", name: "中通快递" } });
  const yto = await db.carrier.upsert({ where: { code: "YTO" }, update: {}, create: { code: "YTO", name: "圆通速递" } });
  const vehicle = (number: string, plate: string) =>
    db.vehicle.create({ data: { countyCode: c, number, plate, homeNodeId: w.home.stationId, capacityKg: 800, capacityL: 3000 } });
  const truckA = await vehicle("V-01", "辽H10001");
  const truckB = await vehicle("V-02", "辽H10002");

  // 2026-11-23 09:30 in Asia/Shanghai.
  const departAt = new Date("2026-11-23T01:30:00Z");
  const cutoffAt = new Date(departAt.getTime() - 30 * 60_000);
  const load = (data: Omit<Prisma.LoadUncheckedCreateInput, "code" | "key"> & { key: string }) =>
    db.load.create({ data: { code: makeLoadCode(nextSerial()), ...data } });

  const milk = await load({
    countyCode: c,
    key: `milk:${w.home.stationId}:${departAt.toISOString()}`,
    milkRun: true,
    nodeId: w.home.stationId,
    departAt,
    cutoffAt,
    status: "PLANNED",
    sealedAt: cutoffAt,
    plannedAt: cutoffAt,
    report: { vehicles: 2, fillWeight: 0.41, plannedKm: 23.4, baseline: { vehicles: 3, km: 61.2 }, rolled: 1 },
  });
  // Visiting order V2 → V1 → back home: deliberately not the order of the codes.
  const lvA = await db.loadVehicle.create({
    data: {
      loadId: milk.id,
      vehicleId: truckA.id,
      seq: 1,
      parcels: 4,
      weightG: 4500,
      volumeCm3: 40_000,
      fillWeight: 0.0056,
      fillVolume: 0.013,
      busyUntil: new Date(departAt.getTime() + 90 * 60_000),
      plannedMeters: 23_400,
      plannedMinutes: 75,
      plannedAt: cutoffAt,
      stops: [
        { nodeId: v2.id, code: v2.code, name: v2.name, arriveAt: "2026-11-23T01:50:00.000Z", drops: 2, pickups: 1, weightG: 2000 },
        { nodeId: v1.id, code: v1.code, name: v1.name, arriveAt: "2026-11-23T02:10:00.000Z", drops: 1, pickups: 0 },
        { nodeId: w.home.stationId, arriveAt: "2026-11-23T02:45:00.000Z", drops: 0, pickups: 0 },
      ],
    },
  });
  const lvB = await db.loadVehicle.create({
    data: {
      loadId: milk.id,
      vehicleId: truckB.id,
      seq: 2,
      parcels: 1,
      weightG: 1000,
      volumeCm3: 8000,
      fillWeight: 0.00125,
      fillVolume: 0.0027,
      busyUntil: new Date(departAt.getTime() + 60 * 60_000),
    },
  });

  const item = itemMaker(db, c, milk.id, w.home.stationId);
  await item({ to: v2.id, carrierId: zto.id, weightG: 1200, vehicle: lvA.id });
  await item({ to: v2.id, carrierId: zto.id, weightG: 800, vehicle: lvA.id });
  await item({ to: v2.id, carrierId: yto.id, weightG: 500, vehicle: lvA.id, pickup: true });
  await item({ to: v1.id, carrierId: yto.id, weightG: 2000, vehicle: lvA.id, temp: "CHILLED" });
  await item({ to: v3.id, carrierId: zto.id, weightG: 1000, vehicle: lvB.id });
  await item({ to: v3.id, carrierId: zto.id, weightG: 3000, vehicle: null, rolledReason: "NO_ROOM" });

  const trunk = await load({
    countyCode: c,
    key: `lane:x:${departAt.toISOString()}`,
    nodeId: w.home.hubId,
    toNodeId: w.home.otherStationId,
    departAt: new Date(departAt.getTime() + 4 * 3600_000),
    cutoffAt,
    status: "OPEN",
  });
  await item({ to: w.home.otherStationId, carrierId: zto.id, weightG: 700, vehicle: null }, trunk.id, w.home.hubId);

  const away = await load({
    countyCode: w.away.countyCode,
    key: `lane:away:${departAt.toISOString()}`,
    nodeId: w.away.hubId,
    toNodeId: w.away.stationId,
    departAt,
    cutoffAt,
  });

  return {
    milkRun: { id: milk.id, code: milk.code },
    trunkToOther: { id: trunk.id, code: trunk.code },
    away: { id: away.id, code: away.code },
    points: { v1: v1.id, v2: v2.id, v3: v3.id },
    departAt,
  };
}
