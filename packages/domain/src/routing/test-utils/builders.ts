// Builders for hand-made routing networks in tests: nodes and lanes with defaults, Shanghai wall-clock dates.
import type { RLane, RNode, RouteResult } from "../types.ts";

export function node(code: string, over: Partial<RNode> = {}): RNode {
  return {
    id: `id-${code}`,
    code,
    tier: "TOWNSHIP_STATION",
    status: "ACTIVE",
    coldChilled: false,
    coldFrozen: false,
    handlingMinutes: 0,
    areaCode: "210881000000",
    ...over,
  };
}

/// A daily lane from `from` to `to` (node codes) with one departure, no cutoff and 60 minutes transit.
export function lane(code: string, from: string, to: string, over: Partial<RLane> = {}): RLane {
  return {
    id: `id-${code}`,
    code,
    fromId: `id-${from}`,
    toId: `id-${to}`,
    status: "ACTIVE",
    mode: "TRUNK",
    departures: ["08:00"],
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    cutoffMinutes: 0,
    transitMinutes: 60,
    cold: false,
    ...over,
  };
}

/// "2024-06-03 08:00" as Asia/Shanghai wall-clock time (2024-06-03 is a Monday).
export function sh(local: string): Date {
  return new Date(`${local.replace(" ", "T")}+08:00`);
}

/// A route as "LANE@depart→arrive" strings in Shanghai time, for readable assertions.
export function describeRoute(r: RouteResult): string[] | string {
  if (!r.ok) return r.reason;
  const fmt = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(5, 16).replace("T", " ");
  return r.legs.map((l) => `${l.laneCode}@${fmt(l.depart)}→${fmt(l.arrive)}`);
}
