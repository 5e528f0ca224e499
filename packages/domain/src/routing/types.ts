// The routing engine's inputs and outputs: nodes, scheduled lanes, queries and results.

export type TempClass = "AMBIENT" | "CHILLED" | "FROZEN";

export interface RNode {
  id: string;
  code: string;
  tier: "COUNTY_HUB" | "TOWNSHIP_STATION" | "VILLAGE_POINT";
  status: "ACTIVE" | "SUSPENDED" | "CLOSED";
  coldChilled: boolean;
  coldFrozen: boolean;
  /// Minutes between a parcel arriving here and being ready for its next leg (or for pickup).
  handlingMinutes: number;
  areaCode: string;
}

export interface RLane {
  id: string;
  code: string;
  fromId: string;
  toId: string;
  status: "ACTIVE" | "SUSPENDED";
  mode: "TRUNK" | "MILK_RUN" | "BUS" | "DIRECT";
  /// "HH:MM", Asia/Shanghai wall-clock time.
  departures: string[];
  /// ISO weekdays of the departures: 1 = Monday … 7 = Sunday.
  weekdays: number[];
  /// A parcel must be ready at the lane's start this many minutes before a departure to ride it.
  cutoffMinutes: number;
  transitMinutes: number;
  cold: boolean;
}

export interface Leg {
  laneId: string;
  laneCode: string;
  fromId: string;
  toId: string;
  fromCode: string;
  toCode: string;
  depart: Date;
  /// depart + transit; handling at the far end comes after.
  arrive: Date;
}

export interface BrokenLeg {
  laneCode: string;
  fromCode: string;
  toCode: string;
  why: string;
}

export type RouteResult =
  | { ok: true; legs: Leg[]; arrival: Date; readyAt: Date }
  | {
      ok: false;
      reason: "NO_ROUTE" | "COLD_CHAIN" | "ORIGIN_UNAVAILABLE" | "DESTINATION_UNAVAILABLE" | "UNKNOWN_NODE";
      message: string;
      brokenLeg?: BrokenLeg;
    };

export interface RouteQuery {
  fromId: string;
  toId: string;
  /// When the parcel is ready at the origin (a UTC instant).
  readyAt: Date;
  temp: TempClass;
  /// A route counts only if it arrives within this many days of readyAt; default 14.
  horizonDays?: number;
}

export const DEFAULT_HORIZON_DAYS = 14;
