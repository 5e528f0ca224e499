// A route result reduced to what two routers must agree on: everything but the wording of messages.
import type { RouteResult } from "../types.ts";

export function comparable(r: RouteResult): unknown {
  return r.ok
    ? {
        ok: true,
        arrival: r.arrival.toISOString(),
        readyAt: r.readyAt.toISOString(),
        legs: r.legs.map((l) => `${l.laneId}:${l.fromId}>${l.toId}@${l.depart.toISOString()}-${l.arrive.toISOString()}`),
      }
    : { ok: false, reason: r.reason, brokenLeg: r.brokenLeg };
}
