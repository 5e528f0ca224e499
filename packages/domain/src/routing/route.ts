// Answers a route query: checks the ends, finds the departure slot, reads (or computes) the search tree
// for it, applies the horizon, and explains a broken cold chain. This path runs ~10^5 times a second, so
// it creates no closures (an allocation each, and a defineProperty for the name under tsx/esbuild).
import type { RoutingNetwork } from "./build-network.ts";
import { coldChainBreak } from "./cold-chain.ts";
import { cacheGet, cachePut } from "./route-cache.ts";
import { arrivalAt, LABEL_SIZE, searchFrom, TEMP_AMBIENT, TEMP_CHILLED, TEMP_FROZEN, UNREACHED, type SearchTree } from "./search.ts";
import { DEFAULT_HORIZON_DAYS, type Leg, type RouteQuery, type RouteResult } from "./types.ts";
import { dateFromMinutes, lowerBound, MINUTES_PER_WEEK, minutesCeil, splitWeek, WEEK_BASE_MS } from "./week-time.ts";

type Failure = Extract<RouteResult, { ok: false }>;

function failure(reason: Failure["reason"], message: string): Failure {
  return { ok: false, reason, message };
}

function noRoute(net: RoutingNetwork, from: number, to: number, q: RouteQuery, horizonDays: number): Failure {
  return failure(
    "NO_ROUTE",
    `no ${q.temp} route from ${net.nodeCodes[from]} to ${net.nodeCodes[to]} within ${horizonDays} days of ${q.readyAt.toISOString()}`,
  );
}

function treeFor(net: RoutingNetwork, from: number, slot: number, temp: number): SearchTree {
  const key = slot * 3 + temp;
  let tree = cacheGet(net.cache, key);
  if (!tree) {
    tree = searchFrom(net, from, net.deadlines[slot]!, temp);
    cachePut(net.cache, key, tree);
  }
  return tree;
}

/// Lanes of the route to `to` in `tree`, first leg first.
function treeLanes(tree: SearchTree, to: number): number[] {
  const lanes: number[] = [];
  for (let l = tree.label[to]!; l > 0; l = tree.labels[l * LABEL_SIZE + 2]!) lanes.push(tree.labels[l * LABEL_SIZE]!);
  return lanes.reverse();
}

/// Legs of the route to `to` in `tree`, shifted by `shift` minutes.
function treeLegs(net: RoutingNetwork, tree: SearchTree, to: number, shift: number): Leg[] {
  const legs: Leg[] = [];
  const lab = tree.labels;
  for (let l = tree.label[to]!; l > 0; l = lab[l * LABEL_SIZE + 2]!) {
    const lane = lab[l * LABEL_SIZE]!;
    const dep = lab[l * LABEL_SIZE + 1]! + shift;
    const a = net.laneFrom[lane]!;
    const b = net.laneTo[lane]!;
    legs.push({
      laneId: net.laneIds[lane]!,
      laneCode: net.laneCodes[lane]!,
      fromId: net.nodeIds[a]!,
      toId: net.nodeIds[b]!,
      fromCode: net.nodeCodes[a]!,
      toCode: net.nodeCodes[b]!,
      depart: dateFromMinutes(dep),
      arrive: dateFromMinutes(dep + net.laneTransit[lane]!),
    });
  }
  return legs.reverse();
}

/// Earliest arrival from q.fromId to q.toId, then fewest legs, then smaller lane codes (see README.md).
export function route(net: RoutingNetwork, q: RouteQuery): RouteResult {
  const readyMs = q.readyAt.getTime();
  if (Number.isNaN(readyMs)) throw new RangeError("readyAt is not a valid date");
  const horizonDays = q.horizonDays ?? DEFAULT_HORIZON_DAYS;
  if (!(horizonDays >= 0)) throw new RangeError(`horizonDays must be ≥ 0, got ${horizonDays}`);
  const from = net.nodeIndex.get(q.fromId);
  const to = net.nodeIndex.get(q.toId);
  if (from === undefined) return failure("UNKNOWN_NODE", `origin ${q.fromId} is not a node of this network`);
  if (to === undefined) return failure("UNKNOWN_NODE", `destination ${q.toId} is not a node of this network`);
  if (!net.active[from]) return failure("ORIGIN_UNAVAILABLE", `origin ${net.nodeCodes[from]} is ${net.nodeStatus[from]}`);
  if (!net.active[to]) return failure("DESTINATION_UNAVAILABLE", `destination ${net.nodeCodes[to]} is ${net.nodeStatus[to]}`);
  if (from === to) return { ok: true, legs: [], arrival: new Date(readyMs), readyAt: new Date(readyMs) };

  // The slot: the first deadline (latest ready time for some departure out of the origin) at or after readyAt.
  const ds = net.deadlineStart[from]!;
  const de = net.deadlineStart[from + 1]!;
  if (ds === de) return noRoute(net, from, to, q, horizonDays);
  const ready = splitWeek(minutesCeil(q.readyAt));
  let week = ready.week;
  const minuteOfWeek = ready.minuteOfWeek;
  let lo = lowerBound(net.deadlines, ds, de, minuteOfWeek);
  if (lo === de) {
    lo = ds;
    week++;
  }
  const shift = week * MINUTES_PER_WEEK;
  const limit = (readyMs + horizonDays * 86_400_000 - WEEK_BASE_MS) / 60_000 - shift;

  const temp = q.temp === "AMBIENT" ? TEMP_AMBIENT : q.temp === "CHILLED" ? TEMP_CHILLED : TEMP_FROZEN;
  const found = treeFor(net, from, lo, temp);
  const arrival = arrivalAt(net, found, to);
  if (arrival !== UNREACHED && arrival <= limit) {
    return {
      ok: true,
      legs: treeLegs(net, found, to, shift),
      arrival: dateFromMinutes(arrival + shift),
      readyAt: dateFromMinutes(arrival + shift + net.handling[to]!),
    };
  }
  if (temp === TEMP_AMBIENT) return noRoute(net, from, to, q, horizonDays);
  const ambient = treeFor(net, from, lo, TEMP_AMBIENT);
  const ambientArrival = arrivalAt(net, ambient, to);
  if (ambientArrival === UNREACHED || ambientArrival > limit) return noRoute(net, from, to, q, horizonDays);
  const broken = coldChainBreak(net, treeLanes(ambient, to), q.temp);
  const message = `no cold-chain route for a ${q.temp} parcel from ${net.nodeCodes[from]} to ${net.nodeCodes[to]} within ${horizonDays} days`;
  if (!broken) return failure("COLD_CHAIN", message); // unreachable: a cold-clean ambient route would have been found
  return {
    ok: false,
    reason: "COLD_CHAIN",
    message: `${message}: the earliest route breaks it at lane ${broken.laneCode} (${broken.fromCode} → ${broken.toCode}), ${broken.why}`,
    brokenLeg: broken,
  };
}
