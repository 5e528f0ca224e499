// The demo network of Gaizhou: a cold hub, a station in each of the 27 townships, a village
// point for each 村委会, trunk, milk-run and bus lanes, carriers and a fleet. Built through the
// same validation as the imports, so the demo can never hold a network the rules reject.
import type { AdminArea, Db } from "@xiangda/db";
import { AppError, shortAreaName } from "@xiangda/domain";
import {
  type LaneItem,
  loadCountyContext,
  type NodeItem,
  validateLanes,
  validateNodes,
  validateVehicles,
  type VehicleItem,
  writeLanes,
  writeNodes,
  writeVehicles,
} from "@xiangda/api/rest";

export const DEMO_CARRIERS = [
  { code: "CHINA_POST", name: "中国邮政", waybillPattern: "^(1\\d{12}|9\\d{12}|[A-Z]{2}\\d{9}CN)$", creditGrade: "A" },
  { code: "ZTO", name: "中通快递", waybillPattern: "^(7[0-9]|5[0-9]|2[0-9])\\d{10,12}$", creditGrade: "A" },
  { code: "YTO", name: "圆通速递", waybillPattern: "^YT\\d{13}$", creditGrade: "B" },
  { code: "STO", name: "申通快递", waybillPattern: "^77\\d{11}$", creditGrade: "B" },
  { code: "YUNDA", name: "韵达快递", waybillPattern: "^(31|43|46)\\d{11}$", creditGrade: "B" },
  { code: "SF", name: "顺丰速运", waybillPattern: "^SF\\d{13}$", creditGrade: "A" },
  { code: "JD", name: "京东物流", waybillPattern: "^JD[A-Z0-9]{13}$", creditGrade: "A" },
  { code: "JT", name: "极兔速递", waybillPattern: "^JT\\d{13}$", creditGrade: "C" },
  { code: "COOP", name: "盖州市供销合作社", waybillPattern: null, creditGrade: "B" },
] as const;

const HUB = "GZ-HUB";
const stationCode = (townshipCode: string) => `GZ-${townshipCode.slice(6, 9)}`;
const pointCode = (villageCode: string) => `GZ-${villageCode.slice(6, 12)}`;

function km(a: { lat: number | null; lng: number | null }, b: { lat: number | null; lng: number | null }): number {
  if (a.lat == null || a.lng == null || b.lat == null || b.lng == null) return 20;
  const r = (d: number) => (d * Math.PI) / 180;
  const h = Math.sin(r(b.lat - a.lat) / 2) ** 2 + Math.cos(r(a.lat)) * Math.cos(r(b.lat)) * Math.sin(r(b.lng - a.lng) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/// Road minutes: straight-line distance × 1.3 road factor at 40 km/h, plus 10 minutes.
const minutes = (d: number) => Math.round((d * 1.3 * 60) / 40 + 10);

/// Nodes: hub, stations, village points. Every third station keeps chilled goods; the hub both.
function demoNodes(county: AdminArea, townships: AdminArea[], committees: AdminArea[]): NodeItem[] {
  const nodes: NodeItem[] = [
    {
      row: 0,
      fields: {
        code: HUB,
        name: "盖州市县级物流配送中心",
        tier: "COUNTY_HUB",
        areaCode: county.code,
        parentCode: null,
        coldChilled: true,
        coldFrozen: true,
        selfPickup: false,
        operator: "GOVERNMENT",
        openingHours: "06:00-22:00",
        dailyCapacity: 20000,
        handlingMinutes: 30,
        filingNumber: "LNYK-GZ-0001",
      },
    },
  ];
  townships.forEach((t, i) => {
    nodes.push({
      row: 0,
      fields: {
        code: stationCode(t.code),
        name: `${t.name}服务站`,
        tier: "TOWNSHIP_STATION",
        areaCode: t.code,
        parentCode: HUB,
        coldChilled: i % 3 === 0,
        selfPickup: true,
        passengerStop: i % 4 === 0,
        recyclables: i % 5 === 0,
        operator: i % 2 === 0 ? "POST" : "COOPERATIVE",
        openingHours: "08:00-18:00",
        dailyCapacity: 800,
        handlingMinutes: 15,
        filingNumber: `LNYK-GZ-${String(100 + i).padStart(4, "0")}`,
      },
    });
  });
  committees.forEach((v, i) => {
    nodes.push({
      row: 0,
      fields: {
        code: pointCode(v.code),
        name: `${shortAreaName(v.name)}服务点`,
        tier: "VILLAGE_POINT",
        areaCode: v.code,
        parentCode: stationCode(v.parentCode!),
        selfPickup: true,
        parcelLocker: i % 7 === 0,
        operator: (["SHOP_AGENT", "POST", "COOPERATIVE"] as const)[i % 3],
        openingHours: "07:30-19:30",
        dailyCapacity: 150,
      },
    });
  });

  return nodes;
}

/// Lanes: trunk twice a day each way, milk runs daily, a few bus legs.
function demoLanes(areas: AdminArea[], county: AdminArea, committees: AdminArea[], nodes: NodeItem[]): LaneItem[] {
  const townships = areas.filter((a) => a.level === "TOWNSHIP");
  const villages = areas.filter((a) => a.level === "VILLAGE");
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const lanes: LaneItem[] = [];
  const coldStations = new Set(nodes.filter((n) => n.fields.tier === "TOWNSHIP_STATION" && n.fields.coldChilled).map((n) => n.fields.code));
  townships.forEach((t, i) => {
    const s = stationCode(t.code);
    const tm = minutes(km(county, t));
    const cold = coldStations.has(s);
    lanes.push({
      row: 0,
      fields: {
        code: `T-${s}-DN`,
        fromCode: HUB,
        toCode: s,
        mode: "TRUNK",
        departures: ["07:00", "13:30"],
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        cutoffMinutes: 30,
        transitMinutes: tm,
        cold,
      },
    });
    lanes.push({
      row: 0,
      fields: {
        code: `T-${s}-UP`,
        fromCode: s,
        toCode: HUB,
        mode: "TRUNK",
        departures: ["11:00", "17:00"],
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        cutoffMinutes: 30,
        transitMinutes: tm,
        cold,
      },
    });
    if (i % 6 === 2) {
      lanes.push({
        row: 0,
        fields: {
          code: `B-${s}-DN`,
          fromCode: HUB,
          toCode: s,
          mode: "BUS",
          departures: ["06:30"],
          weekdays: [1, 2, 3, 4, 5, 6, 7],
          cutoffMinutes: 20,
          transitMinutes: tm + 20,
          cold: false,
        },
      });
    }
    const points = committees.filter((v) => v.parentCode === t.code);
    // Residents' committees (居委会) of the township are stops of its first milk run.
    const communities = villages.filter((v) => v.parentCode === t.code && v.kind !== "村委会").map((v) => v.code);
    points.forEach((v, j) => {
      const p = pointCode(v.code);
      const vm = minutes(km(t, byCode.get(v.code)!));
      const stops = j === 0 ? communities : [];
      lanes.push({
        row: 0,
        fields: {
          code: `M-${p}-DN`,
          fromCode: s,
          toCode: p,
          mode: "MILK_RUN",
          departures: ["09:30"],
          weekdays: [1, 2, 3, 4, 5, 6, 7],
          cutoffMinutes: 15,
          transitMinutes: vm,
          cold: false,
          stopAreaCodes: stops,
        },
      });
      lanes.push({
        row: 0,
        fields: {
          code: `M-${p}-UP`,
          fromCode: p,
          toCode: s,
          mode: "MILK_RUN",
          departures: ["10:45"],
          weekdays: [1, 2, 3, 4, 5, 6, 7],
          cutoffMinutes: 15,
          transitMinutes: vm,
          cold: false,
        },
      });
    });
  });

  return lanes;
}

/// Vehicles: China Post and three express carriers at the hub, two reefers, and a shared
/// co-delivery van at every station (new energy where it can charge).
function demoVehicles(townships: AdminArea[]): VehicleItem[] {
  const vehicles: VehicleItem[] = [];
  let n = 0;
  const plate = (k: number, ev: boolean) => (ev ? `辽HD${String(10000 + k).slice(-5)}` : `辽H${String(20000 + k).slice(-5)}`);
  const add = (home: string, carrier: string | null, kg: number, litres: number, cold: "NONE" | "BOTH", ev: boolean) => {
    n++;
    vehicles.push({
      row: 0,
      fields: {
        number: `GZ-V-${String(n).padStart(3, "0")}`,
        plate: plate(n, ev),
        homeNodeCode: home,
        carrierCode: carrier,
        capacityKg: kg,
        capacityL: litres,
        cold,
        energy: ev ? "NEW_ENERGY" : "FUEL",
      },
    });
  };
  for (let i = 0; i < 3; i++) add(HUB, "CHINA_POST", 1500, 9000, "NONE", i === 0);
  for (const c of ["ZTO", "YTO", "YUNDA"]) for (let i = 0; i < 2; i++) add(HUB, c, 1200, 7500, "NONE", false);
  add(HUB, "COOP", 3000, 16000, "BOTH", false);
  add(HUB, "COOP", 1000, 6000, "BOTH", true);
  // The co-delivery trunk fleet: every trunk departure wave leaves the hub for all townships at once.
  townships.forEach((_, i) => add(HUB, "COOP", 2000, 12000, "NONE", i % 3 === 0));
  townships.forEach((t, i) => add(stationCode(t.code), "COOP", 800, 4500, "NONE", i % 2 === 0));

  return vehicles;
}

/// Everything validated as an import would be, then written in one transaction with a few suspended nodes and
/// poor-village flags.
async function writeDemoNetwork(
  db: Db,
  countyCode: string,
  net: { nodes: NodeItem[]; lanes: LaneItem[]; vehicles: VehicleItem[]; townships: AdminArea[]; committees: AdminArea[] },
) {
  const { nodes, lanes, vehicles, townships, committees } = net;
  await db.$transaction(
    async (tx) => {
      let ctx = await loadCountyContext(tx, countyCode);
      const nodeIssues = validateNodes(ctx, nodes);
      if (nodeIssues.length) throw new AppError("INVALID_INPUT", `demo nodes: ${JSON.stringify(nodeIssues.slice(0, 3))}`);
      await writeNodes(tx, { countyCode, items: nodes });
      ctx = await loadCountyContext(tx, countyCode);
      const laneIssues = validateLanes(ctx, lanes);
      if (laneIssues.length) throw new AppError("INVALID_INPUT", `demo lanes: ${JSON.stringify(laneIssues.slice(0, 3))}`);
      await writeLanes(tx, { ctx, items: lanes });
      const carriers = new Set((await tx.carrier.findMany({ select: { code: true } })).map((c) => c.code));
      const vIssues = validateVehicles(ctx, carriers, vehicles);
      if (vIssues.length) throw new AppError("INVALID_INPUT", `demo vehicles: ${JSON.stringify(vIssues.slice(0, 3))}`);
      await writeVehicles(tx, { ctx, items: vehicles });

      // Two suspended nodes, to show status: a station cut off by snow and a village point under repair.
      const snowed = townships.find((t) => t.name === "矿洞沟镇") ?? townships[townships.length - 1]!;
      await tx.node.updateMany({
        where: { countyCode, code: stationCode(snowed.code), status: "ACTIVE" },
        data: { status: "SUSPENDED", suspendedReason: "大雪封路 (road closed by snow)" },
      });
      const repaired = committees[committees.length - 1]!;
      await tx.node.updateMany({
        where: { countyCode, code: pointCode(repaired.code), status: "ACTIVE" },
        data: { status: "SUSPENDED", suspendedReason: "门店装修 (shop under renovation)" },
      });

      // Illustrative poor-village flags (demo data: the source documents give no per-village list).
      const poor = committees.filter((_, i) => i % 23 === 5).map((v) => v.code);
      await tx.adminArea.updateMany({ where: { code: { in: poor } }, data: { isPoor: true } });
    },
    { timeout: 120_000 },
  );
}

export async function seedNetwork(db: Db, countyCode: string) {
  for (const c of DEMO_CARRIERS) await db.carrier.upsert({ where: { code: c.code }, update: {}, create: { ...c } });

  const areas = await db.adminArea.findMany({ where: { countyCode, removedAt: null }, orderBy: { code: "asc" } });
  const county = areas.find((a) => a.level === "COUNTY");
  if (!county) throw new AppError("NOT_FOUND", `county ${countyCode} areas are not imported`);
  const townships = areas.filter((a) => a.level === "TOWNSHIP");
  const villages = areas.filter((a) => a.level === "VILLAGE");
  const committees = villages.filter((v) => v.kind === "村委会");
  const nodes = demoNodes(county, townships, committees);
  const lanes = demoLanes(areas, county, committees, nodes);
  const vehicles = demoVehicles(townships);
  await writeDemoNetwork(db, countyCode, { nodes, lanes, vehicles, townships, committees });
  return { nodes: nodes.length, lanes: lanes.length, vehicles: vehicles.length, carriers: DEMO_CARRIERS.length };
}
