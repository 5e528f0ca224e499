// Promised times as traffic lights (the county project board's discipline, applied to parcels).
import type { LIGHTS } from "./values.ts";

export type TLight = (typeof LIGHTS)[number];

export interface LightLeg {
  status: "PLANNED" | "DEPARTED" | "ARRIVED" | "CANCELLED";
  plannedDepart: Date;
  plannedArrive: Date;
  actualArrive: Date | null;
}

/// Overridden by XD_YELLOW_FRACTION (read where the lights are computed).
export const DEFAULT_YELLOW_FRACTION = 0.2;

export function yellowFraction(env: Record<string, string | undefined> = typeof process === "undefined" ? {} : process.env): number {
  const v = Number(env.XD_YELLOW_FRACTION);
  return Number.isFinite(v) && v > 0 && v < 1 ? v : DEFAULT_YELLOW_FRACTION;
}
const RANK: Record<TLight, number> = { GREEN: 0, YELLOW: 1, RED: 2 };
export const worstLight = (a: TLight, b: TLight): TLight => (RANK[a] >= RANK[b] ? a : b);

/// GREEN done on time or on track; YELLOW in progress within the last `fraction` of its time; RED overdue.
export function legLight(leg: LightLeg, now: Date, fraction = DEFAULT_YELLOW_FRACTION): TLight {
  if (leg.status === "CANCELLED") return "GREEN";
  if (leg.status === "ARRIVED") return leg.actualArrive && leg.actualArrive > leg.plannedArrive ? "RED" : "GREEN";
  const limit = leg.plannedArrive.getTime();
  if (now.getTime() > limit) return "RED";
  const span = Math.max(limit - leg.plannedDepart.getTime(), 0);
  if (now.getTime() >= limit - fraction * span) return "YELLOW";
  return "GREEN";
}

export interface ShipmentLightInput {
  status: string;
  routeError: string | null;
  promisedAt: Date | null;
  /// Arrival at the final node, once there.
  finalArrival: Date | null;
  legs: LightLeg[];
}

/// The shipment's light: RED without a route; when finished, on time or not; otherwise its current leg.
export function shipmentLight(
  s: ShipmentLightInput,
  now: Date,
  fraction = DEFAULT_YELLOW_FRACTION,
): { light: TLight; currentLeg: number | null; reason: string | null } {
  if (s.routeError) return { light: "RED", currentLeg: null, reason: s.routeError };
  if (["DELIVERED", "AWAITING_PICKUP", "RETURNED"].includes(s.status)) {
    const late = s.promisedAt && s.finalArrival && s.finalArrival > s.promisedAt;
    return { light: late ? "RED" : "GREEN", currentLeg: null, reason: late ? "arrived after the promised time" : null };
  }
  if (s.status === "CANCELLED") return { light: "GREEN", currentLeg: null, reason: null };
  const idx = s.legs.findIndex((l) => l.status === "PLANNED" || l.status === "DEPARTED");
  if (idx === -1) {
    if (s.promisedAt && now > s.promisedAt) return { light: "RED", currentLeg: null, reason: "past the promised time" };
    return { light: "GREEN", currentLeg: null, reason: null };
  }
  const light = legLight(s.legs[idx]!, now, fraction);
  return { light, currentLeg: idx, reason: light === "RED" ? "leg overdue" : light === "YELLOW" ? "leg near its promised time" : null };
}
