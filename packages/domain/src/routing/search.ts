// One-to-all earliest-arrival search over the weekly timetable, in rounds (time-dependent Bellman-Ford,
// as in RAPTOR): round k finds the earliest arrival at every node using at most k legs, scanning only
// lanes out of nodes that improved in round k-1. Rounds make "earliest arrival, then fewest legs" exact,
// which plain time-dependent Dijkstra cannot: an earlier label with more legs may tie later on.
// Ties within a round go to the lane with the smaller code (lane numbers are in code order).
import { STORAGE_CHILLED, STORAGE_FROZEN, type RoutingNetwork } from "./build-network.ts";
import { MINUTES_PER_WEEK } from "./week-time.ts";

export const UNREACHED = 0x7fffffff;
export const TEMP_AMBIENT = 0;
export const TEMP_CHILLED = 1;
export const TEMP_FROZEN = 2;

// Module-local copies: imported bindings are checked on every read in the hot loop; locals are folded.
const WEEK = MINUTES_PER_WEEK;
const NONE = UNREACHED;
const CHILLED_BIT = STORAGE_CHILLED;
const FROZEN_BIT = STORAGE_FROZEN;

/// Labels, 4 ints each: lane ridden, its departure, parent label, round. Label 0 is the origin.
export const LABEL_SIZE = 4;

/// What a query needs from a search, kept small for the cache: a node's arrival is its label's departure
/// plus the lane's transit (see arrivalAt).
export interface SearchTree {
  /// Per node: its final label, -1 if unreached.
  label: Int32Array;
  labels: Int32Array;
}

/// Arrival at node v in minutes since the week base (the start time for the origin), UNREACHED if none.
export function arrivalAt(net: RoutingNetwork, tree: SearchTree, v: number): number {
  const l = tree.label[v]!;
  if (l < 0) return NONE;
  const lane = tree.labels[l * LABEL_SIZE]!;
  return lane < 0 ? tree.labels[l * LABEL_SIZE + 1]! : tree.labels[l * LABEL_SIZE + 1]! + net.laneTransit[lane]!;
}

interface Scratch {
  arrival: Int32Array;
  label: Int32Array;
  marked: Int32Array;
  frontier: Int32Array;
  next: Int32Array;
  srcReady: Int32Array;
  srcLabel: Int32Array;
  labels: Int32Array;
}

const scratches = new WeakMap<RoutingNetwork, Scratch>();

function scratchFor(net: RoutingNetwork): Scratch {
  let s = scratches.get(net);
  if (!s) {
    const n = net.nodeCount;
    const ints = () => new Int32Array(n);
    s = {
      arrival: ints(),
      label: ints(),
      marked: ints(),
      frontier: ints(),
      next: ints(),
      srcReady: ints(),
      srcLabel: ints(),
      labels: new Int32Array(LABEL_SIZE * (8 * n + 16)),
    };
    scratches.set(net, s);
  }
  return s;
}

/// Search from `origin`, ready at minute `start` (≥ 0: callers pass a minute of week 0). Cold classes ride
/// only cold lanes and leave only from the origin or from nodes with matching storage; any reached node may
/// still be the destination (hand-over at pickup).
export function searchFrom(net: RoutingNetwork, origin: number, start: number, temp: number): SearchTree {
  const s = scratchFor(net);
  const { arrival, label, marked, srcReady, srcLabel } = s;
  const { outStart, outLanes, laneTo, laneCutoff, laneTransit, laneCold, depStart, deps, handling, storage } = net;
  const cold = temp !== 0;
  const need = temp === 1 ? CHILLED_BIT : FROZEN_BIT;
  let lab = s.labels;
  arrival.fill(NONE);
  label.fill(-1);
  marked.fill(0);
  lab[0] = -1;
  lab[1] = start;
  lab[2] = -1;
  lab[3] = 0;
  let labels = 1;
  arrival[origin] = start;
  label[origin] = 0;
  let frontier = s.frontier;
  let next = s.next;
  frontier[0] = origin;
  let size = 1;

  for (let round = 1; size > 0; round++) {
    // Sources are read as they were at the end of the previous round, so a round adds exactly one leg.
    let kept = 0;
    for (let i = 0; i < size; i++) {
      const v = frontier[i]!;
      if (cold && v !== origin && (storage[v]! & need) === 0) continue;
      frontier[kept] = v;
      srcReady[kept] = v === origin ? start : arrival[v]! + handling[v]!;
      srcLabel[kept++] = label[v]!;
    }
    let nextSize = 0;
    for (let i = 0; i < kept; i++) {
      const v = frontier[i]!;
      const ready = srcReady[i]!;
      for (let e = outStart[v]!, end = outStart[v + 1]!; e < end; e++) {
        const lane = outLanes[e]!;
        if (cold && laneCold[lane] === 0) continue;
        const x = ready + laneCutoff[lane]!;
        const w = laneTo[lane]!;
        // Even a departure right at x arrives too late: skip the departure lookup.
        if (x + laneTransit[lane]! > arrival[w]!) continue;
        const week = (x / WEEK) | 0;
        const m = x - week * WEEK;
        const first = depStart[lane]!;
        const last = depStart[lane + 1]!;
        let lo = first;
        let hi = last;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (deps[mid]! < m) lo = mid + 1;
          else hi = mid;
        }
        const dep = lo < last ? week * WEEK + deps[lo]! : (week + 1) * WEEK + deps[first]!;
        const a = dep + laneTransit[lane]!;
        const cur = label[w]!;
        const curThisRound = cur >= 0 && lab[cur * LABEL_SIZE + 3] === round;
        let slot: number;
        if (a < arrival[w]!) slot = curThisRound ? cur : labels++;
        else if (a === arrival[w] && curThisRound && lane < lab[cur * LABEL_SIZE]!) slot = cur;
        else continue;
        if ((slot + 1) * LABEL_SIZE > lab.length) {
          const bigger = new Int32Array(lab.length * 2);
          bigger.set(lab);
          lab = s.labels = bigger;
        }
        const o = slot * LABEL_SIZE;
        lab[o] = lane;
        lab[o + 1] = dep;
        lab[o + 2] = srcLabel[i]!;
        lab[o + 3] = round;
        arrival[w] = a;
        label[w] = slot;
        if (marked[w] !== round) {
          marked[w] = round;
          next[nextSize++] = w;
        }
      }
    }
    const t = frontier;
    frontier = next;
    next = t;
    size = nextSize;
  }
  return { label: label.slice(), labels: lab.slice(0, labels * LABEL_SIZE) };
}
