import { describe, expect, it } from "vitest";
import { checkLane, checkPlacement, type PlacementArea, type PlacementParent } from "./rules.ts";

const county: PlacementArea = { code: "210881000000", level: "COUNTY", countyCode: "210881", parentCode: null };
const t1: PlacementArea = { code: "210881102000", level: "TOWNSHIP", countyCode: "210881", parentCode: null };
const t2: PlacementArea = { code: "210881105000", level: "TOWNSHIP", countyCode: "210881", parentCode: null };
const v1: PlacementArea = { code: "210881102201", level: "VILLAGE", countyCode: "210881", parentCode: t1.code };
const v2: PlacementArea = { code: "210881105201", level: "VILLAGE", countyCode: "210881", parentCode: t2.code };
const hub: PlacementParent = { code: "HUB", tier: "COUNTY_HUB", countyCode: "210881", area: county };
const s1: PlacementParent = { code: "S1", tier: "TOWNSHIP_STATION", countyCode: "210881", area: t1 };

describe("checkPlacement", () => {
  it("accepts the three tiers in their places", () => {
    expect(checkPlacement({ tier: "COUNTY_HUB", countyCode: "210881", area: county, parent: null })).toEqual([]);
    expect(checkPlacement({ tier: "TOWNSHIP_STATION", countyCode: "210881", area: t1, parent: hub })).toEqual([]);
    expect(checkPlacement({ tier: "VILLAGE_POINT", countyCode: "210881", area: v1, parent: s1 })).toEqual([]);
  });

  it("rejects a station on a village, a point on a township, and wrong parents", () => {
    expect(checkPlacement({ tier: "TOWNSHIP_STATION", countyCode: "210881", area: v1, parent: hub })).toMatchObject([
      { path: "areaCode", key: "STATION_NEEDS_TOWNSHIP", message: expect.stringContaining("township") },
    ]);
    expect(checkPlacement({ tier: "VILLAGE_POINT", countyCode: "210881", area: t1, parent: s1 })[0]?.path).toBe("areaCode");
    expect(checkPlacement({ tier: "VILLAGE_POINT", countyCode: "210881", area: v1, parent: hub })).toMatchObject([
      { path: "parentCode", key: "PARENT_NOT_STATION", params: { parent: hub.code } },
    ]);
    expect(checkPlacement({ tier: "TOWNSHIP_STATION", countyCode: "210881", area: t1, parent: null })[0]?.path).toBe("parentCode");
    expect(checkPlacement({ tier: "COUNTY_HUB", countyCode: "210881", area: county, parent: hub })[0]?.path).toBe("parentCode");
  });

  it("rejects another county's area or parent", () => {
    const away: PlacementParent = { ...hub, countyCode: "211000" };
    expect(checkPlacement({ tier: "TOWNSHIP_STATION", countyCode: "210881", area: t1, parent: away })).toMatchObject([
      { path: "parentCode", message: expect.stringContaining("another county") },
    ]);
    expect(checkPlacement({ tier: "COUNTY_HUB", countyCode: "211000", area: county, parent: null })[0]?.path).toBe("areaCode");
  });

  it("needs a reason to serve a village across a township border", () => {
    const issues = checkPlacement({ tier: "VILLAGE_POINT", countyCode: "210881", area: v2, parent: s1 });
    expect(issues).toMatchObject([{ path: "parentCode", message: expect.stringContaining("crossBorderReason") }]);
    expect(
      checkPlacement({ tier: "VILLAGE_POINT", countyCode: "210881", area: v2, parent: s1, crossBorderReason: "river crossing is closer" }),
    ).toEqual([]);
  });
});

describe("checkLane", () => {
  const base = { departures: ["08:00"], weekdays: [1, 2, 3, 4, 5], cutoffMinutes: 30, transitMinutes: 60 };
  const HUB = { code: "HUB", tier: "COUNTY_HUB" as const, countyCode: "210881" };
  const S = { code: "S1", tier: "TOWNSHIP_STATION" as const, countyCode: "210881" };
  const S2 = { code: "S2", tier: "TOWNSHIP_STATION" as const, countyCode: "210881" };
  const V = { code: "V1", tier: "VILLAGE_POINT" as const, countyCode: "210881" };

  it("accepts trunk, milk-run and bus legs between adjacent tiers, both ways", () => {
    expect(checkLane({ ...base, mode: "TRUNK", from: HUB, to: S })).toEqual([]);
    expect(checkLane({ ...base, mode: "TRUNK", from: S, to: HUB })).toEqual([]);
    expect(checkLane({ ...base, mode: "MILK_RUN", from: S, to: V })).toEqual([]);
    expect(checkLane({ ...base, mode: "MILK_RUN", from: V, to: S })).toEqual([]);
    expect(checkLane({ ...base, mode: "BUS", from: HUB, to: S })).toEqual([]);
  });

  it("rejects unrelated tiers unless DIRECT with a reason", () => {
    expect(checkLane({ ...base, mode: "TRUNK", from: HUB, to: V })).toMatchObject([{ path: "mode", message: expect.stringContaining("DIRECT") }]);
    expect(checkLane({ ...base, mode: "MILK_RUN", from: HUB, to: S })[0]?.path).toBe("mode");
    expect(checkLane({ ...base, mode: "TRUNK", from: S, to: S2 })[0]?.path).toBe("mode");
    expect(checkLane({ ...base, mode: "DIRECT", from: HUB, to: V })).toMatchObject([
      { path: "directReason", message: "a DIRECT lane needs a reason" },
    ]);
    expect(checkLane({ ...base, mode: "DIRECT", from: HUB, to: V, directReason: "remote village on the hub's road" })).toEqual([]);
  });

  it("rejects self-loops, other counties and bad times", () => {
    expect(checkLane({ ...base, mode: "TRUNK", from: S, to: S })[0]?.path).toBe("to");
    expect(checkLane({ ...base, mode: "TRUNK", from: HUB, to: { ...S, countyCode: "211000" } })[0]?.message).toContain("another county");
    expect(checkLane({ ...base, transitMinutes: 0, mode: "TRUNK", from: HUB, to: S })).toMatchObject([
      { path: "transitMinutes", key: "MUST_BE_POSITIVE" },
    ]);
  });
});
