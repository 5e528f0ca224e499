// Rules of the three-tier network: where a node may sit, and which lanes make sense.
import { issueAt, type FieldIssue } from "../errors.ts";
import type { TLaneMode, TNodeTier } from "./values.ts";

export interface PlacementArea {
  code: string;
  level: "COUNTY" | "TOWNSHIP" | "VILLAGE";
  countyCode: string;
  /// The township of a village.
  parentCode: string | null;
}

export interface PlacementParent {
  code: string;
  tier: TNodeTier;
  countyCode: string;
  area: PlacementArea;
}

export interface PlacementInput {
  tier: TNodeTier;
  countyCode: string;
  area: PlacementArea;
  parent: PlacementParent | null;
  crossBorderReason?: string | null;
}

const PARENT_TIER: Record<TNodeTier, TNodeTier | null> = {
  COUNTY_HUB: null,
  TOWNSHIP_STATION: "COUNTY_HUB",
  VILLAGE_POINT: "TOWNSHIP_STATION",
};

/// Village point → township station → county hub, in one county, on the right kind of area.
export function checkPlacement(n: PlacementInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (n.area.countyCode !== n.countyCode)
    issues.push(issueAt("areaCode", "AREA_NOT_IN_COUNTY", { area: n.area.code, county: n.countyCode }));
  if (n.tier === "TOWNSHIP_STATION" && n.area.level !== "TOWNSHIP")
    issues.push(issueAt("areaCode", "STATION_NEEDS_TOWNSHIP"));
  if (n.tier === "VILLAGE_POINT" && n.area.level !== "VILLAGE")
    issues.push(issueAt("areaCode", "POINT_NEEDS_VILLAGE"));
  const wantParent = PARENT_TIER[n.tier];
  if (!wantParent) {
    if (n.parent) issues.push(issueAt("parentCode", "HUB_HAS_NO_PARENT"));
    return issues;
  }
  if (!n.parent) {
    issues.push(issueAt("parentCode", n.tier === "TOWNSHIP_STATION" ? "STATION_NEEDS_HUB_PARENT" : "POINT_NEEDS_STATION_PARENT"));
    return issues;
  }
  if (n.parent.tier !== wantParent)
    issues.push(issueAt("parentCode", wantParent === "COUNTY_HUB" ? "PARENT_NOT_HUB" : "PARENT_NOT_STATION", { parent: n.parent.code }));
  if (n.parent.countyCode !== n.countyCode) issues.push(issueAt("parentCode", "PARENT_OTHER_COUNTY", { parent: n.parent.code }));
  if (n.tier === "VILLAGE_POINT" && n.parent.tier === "TOWNSHIP_STATION" && n.area.level === "VILLAGE") {
    const sameTownship = n.area.parentCode === n.parent.area.code;
    if (!sameTownship && !n.crossBorderReason?.trim()) {
      issues.push(issueAt("parentCode", "VILLAGE_OUTSIDE_STATION_TOWNSHIP", { area: n.area.code, parent: n.parent.code }));
    }
  }
  return issues;
}

/// Which tiers each mode links (either direction). DIRECT is the only way to skip or stay in a tier.
const MODE_LINKS: Record<Exclude<TLaneMode, "DIRECT">, [TNodeTier, TNodeTier][]> = {
  TRUNK: [["COUNTY_HUB", "TOWNSHIP_STATION"]],
  MILK_RUN: [["TOWNSHIP_STATION", "VILLAGE_POINT"]],
  BUS: [
    ["COUNTY_HUB", "TOWNSHIP_STATION"],
    ["TOWNSHIP_STATION", "VILLAGE_POINT"],
  ],
};

export interface LaneCheckInput {
  mode: TLaneMode;
  from: { code: string; tier: TNodeTier; countyCode: string };
  to: { code: string; tier: TNodeTier; countyCode: string };
  directReason?: string | null;
  departures: string[];
  weekdays: number[];
  cutoffMinutes: number;
  transitMinutes: number;
}

export function checkLane(l: LaneCheckInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (l.from.code === l.to.code) issues.push(issueAt("to", "LANE_SAME_NODE"));
  if (l.from.countyCode !== l.to.countyCode) issues.push(issueAt("to", "LANE_OTHER_COUNTY", { to: l.to.code, from: l.from.code }));
  if (l.mode === "DIRECT") {
    if (!l.directReason?.trim()) issues.push(issueAt("directReason", "DIRECT_LANE_NEEDS_REASON"));
  } else {
    const fits = MODE_LINKS[l.mode].some(([a, b]) => (l.from.tier === a && l.to.tier === b) || (l.from.tier === b && l.to.tier === a));
    if (!fits) {
      issues.push(issueAt("mode", "LANE_MODE_TIERS", { mode: l.mode, fromTier: l.from.tier, toTier: l.to.tier }));
    }
  }
  if (l.departures.length === 0) issues.push(issueAt("departures", "AT_LEAST_ONE_DEPARTURE"));
  if (l.weekdays.length === 0) issues.push(issueAt("weekdays", "AT_LEAST_ONE_WEEKDAY"));
  if (l.transitMinutes <= 0) issues.push(issueAt("transitMinutes", "MUST_BE_POSITIVE"));
  if (l.cutoffMinutes < 0) issues.push(issueAt("cutoffMinutes", "MUST_BE_ZERO_OR_MORE"));
  return issues;
}
