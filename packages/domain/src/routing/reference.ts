// Slow reference router for tests and the benchmark: lists every concrete departure in the horizon with
// calendar arithmetic, then relaxes them in rounds (Bellman-Ford). Shares no code with the fast engine.
import { DEFAULT_HORIZON_DAYS, type BrokenLeg, type RLane, type RNode, type RouteQuery, type RouteResult } from "./types.ts";

const MIN = 60_000;
const UTC8 = 8 * 60 * MIN;

interface Trip {
  lane: RLane;
  from: RNode;
  to: RNode;
  depart: number;
  arrive: number;
}
interface Label {
  arrive: number;
  round: number;
  trip: Trip | null;
  parent: Label | null;
}

const laneBefore = (a: RLane, b: RLane) => a.code < b.code || (a.code === b.code && a.id < b.id);

function tripsInHorizon(nodes: Map<string, RNode>, lanes: RLane[], startMs: number, endMs: number): Trip[] {
  const trips: Trip[] = [];
  const first = new Date(startMs + UTC8); // its UTC fields are the Shanghai wall clock
  const days = Math.ceil((endMs - startMs) / 86_400_000) + 2;
  for (const lane of lanes) {
    const from = nodes.get(lane.fromId);
    const to = nodes.get(lane.toId);
    if (lane.status !== "ACTIVE" || !from || !to || from === to || from.status !== "ACTIVE" || to.status !== "ACTIVE") continue;
    for (let k = -1; k <= days; k++) {
      const day = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), first.getUTCDate() + k));
      const isoWeekday = day.getUTCDay() === 0 ? 7 : day.getUTCDay();
      if (!lane.weekdays.includes(isoWeekday)) continue;
      for (const hhmm of new Set(lane.departures)) {
        const [h, m] = hhmm.split(":").map(Number);
        const depart = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), h, m) - UTC8;
        const arrive = depart + lane.transitMinutes * MIN;
        if (depart >= startMs && arrive <= endMs) trips.push({ lane, from, to, depart, arrive });
      }
    }
  }
  return trips;
}

/// Earliest arrival per node with the engine's rules: round k = at most k legs, ties to the previous
/// round, then to the smaller lane code; cold classes use cold lanes and leave only from the origin or
/// from nodes with matching storage.
function relax(origin: RNode, readyMs: number, trips: Trip[], temp: RouteQuery["temp"]): Map<string, Label> {
  const best = new Map<string, Label>([[origin.id, { arrive: readyMs, round: 0, trip: null, parent: null }]]);
  const canLeave = (n: RNode) => n === origin || temp === "AMBIENT" || (temp === "CHILLED" ? n.coldChilled : n.coldFrozen);
  for (let round = 1; ; round++) {
    const before = new Map(best);
    let changed = false;
    for (const trip of trips) {
      if (temp !== "AMBIENT" && !trip.lane.cold) continue;
      const src = before.get(trip.from.id);
      if (!src || !canLeave(trip.from)) continue;
      const ready = trip.from === origin ? readyMs : src.arrive + trip.from.handlingMinutes * MIN;
      if (ready > trip.depart - trip.lane.cutoffMinutes * MIN) continue;
      const cur = best.get(trip.to.id);
      const better =
        !cur || trip.arrive < cur.arrive || (trip.arrive === cur.arrive && cur.round === round && laneBefore(trip.lane, cur.trip!.lane));
      if (!better) continue;
      best.set(trip.to.id, { arrive: trip.arrive, round, trip, parent: src });
      changed = true;
    }
    if (!changed) return best;
  }
}

function tripsOf(label: Label): Trip[] {
  const out: Trip[] = [];
  for (let l: Label | null = label; l?.trip; l = l.parent) out.unshift(l.trip);
  return out;
}

function brokenLeg(trips: Trip[], temp: RouteQuery["temp"]): BrokenLeg | undefined {
  for (const [i, t] of trips.entries()) {
    const at = { laneCode: t.lane.code, fromCode: t.from.code, toCode: t.to.code };
    if (!t.lane.cold) return { ...at, why: `lane ${t.lane.code} is not cold` };
    const stores = temp === "FROZEN" ? t.to.coldFrozen : t.to.coldChilled;
    if (i < trips.length - 1 && !stores)
      return { ...at, why: `node ${t.to.code} has no ${temp === "FROZEN" ? "frozen" : "chilled"} storage` };
  }
  return undefined;
}

export function routeReference(nodeList: RNode[], lanes: RLane[], q: RouteQuery): RouteResult {
  const nodes = new Map(nodeList.map((n) => [n.id, n]));
  const from = nodes.get(q.fromId);
  const to = nodes.get(q.toId);
  if (!from || !to) return { ok: false, reason: "UNKNOWN_NODE", message: "unknown node" };
  if (from.status !== "ACTIVE") return { ok: false, reason: "ORIGIN_UNAVAILABLE", message: "origin unavailable" };
  if (to.status !== "ACTIVE") return { ok: false, reason: "DESTINATION_UNAVAILABLE", message: "destination unavailable" };
  const readyMs = q.readyAt.getTime();
  if (from === to) return { ok: true, legs: [], arrival: new Date(readyMs), readyAt: new Date(readyMs) };
  const trips = tripsInHorizon(nodes, lanes, readyMs, readyMs + (q.horizonDays ?? DEFAULT_HORIZON_DAYS) * 86_400_000);
  const found = relax(from, readyMs, trips, q.temp).get(to.id);
  if (found) {
    const legs = tripsOf(found).map((t) => ({
      laneId: t.lane.id,
      laneCode: t.lane.code,
      fromId: t.from.id,
      toId: t.to.id,
      fromCode: t.from.code,
      toCode: t.to.code,
      depart: new Date(t.depart),
      arrive: new Date(t.arrive),
    }));
    return { ok: true, legs, arrival: new Date(found.arrive), readyAt: new Date(found.arrive + to.handlingMinutes * MIN) };
  }
  if (q.temp !== "AMBIENT") {
    const ambient = relax(from, readyMs, trips, "AMBIENT").get(to.id);
    if (ambient) {
      const broken = brokenLeg(tripsOf(ambient), q.temp);
      return { ok: false, reason: "COLD_CHAIN", message: "cold chain broken", ...(broken ? { brokenLeg: broken } : {}) };
    }
  }
  return { ok: false, reason: "NO_ROUTE", message: "no route" };
}
