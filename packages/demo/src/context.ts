// What the demo generator knows about a county before it generates a day: its nodes, lanes, carriers and fleet,
// the routing network (built once, shared by every parcel), where parcels go down to and come up from, and the
// normalisation of the year's curves. Fails with one message naming everything the county still lacks.
import { pgPool, type Db } from "@xiangda/db";
import { AppError, matchesCarrierPattern, milkRunTimetables, route, type MilkRunTimetable, type TempClass } from "@xiangda/domain";
import { loadLanes, loadRouting, type CountyRouting, type LaneRow } from "@xiangda/api";
import { addDays, dayStartMs, downShape, UP_PRODUCTS, upShape } from "./calendar.ts";
import { Rng, WeightedPicker } from "./random.ts";

export interface DemoNode {
  id: string;
  code: string;
  name: string;
  tier: "COUNTY_HUB" | "TOWNSHIP_STATION" | "VILLAGE_POINT";
  status: string;
  areaCode: string;
  parentId: string | null;
  lat: number | null;
  lng: number | null;
  handlingMinutes: number;
  selfPickup: boolean;
  pickupHoldDays: number;
}

export interface DemoVehicle {
  id: string;
  homeNodeId: string;
  capacityKg: number;
  capacityL: number;
  cold: "NONE" | "CHILLED" | "FROZEN" | "BOTH";
}

export interface DemoCarrier {
  /// null: the platform's own waybill (XD number only).
  id: string | null;
  code: string;
  /// Builds a number matching the carrier's pattern from an 11-digit serial; null when no template fits.
  number: ((serial: number) => string) | null;
}

/// A village parcels are addressed to, and the node they are handed out at.
export interface DownTarget {
  villageCode: string;
  address: string;
  nodeId: string;
  selfPickup: boolean;
}

export interface DemoContext {
  countyCode: string;
  seed: number;
  perDay: number;
  routing: CountyRouting;
  nodes: Map<string, DemoNode>;
  hub: DemoNode;
  lanes: Map<string, LaneRow>;
  milkRuns: Map<string, MilkRunTimetable>;
  vehicles: DemoVehicle[];
  carriers: DemoCarrier[];
  downCarriers: WeightedPicker;
  upCarriers: WeightedPicker;
  coldCarriers: WeightedPicker;
  down: DownTarget[];
  downPicker: WeightedPicker;
  /// Indexes into `down` reachable by a CHILLED route (fresh food ordered online).
  downChilled: number[];
  /// Upward origins per product (village points and stations, each with its own crops), AMBIENT and CHILLED.
  upOrigins: string[];
  upPickers: WeightedPicker[];
  coldOrigins: string[];
  coldPickers: WeightedPicker[];
  /// Growth and the year's mean of each curve, so a year averages perDay.
  growth: (day: string) => number;
  normDown: number;
  normUp: number;
  /// The day's volume relative to the year's mean (0.65 down + 0.35 up): peaks make legs late more often.
  relVolume: (day: string) => number;
  /// Delays of lane departures already drawn (see simulate.ts departureDelay).
  delays: Map<string, number>;
}

const DOWN_SHARES: Record<string, number> = { CHINA_POST: 18, ZTO: 20, YTO: 14, YUNDA: 12, STO: 8, JT: 7, JD: 6, SF: 4, COOP: 2 };
const UP_SHARES: Record<string, number> = { CHINA_POST: 22, SF: 14, JD: 10, ZTO: 8, YTO: 4, YUNDA: 4, STO: 3, JT: 2, COOP: 3 };
const COLD_SHARES: Record<string, number> = { SF: 40, JD: 25, CHINA_POST: 15 };
const OWN = { down: 8, up: 30, cold: 20 };

/// Number layouts tried against a carrier's pattern (the demo carriers' and the usual Chinese ones).
const PREFIXES = ["9", "59", "77", "46", "31", "YT", "SF", "JD", "JT", "DB", "1", ""];

function numberTemplate(pattern: string | null): ((serial: number) => string) | null {
  const samples = [0, 12_345_678_901, 99_999_999_999];
  for (const prefix of PREFIXES)
    for (let digits = 11; digits <= 16; digits++) {
      const make = (serial: number) => prefix + String(serial).padStart(digits, "8").slice(-digits);
      if (samples.every((s) => matchesCarrierPattern(make(s), pattern))) return make;
    }
  return null;
}

function missingError(countyCode: string, missing: string[]): AppError {
  const message = `county ${countyCode} has no network to generate on: missing ${missing.join(", ")}. Run \`pnpm xd seed\` for the Gaizhou demo (210881), or import the county with \`pnpm xd divisions import\`, \`nodes import\`, \`lanes import\` and \`vehicles import\``;
  return AppError.notFound(message, { issues: [{ path: "countyCode", message }] });
}

export async function loadDemoContext(
  db: Db,
  q: { countyCode: string; seed: number; perDay: number; endDay: string },
): Promise<DemoContext> {
  const { countyCode, seed } = q;
  const [county, areas, nodeRows, carrierRows, vehicleRows] = await Promise.all([
    db.county.findUnique({ where: { code: countyCode } }),
    db.adminArea.findMany({
      where: { countyCode, removedAt: null },
      select: { code: true, name: true, kind: true, level: true, parentCode: true, lat: true, lng: true },
    }),
    db.node.findMany({ where: { countyCode }, orderBy: { code: "asc" } }),
    db.carrier.findMany({ where: { blacklisted: false }, orderBy: { code: "asc" } }),
    db.vehicle.findMany({ where: { countyCode, status: "ACTIVE" }, orderBy: { number: "asc" } }),
  ]);
  const lanes = await loadLanes(pgPool(db), countyCode);
  const areaBy = new Map(areas.map((a) => [a.code, a]));
  const nodes = new Map<string, DemoNode>(
    nodeRows.map((n) => {
      const a = areaBy.get(n.areaCode);
      const node: DemoNode = {
        id: n.id,
        code: n.code,
        name: n.name,
        tier: n.tier,
        status: n.status,
        areaCode: n.areaCode,
        parentId: n.parentId,
        lat: a?.lat ?? null,
        lng: a?.lng ?? null,
        handlingMinutes: n.handlingMinutes,
        selfPickup: n.selfPickup,
        pickupHoldDays: n.pickupHoldDays,
      };
      return [n.id, node];
    }),
  );
  const active = [...nodes.values()].filter((n) => n.status === "ACTIVE");
  const missing: string[] = [];
  if (!county || !areas.some((a) => a.level === "VILLAGE")) missing.push("its divisions (townships and villages)");
  if (!active.some((n) => n.tier === "COUNTY_HUB")) missing.push("an active county hub");
  if (!active.some((n) => n.tier === "TOWNSHIP_STATION")) missing.push("active township stations");
  if (!lanes.length) missing.push("active lanes");
  if (!carrierRows.length) missing.push("carriers");
  if (!vehicleRows.length) missing.push("active vehicles");
  if (missing.length) throw missingError(countyCode, missing);

  const hub = [...nodes.values()].find((n) => n.tier === "COUNTY_HUB" && n.status === "ACTIVE")!;
  const routing = await loadRouting(db, countyCode);
  // Reachability once, on the Monday morning of the last week: the timetable repeats weekly.
  const refAt = new Date(dayStartMs(q.endDay) + 3600_000);
  const reaches = (from: string, to: string, temp: TempClass) => route(routing.net, { fromId: from, toId: to, readyAt: refAt, temp }).ok;

  // Downward: every village-level unit, to its active point or its township's station (self-pickup).
  const stationOf = new Map<string, DemoNode>();
  for (const n of active) if (n.tier === "TOWNSHIP_STATION" && !stationOf.has(n.areaCode)) stationOf.set(n.areaCode, n);
  const pointOf = new Map<string, DemoNode>();
  for (const n of active) if (n.tier === "VILLAGE_POINT" && !pointOf.has(n.areaCode)) pointOf.set(n.areaCode, n);
  const down: DownTarget[] = [];
  const downWeights: number[] = [];
  const downChilled: number[] = [];
  for (const v of areas.filter((a) => a.level === "VILLAGE").sort((a, b) => a.code.localeCompare(b.code))) {
    const point = pointOf.get(v.code);
    const node = point ?? (v.parentCode ? stationOf.get(v.parentCode) : undefined);
    if (!node || !reaches(hub.id, node.id, "AMBIENT")) continue;
    const township = v.parentCode ? (areaBy.get(v.parentCode)?.name ?? "") : "";
    if (reaches(hub.id, node.id, "CHILLED")) downChilled.push(down.length);
    down.push({ villageCode: v.code, address: `${township}${v.name}`, nodeId: node.id, selfPickup: !point });
    // Residents' committees (towns) are more populous than village committees.
    downWeights.push(v.kind === "村委会" ? 1 : 2);
  }

  // Upward: village points and stations hand in farm products; each has its own crops (a fixed affinity per seed).
  const upOrigins = active.filter((n) => n.tier !== "COUNTY_HUB" && reaches(n.id, hub.id, "AMBIENT")).map((n) => n.id);
  const coldOrigins = upOrigins.filter((id) => reaches(id, hub.id, "CHILLED"));
  if (!down.length || !upOrigins.length) throw missingError(countyCode, ["lanes that reach the villages from the hub and back"]);
  const affinity = (id: string) => {
    const r = new Rng(seed, countyCode, "crops", id);
    return UP_PRODUCTS.map(() => r.lognormal(1, 0.9));
  };
  const aff = new Map(upOrigins.map((id) => [id, affinity(id)]));
  // Points hand in three parcels for every one a station's co-operative brings.
  const originShare = (id: string) => (nodes.get(id)!.tier === "VILLAGE_POINT" ? 1 : 3);
  const upPickers = UP_PRODUCTS.map((_, k) => new WeightedPicker(upOrigins.map((id) => aff.get(id)![k]! * originShare(id))));
  const coldPickers = UP_PRODUCTS.map((_, k) => new WeightedPicker(coldOrigins.map((id) => aff.get(id)![k]!)));

  const carriers: DemoCarrier[] = [
    { id: null, code: "XD", number: null },
    ...carrierRows.map((c) => ({ id: c.id, code: c.code, number: numberTemplate(c.waybillPattern) })),
  ];
  const share = (table: Record<string, number>, own: number, fallback: number) =>
    new WeightedPicker(carriers.map((c) => (c.id === null ? own : (table[c.code] ?? fallback))));

  // A year of express growth (~30 % a year in the county), anchored on the last day; curves normalised over that year.
  const growth = (day: string) => 1.3 ** ((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${q.endDay}T00:00:00Z`)) / (365 * 86_400_000));
  let normDown = 0;
  let normUp = 0;
  for (let i = 0; i < 365; i++) {
    const d = addDays(q.endDay, -i);
    normDown += (downShape(d) * growth(d)) / 365;
    normUp += (upShape(d) * growth(d)) / 365;
  }

  return {
    countyCode,
    seed,
    perDay: q.perDay,
    routing,
    nodes,
    hub,
    lanes: new Map(lanes.map((l) => [l.id, l])),
    milkRuns: milkRunTimetables(lanes),
    vehicles: vehicleRows.map((v) => ({
      id: v.id,
      homeNodeId: v.homeNodeId,
      capacityKg: v.capacityKg,
      capacityL: v.capacityL,
      cold: v.cold,
    })),
    carriers,
    downCarriers: share(DOWN_SHARES, OWN.down, 5),
    upCarriers: share(UP_SHARES, OWN.up, 3),
    coldCarriers: share(COLD_SHARES, OWN.cold, 0),
    down,
    downPicker: new WeightedPicker(downWeights),
    downChilled,
    upOrigins,
    upPickers,
    coldOrigins,
    coldPickers,
    growth,
    normDown,
    normUp,
    relVolume: (day) => growth(day) * ((0.65 * downShape(day)) / normDown + (0.35 * upShape(day)) / normUp),
    delays: new Map(),
  };
}
