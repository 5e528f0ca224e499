// Coverage against a hand-computed fixture: 3 townships, 8 village-level units, 3 of them poor.
import { describe, expect, it } from "vitest";
import { computeCoverage, type CoverageArea, type CoverageLane, type CoverageNode } from "./coverage.ts";

const T = (code: string, name: string): CoverageArea => ({ code, name, level: "TOWNSHIP", kind: "镇", parentCode: null, isPoor: false });
const V = (code: string, parent: string, kind = "村委会", isPoor = false): CoverageArea => ({
  code,
  name: `村${code.slice(-3)}`,
  level: "VILLAGE",
  kind,
  parentCode: parent,
  isPoor,
});

const areas: CoverageArea[] = [
  T("A", "甲镇"),
  T("B", "乙镇"),
  T("C", "丙乡"),
  V("A1", "A"),
  V("A2", "A", "村委会", true),
  V("A3", "A", "居委会"),
  V("B1", "B", "村委会", true),
  V("B2", "B"),
  V("C1", "C", "村委会", true),
  V("C2", "C"),
  V("C3", "C", "居委会"),
];
const nodes: CoverageNode[] = [
  { tier: "COUNTY_HUB", status: "ACTIVE", areaCode: "A" },
  { tier: "TOWNSHIP_STATION", status: "ACTIVE", areaCode: "A" },
  { tier: "TOWNSHIP_STATION", status: "SUSPENDED", areaCode: "B" },
  { tier: "TOWNSHIP_STATION", status: "ACTIVE", areaCode: "C" },
  { tier: "VILLAGE_POINT", status: "ACTIVE", areaCode: "A1" },
  { tier: "VILLAGE_POINT", status: "ACTIVE", areaCode: "A2" },
  { tier: "VILLAGE_POINT", status: "CLOSED", areaCode: "B1" }, // closed: does not count
  { tier: "VILLAGE_POINT", status: "ACTIVE", areaCode: "C1" },
];
const lanes: CoverageLane[] = [
  { mode: "MILK_RUN", active: true, stopAreaCodes: ["C2", "C1"] }, // C2 by milk run; C1 already by point
  { mode: "MILK_RUN", active: false, stopAreaCodes: ["B2"] }, // suspended lane: no
  { mode: "TRUNK", active: true, stopAreaCodes: ["A3"] }, // not a milk run: no
];

describe("computeCoverage", () => {
  it("matches the hand-computed figures", () => {
    const c = computeCoverage(areas, nodes, lanes);
    // Covered: A1, A2 (points), C1 (point), C2 (milk run) = 4 of 8.
    expect(c).toMatchObject({
      townships: 3,
      townshipsWithStation: 2, // B's station is suspended
      villageUnits: 8,
      villageUnitsCovered: 4,
      villageCommittees: 6,
      poorVillages: 3,
      poorVillagesCovered: 2, // A2, C1; B1's point is closed
      coverageRate: 0.5,
    });
    expect(c.uncovered.map((u) => u.code).sort()).toEqual(["A3", "B1", "B2", "C3"]);
    expect(c.uncovered.find((u) => u.code === "B1")).toMatchObject({ townshipName: "乙镇", isPoor: true });
    expect(c.coveredBy.get("C2")).toBe("MILK_RUN");
    expect(c.coveredBy.get("C1")).toBe("POINT");
    expect(c.byTownship).toEqual([
      { code: "A", name: "甲镇", hasStation: true, villageUnits: 3, villageUnitsCovered: 2, poorVillages: 1, poorVillagesCovered: 1 },
      { code: "B", name: "乙镇", hasStation: false, villageUnits: 2, villageUnitsCovered: 0, poorVillages: 1, poorVillagesCovered: 0 },
      { code: "C", name: "丙乡", hasStation: true, villageUnits: 3, villageUnitsCovered: 2, poorVillages: 1, poorVillagesCovered: 1 },
    ]);
  });

  it("gives a rate of 0, not NaN, for a county without villages", () => {
    expect(computeCoverage([T("A", "甲")], [], []).coverageRate).toBe(0);
  });

  it("rounds the rate to 4 decimals", () => {
    const vs = [T("A", "甲"), V("A1", "A"), V("A2", "A"), V("A3", "A")];
    expect(computeCoverage(vs, [{ tier: "VILLAGE_POINT", status: "ACTIVE", areaCode: "A1" }], []).coverageRate).toBe(0.3333);
  });
});
