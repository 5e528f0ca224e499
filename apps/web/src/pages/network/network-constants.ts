// The enumerations of the network model, in display order.
import type { TLaneMode, TNodeStatus, TOperator, TTier, TVehicle } from "../../lib/network-api.ts";

export const TIERS: readonly TTier[] = ["COUNTY_HUB", "TOWNSHIP_STATION", "VILLAGE_POINT"];
export const NODE_STATUSES: readonly TNodeStatus[] = ["ACTIVE", "SUSPENDED", "CLOSED"];
export const OPERATORS: readonly TOperator[] = ["POST", "CARRIER", "COOPERATIVE", "SHOP_AGENT", "GOVERNMENT", "OTHER"];
export const LANE_MODES: readonly TLaneMode[] = ["TRUNK", "MILK_RUN", "BUS", "DIRECT"];
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const COLD_CLASSES: readonly TVehicle["cold"][] = ["NONE", "CHILLED", "FROZEN", "BOTH"];
export const ENERGY_TYPES: readonly TVehicle["energy"][] = ["NEW_ENERGY", "FUEL"];
export const VEHICLE_STATUSES: readonly TVehicle["status"][] = ["ACTIVE", "MAINTENANCE", "RETIRED"];
export const CREDIT_GRADES = ["A", "B", "C", "D"] as const;

/** The tier a node's parent must have (a hub has none). */
export const PARENT_TIER: Record<TTier, TTier | null> = {
  COUNTY_HUB: null,
  TOWNSHIP_STATION: "COUNTY_HUB",
  VILLAGE_POINT: "TOWNSHIP_STATION",
};
