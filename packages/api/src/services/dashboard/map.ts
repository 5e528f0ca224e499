// The county on a map (areas, nodes, lanes and today's loads), its coverage figures, and the filter bar's choices.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { pgPool, type Db } from "@xiangda/db";
import { AppError } from "@xiangda/domain";
import { shanghaiDay, shanghaiDaysRange } from "../listings/days.ts";
import { findCoverage } from "../network/coverage.ts";

const positionsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../data/positions");

export interface GeoJsonFeatureCollection {
  type: "FeatureCollection";
  features: unknown[];
}

const boundaries = new Map<string, GeoJsonFeatureCollection | null>();

/// The stored outline as a FeatureCollection, whether the file holds one, a bare array of features or one feature.
export function asFeatureCollection(value: unknown): GeoJsonFeatureCollection | null {
  if (Array.isArray(value)) return { type: "FeatureCollection", features: value };
  if (typeof value !== "object" || value === null) return null;
  const v = value as { type?: unknown; features?: unknown };
  if (v.type === "FeatureCollection" && Array.isArray(v.features)) return { type: "FeatureCollection", features: v.features };
  if (v.type === "Feature") return { type: "FeatureCollection", features: [value] };
  return null;
}

/// The county outline shipped with the project (GCJ-02), read once per process; null when there is none.
function boundaryOf(countyCode: string): GeoJsonFeatureCollection | null {
  if (!boundaries.has(countyCode)) {
    const p = path.join(positionsDir, `${countyCode}-boundary.geojson`);
    boundaries.set(countyCode, existsSync(p) ? asFeatureCollection(JSON.parse(readFileSync(p, "utf8"))) : null);
  }
  return boundaries.get(countyCode) ?? null;
}

async function countyOrThrow(db: Db, countyCode: string) {
  const county = await db.county.findUnique({ where: { code: countyCode }, select: { code: true, name: true } });
  if (!county)
    throw AppError.notFound(`countyCode: county ${countyCode} is not imported`, {
      issues: [{ path: "countyCode", message: "not imported" }],
    });
  return county;
}

interface TodayLoad {
  id: string;
  code: string;
  milkRun: boolean;
  nodeId: string;
  toNodeId: string | null;
  status: string;
  departAt: Date;
  parcels: number;
  vehicles: number;
}

export async function countyMap(db: Db, { countyCode, now }: { countyCode: string; now: Date }) {
  const county = await countyOrThrow(db, countyCode);
  const today = shanghaiDaysRange(shanghaiDay(now), shanghaiDay(now));
  const [areas, nodes, lanes, coverage, loads] = await Promise.all([
    db.adminArea.findMany({
      where: { countyCode, removedAt: null, level: { in: ["TOWNSHIP", "VILLAGE"] } },
      select: { code: true, name: true, level: true, kind: true, parentCode: true, lat: true, lng: true, synthetic: true, isPoor: true },
      orderBy: { code: "asc" },
    }),
    db.node.findMany({
      where: { countyCode },
      select: {
        id: true,
        code: true,
        name: true,
        tier: true,
        status: true,
        areaCode: true,
        area: { select: { lat: true, lng: true, synthetic: true } },
      },
      orderBy: { code: "asc" },
    }),
    db.lane.findMany({
      where: { countyCode },
      select: { id: true, code: true, mode: true, fromNodeId: true, toNodeId: true },
      orderBy: { code: "asc" },
    }),
    findCoverage(db, { countyCode }),
    // Open loads have no report yet: their parcels are counted from the items (the (loadId, status) index).
    pgPool(db).query<TodayLoad>(
      `SELECT l.id, l.code, l."milkRun", l."nodeId", l."toNodeId", l.status::text AS status, l."departAt",
              coalesce((l.report->>'parcels')::int, (SELECT count(*) FROM "LoadItem" i WHERE i."loadId" = l.id AND i.status = 'ASSIGNED'))::int AS parcels,
              coalesce((l.report->>'vehicles')::int, 0) AS vehicles
         FROM "Load" l WHERE l."countyCode" = $1 AND l."departAt" >= $2 AND l."departAt" < $3 ORDER BY l."departAt", l.code`,
      [countyCode, today.start, today.end],
    ),
  ]);
  const stationAreas = new Set(nodes.filter((x) => x.tier === "TOWNSHIP_STATION" && x.status === "ACTIVE").map((x) => x.areaCode));
  return {
    county,
    datum: "GCJ02" as const,
    boundary: boundaryOf(countyCode),
    townships: areas
      .filter((a) => a.level === "TOWNSHIP")
      .map((a) => ({ code: a.code, name: a.name, lng: a.lng, lat: a.lat, synthetic: a.synthetic, hasStation: stationAreas.has(a.code) })),
    villages: areas
      .filter((a) => a.level === "VILLAGE")
      .map((a) => ({
        code: a.code,
        name: a.name,
        townshipCode: a.parentCode,
        lng: a.lng,
        lat: a.lat,
        synthetic: a.synthetic,
        covered: coverage.coveredBy.has(a.code),
        poor: a.isPoor,
        committee: a.kind === "村委会",
      })),
    nodes: nodes.map((x) => ({
      id: x.id,
      code: x.code,
      name: x.name,
      tier: x.tier,
      status: x.status,
      areaCode: x.areaCode,
      lng: x.area.lng,
      lat: x.area.lat,
      synthetic: x.area.synthetic,
    })),
    lanes,
    loadsToday: loads.rows.map((l) => ({ ...l, departAt: l.departAt.toISOString() })),
  };
}

const rate = (part: number, whole: number) => (whole ? Math.round((part / whole) * 10_000) / 10_000 : 0);

/// Coverage as network.coverage computes it (a unit is covered by an ACTIVE point or an active milk run's stop),
/// in the dashboard's words; rates are 0 when there is nothing to cover.
export async function coverageIndicator(db: Db, countyCode: string) {
  const [c, villagePoints] = await Promise.all([
    findCoverage(db, { countyCode }),
    db.node.count({ where: { countyCode, tier: "VILLAGE_POINT", status: "ACTIVE" } }),
  ]);
  return {
    townships: c.townships,
    townshipsWithStation: c.townshipsWithStation,
    villageUnits: c.villageUnits,
    villagePoints,
    coveredVillages: c.villageUnitsCovered,
    coverageRate: c.coverageRate,
    poorVillages: c.poorVillages,
    poorCovered: c.poorVillagesCovered,
    poorCoverageRate: rate(c.poorVillagesCovered, c.poorVillages),
    byTownship: c.byTownship.map((t) => ({
      code: t.code,
      name: t.name,
      hasStation: t.hasStation,
      villages: t.villageUnits,
      covered: t.villageUnitsCovered,
      poor: t.poorVillages,
      poorCovered: t.poorVillagesCovered,
      rate: rate(t.villageUnitsCovered, t.villageUnits),
    })),
    uncovered: c.uncovered.map((u) => ({
      code: u.code,
      name: u.name,
      townshipCode: u.townshipCode,
      townshipName: u.townshipName,
      poor: u.isPoor,
    })),
  };
}

/// The filter bar: the county's townships, and every carrier (carriers are shared nationally, not per county).
export async function dashboardFilters(db: Db, countyCode: string) {
  await countyOrThrow(db, countyCode);
  const [townships, carriers] = await Promise.all([
    db.adminArea.findMany({
      where: { countyCode, level: "TOWNSHIP", removedAt: null },
      select: { code: true, name: true },
      orderBy: { code: "asc" },
    }),
    db.carrier.findMany({ select: { id: true, code: true, name: true }, orderBy: { code: "asc" } }),
  ]);
  return { townships, carriers };
}
