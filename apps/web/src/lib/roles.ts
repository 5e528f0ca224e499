// Which area of the app each role lands in, and which station pages a node of each tier can use.
import type { TNodeTier } from "@xiangda/domain";
import type { TRole } from "@xiangda/domain";

export type TArea = "merchant" | "station" | "county" | "counter" | "carrier";

export const AREA_ROLES: Record<TArea, readonly TRole[]> = {
  merchant: ["MERCHANT"],
  station: ["STATION_STAFF"],
  county: ["COUNTY_MANAGER", "ADMIN"],
  counter: ["COUNTER_OPERATOR"],
  carrier: ["CARRIER_USER"],
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
    case "CARRIER_USER":
      return "carrier";
  }
}

export function homePathForRole(role: TRole): string {
  return `/${areaForRole(role)}`;
}

/// Station pages that only some tiers can use (the server refuses them elsewhere); a page not named here serves every
/// tier. A carrier's arrival manifest (到件清单) comes to the hub or a township station, never to a village point. (收寄
/// serves every tier: the hub receives announced parcels, though it accepts no new upward one, see accept-page.tsx.)
export const STATION_PAGE_TIERS: Readonly<Record<string, readonly TNodeTier[]>> = {
  "/station/manifests": ["COUNTY_HUB", "TOWNSHIP_STATION"],
};

/// Station pages about the self-pickup shelf: only a node that keeps one (Node.selfPickup) has anything there.
export const SHELF_PAGES: readonly string[] = ["/station/shelf", "/station/stocktake"];

/// Whether staff of a node of `tier` (keeping a pickup shelf or not) can use the station page at `path`; without a
/// node only the console's own page (which says so) is shown.
export function stationPageAllowed(path: string, tier: TNodeTier | null, selfPickup: boolean | null = null): boolean {
  if (!tier) return path === "/station";
  if (SHELF_PAGES.includes(path) && !selfPickup) return false;
  const tiers = STATION_PAGE_TIERS[path];
  return !tiers || tiers.includes(tier);
}
