// Which area of the app each role lands in.
import type { TRole } from "@xiangda/domain";

export type TArea = "merchant" | "station" | "county" | "counter";

export const AREA_ROLES: Record<TArea, readonly TRole[]> = {
  merchant: ["MERCHANT"],
  station: ["STATION_STAFF"],
  county: ["COUNTY_MANAGER", "ADMIN"],
  counter: ["COUNTER_OPERATOR"],
};

export function areaForRole(role: TRole): TArea {
  switch (role) {
    case "MERCHANT":
      return "merchant";
    case "STATION_STAFF":
      return "station";
    case "COUNTY_MANAGER":
    case "ADMIN":
      return "county";
    case "COUNTER_OPERATOR":
      return "counter";
  }
}

export function homePathForRole(role: TRole): string {
  return `/${areaForRole(role)}`;
}
