// Rules of the three-tier network: where a node may sit, and which lanes make sense.
import type { FieldIssue } from "../errors.ts";
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
    issues.push({ path: "areaCode", message: `area ${n.area.code} is not in county ${n.countyCode}` });
  if (n.tier === "TOWNSHIP_STATION" && n.area.level !== "TOWNSHIP")
    issues.push({ path: "areaCode", message: "a township station must sit on a township (乡/镇/街道)" });
  if (n.tier === "VILLAGE_POINT" && n.area.level !== "VILLAGE")
    issues.push({ path: "areaCode", message: "a village point must sit on a village-level unit (村委会/居委会)" });
  const wantParent = PARENT_TIER[n.tier];
  if (!wantParent) {
    if (n.parent) issues.push({ path: "parentCode", message: "a county hub has no parent" });
    return issues;
  }
  if (!n.parent) {
    issues.push({
      path: "parentCode",
      message: `a ${n.tier === "TOWNSHIP_STATION" ? "township station" : "village point"} needs a parent ${wantParent === "COUNTY_HUB" ? "county hub" : "township station"}`,
    });
    return issues;
  }
  if (n.parent.tier !== wantParent)
    issues.push({ path: "parentCode", message: `parent ${n.parent.code} is a ${n.parent.tier}, expected ${wantParent}` });
  if (n.parent.countyCode !== n.countyCode) issues.push({ path: "parentCode", message: `parent ${n.parent.code} is in another county` });
  if (n.tier === "VILLAGE_POINT" && n.parent.tier === "TOWNSHIP_STATION" && n.area.level === "VILLAGE") {
    const sameTownship = n.area.parentCode === n.parent.area.code;
    if (!sameTownship && !n.crossBorderReason?.trim()) {
      issues.push({
        path: "parentCode",
        message: `village ${n.area.code} is not in station ${n.parent.code}'s township; give a crossBorderReason to serve it across the border`,
      });
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
  if (l.from.code === l.to.code) issues.push({ path: "to", message: "a lane must link two different nodes" });
  if (l.from.countyCode !== l.to.countyCode) issues.push({ path: "to", message: `${l.to.code} is in another county than ${l.from.code}` });
  if (l.mode === "DIRECT") {
    if (!l.directReason?.trim()) issues.push({ path: "directReason", message: "a DIRECT lane needs a reason" });
  } else {
    const fits = MODE_LINKS[l.mode].some(([a, b]) => (l.from.tier === a && l.to.tier === b) || (l.from.tier === b && l.to.tier === a));
    if (!fits) {
      issues.push({
        path: "mode",
        message: `a ${l.mode} lane cannot link a ${l.from.tier} to a ${l.to.tier}; use DIRECT with a reason to skip a tier`,
      });
    }
  }
  if (l.departures.length === 0) issues.push({ path: "departures", message: "at least one departure time is needed" });
  if (l.weekdays.length === 0) issues.push({ path: "weekdays", message: "at least one weekday is needed" });
  if (l.transitMinutes <= 0) issues.push({ path: "transitMinutes", message: "must be more than 0" });
  if (l.cutoffMinutes < 0) issues.push({ path: "cutoffMinutes", message: "must be 0 or more" });
  return issues;
}
