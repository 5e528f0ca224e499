// Coverage of a county's village-level units, measured against the full list of units.

export interface CoverageArea {
  code: string;
  name: string;
  level: "TOWNSHIP" | "VILLAGE";
  kind: string;
  parentCode: string | null;
  isPoor: boolean;
}

export interface CoverageNode {
  tier: "COUNTY_HUB" | "TOWNSHIP_STATION" | "VILLAGE_POINT";
  status: "ACTIVE" | "SUSPENDED" | "CLOSED";
  areaCode: string;
}

export interface CoverageLane {
  mode: "TRUNK" | "MILK_RUN" | "BUS" | "DIRECT";
  active: boolean;
  /// Village areas the lane stops at: the village of its village-point end, and its extra stops.
  stopAreaCodes: string[];
}

export interface TownshipCoverage {
  code: string;
  name: string;
  hasStation: boolean;
  villageUnits: number;
  villageUnitsCovered: number;
  poorVillages: number;
  poorVillagesCovered: number;
}

export interface Coverage {
  townships: number;
  townshipsWithStation: number;
  villageUnits: number;
  villageUnitsCovered: number;
  villageCommittees: number;
  poorVillages: number;
  poorVillagesCovered: number;
  /// villageUnitsCovered / villageUnits, 0 when there are none; rounded to 4 decimals.
  coverageRate: number;
  byTownship: TownshipCoverage[];
  uncovered: { code: string; name: string; townshipCode: string | null; townshipName: string | null; isPoor: boolean }[];
  coveredBy: Map<string, "POINT" | "MILK_RUN">;
}

/// A village-level unit is covered by an ACTIVE village point on it, or by being a stop of an active milk run.
export function computeCoverage(areas: CoverageArea[], nodes: CoverageNode[], lanes: CoverageLane[]): Coverage {
  const townships = areas.filter((a) => a.level === "TOWNSHIP");
  const villages = areas.filter((a) => a.level === "VILLAGE");
  const active = nodes.filter((n) => n.status === "ACTIVE");
  const stationAreas = new Set(active.filter((n) => n.tier === "TOWNSHIP_STATION").map((n) => n.areaCode));
  const coveredBy = new Map<string, "POINT" | "MILK_RUN">();
  for (const n of active) if (n.tier === "VILLAGE_POINT") coveredBy.set(n.areaCode, "POINT");
  for (const l of lanes) {
    if (!l.active || l.mode !== "MILK_RUN") continue;
    for (const c of l.stopAreaCodes) if (!coveredBy.has(c)) coveredBy.set(c, "MILK_RUN");
  }
  const villageCodes = new Set(villages.map((v) => v.code));
  for (const c of [...coveredBy.keys()]) if (!villageCodes.has(c)) coveredBy.delete(c);

  const townshipName = new Map(townships.map((t) => [t.code, t.name]));
  const byTownship = new Map<string, TownshipCoverage>(
    townships.map((t) => [
      t.code,
      {
        code: t.code,
        name: t.name,
        hasStation: stationAreas.has(t.code),
        villageUnits: 0,
        villageUnitsCovered: 0,
        poorVillages: 0,
        poorVillagesCovered: 0,
      },
    ]),
  );
  const uncovered: Coverage["uncovered"] = [];
  let covered = 0;
  let poor = 0;
  let poorCovered = 0;
  for (const v of villages) {
    const isCovered = coveredBy.has(v.code);
    const t = v.parentCode ? byTownship.get(v.parentCode) : undefined;
    if (t) {
      t.villageUnits++;
      if (isCovered) t.villageUnitsCovered++;
      if (v.isPoor) t.poorVillages++;
      if (v.isPoor && isCovered) t.poorVillagesCovered++;
    }
    if (isCovered) covered++;
    else
      uncovered.push({
        code: v.code,
        name: v.name,
        townshipCode: v.parentCode,
        townshipName: v.parentCode ? (townshipName.get(v.parentCode) ?? null) : null,
        isPoor: v.isPoor,
      });
    if (v.isPoor) {
      poor++;
      if (isCovered) poorCovered++;
    }
  }
  return {
    townships: townships.length,
    townshipsWithStation: townships.filter((t) => stationAreas.has(t.code)).length,
    villageUnits: villages.length,
    villageUnitsCovered: covered,
    villageCommittees: villages.filter((v) => v.kind === "村委会").length,
    poorVillages: poor,
    poorVillagesCovered: poorCovered,
    coverageRate: villages.length ? Math.round((covered / villages.length) * 10_000) / 10_000 : 0,
    byTownship: [...byTownship.values()],
    uncovered,
    coveredBy,
  };
}
