import { ROLES } from "@xiangda/domain";
import { describe, expect, it } from "vitest";
import { NODE_TIERS } from "@xiangda/domain";
import { AREA_ROLES, areaForRole, homePathForRole, SHELF_PAGES, stationPageAllowed } from "./roles.ts";

describe("role routing", () => {
  it("sends every role to an area that admits it", () => {
    for (const role of ROLES) {
      expect(AREA_ROLES[areaForRole(role)]).toContain(role);
    }
  });

  it("maps roles to their home paths", () => {
    expect(homePathForRole("MERCHANT")).toBe("/merchant");
    expect(homePathForRole("STATION_STAFF")).toBe("/station");
    expect(homePathForRole("COUNTY_MANAGER")).toBe("/county");
    expect(homePathForRole("ADMIN")).toBe("/county");
  });
});

// Every station page × every node tier (issue #17 defect 9): the menu offers only what the server does there.
const PAGES = ["/station", "/station/accept", "/station/manifests", "/station/loads"] as const;
const EXPECTED: Record<(typeof NODE_TIERS)[number], readonly (typeof PAGES)[number][]> = {
  COUNTY_HUB: ["/station", "/station/accept", "/station/manifests", "/station/loads"],
  TOWNSHIP_STATION: ["/station", "/station/accept", "/station/manifests", "/station/loads"],
  VILLAGE_POINT: ["/station", "/station/accept", "/station/loads"],
};

describe("station pages by node tier", () => {
  it.each(NODE_TIERS)("%s", (tier) => {
    expect(PAGES.filter((p) => stationPageAllowed(p, tier))).toEqual(EXPECTED[tier]);
  });

  it.each(NODE_TIERS)("%s: 待取件 and 盘库 only where the node keeps a self-pickup shelf", (tier) => {
    for (const page of SHELF_PAGES) {
      expect(stationPageAllowed(page, tier, true)).toBe(true);
      expect(stationPageAllowed(page, tier, false)).toBe(false);
      expect(stationPageAllowed(page, tier)).toBe(false);
    }
    // The other pages do not depend on the shelf.
    expect(PAGES.filter((p) => stationPageAllowed(p, tier, false))).toEqual(EXPECTED[tier]);
  });

  it("without a node only the console's page, which says why it cannot scan", () => {
    expect(PAGES.filter((p) => stationPageAllowed(p, null))).toEqual(["/station"]);
  });
});
