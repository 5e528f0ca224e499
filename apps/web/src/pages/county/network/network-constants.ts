// The enumerations of the network model come from @xiangda/domain (their labels: components/form/enums.ts); the tier
// a node's parent must have is the form's own rule.
import type { TNodeTier } from "@xiangda/domain";

export { NODE_STATUSES, NODE_TIERS as TIERS, LANE_MODES } from "@xiangda/domain";

/** The tier a node's parent must have (a hub has none). */
export const PARENT_TIER: Record<TNodeTier, TNodeTier | null> = {
  COUNTY_HUB: null,
  TOWNSHIP_STATION: "COUNTY_HUB",
  VILLAGE_POINT: "TOWNSHIP_STATION",
};
