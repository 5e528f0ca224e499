import { ROLES } from "@xiangda/domain";
import { describe, expect, it } from "vitest";
import { AREA_ROLES, areaForRole, homePathForRole } from "./roles.ts";

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
