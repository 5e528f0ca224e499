// Recreate: greedy insertion with blinks (SISR, Christiaens & Vanden Berghe 2020), cheapest position first.
import type { Model } from "./model.ts";
import type { Neighbors } from "./neighbors.ts";
import type { Rng } from "./random.ts";
import { concat, fits } from "./segment.ts";
import type { Work } from "./solution.ts";

export interface Inserter {
  /// Probability of skipping an otherwise best position: makes the greedy insertion vary.
  blink: number;
  insertAll(w: Work, rng: Rng, list: Int32Array, count: number, absent: Int32Array): number;
}

/// `nearRoutes`: how many of a customer's nearest customers name the routes tried first (0 = all routes).
export function createInserter(m: Model, blink: number, adj: Neighbors, nearRoutes: number): Inserter {
  const { n, dist, S, dims, node, slotType } = m;
  nearRoutes = Math.min(nearRoutes, adj.width - 1);
  // distT[c * n + a] = d(a, c): both distances of an insertion of c are then read along row c.
  let distT = dist;
  if (!m.symmetric) {
    distT = new Float64Array(n * n);
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) distT[b * n + a] = dist[a * n + b]!;
  }
  const tmp = new Float64Array(S);
  const tmp2 = new Float64Array(S);
  const typeStart = new Int32Array(m.types.length).fill(-1);
  const typeEnd = new Int32Array(m.types.length);
  slotType.forEach((t, s) => {
    if (typeStart[t]! < 0) typeStart[t] = s;
    typeEnd[t] = s + 1;
  });
  // Whether a customer alone fits a type: a new route is only offered where it would be feasible.
  const alone = new Uint8Array(n * m.types.length);
  for (let c = 1; c < n; c++) {
    concat(m, tmp, 0, node, 0, 0, node, c * S, c);
    concat(m, tmp, 0, tmp, 0, c, node, 0, 0);
    for (let t = 0; t < m.types.length; t++) alone[c * m.types.length + t] = fits(m, tmp, 0, t) ? 1 : 0;
  }

  function freeSlot(w: Work, t: number): number {
    for (let s = typeStart[t]!; s >= 0 && s < typeEnd[t]!; s++) if (w.routes[s]!.len === 0) return s;
    return -1;
  }

  // The best position found so far for the customer being inserted.
  let best = Infinity;
  let bestSlot = -1;
  let bestPos = 0;
  const mark = new Int32Array(slotType.length);
  let stamp = 0;

  /// Offers every position of route s to customer c.
  function scanRoute(w: Work, rng: Rng, s: number, c: number, blink: number): void {
    const r = w.routes[s]!;
    const L = r.len;
    if (L === 0) return;
    const full = (L + 1) * S;
    const co = c * S;
    const cap = m.types[r.type]!.cap;
    // Necessary conditions first: all deliveries and all pickups must fit on their own.
    for (let k = 0; k < dims; k++) {
      if (r.pre[full + 3 * k]! + node[co + 3 * k]! > cap[k]! || r.pre[full + 3 * k + 1]! + node[co + 3 * k + 1]! > cap[k]!) return;
    }
    const cn = c * n;
    const ext = r.ext;
    const cf = r.cumF;
    let a = 0;
    for (let q = 0; q <= L; q++) {
      const b = ext[q + 1]!;
      const delta = distT[cn + a]! + dist[cn + b]! - (cf[q + 1]! - cf[q]!);
      if (delta < best && (blink === 0 || rng.next() >= blink)) {
        if (m.simple || feasibleAt(r.pre, r.suf, q, a, c, b, r.type)) {
          best = delta;
          bestSlot = s;
          bestPos = q;
        }
      }
      a = b;
    }
  }

  /// Inserts c at its best position; false when no vehicle can take it. With nearRoutes > 0 only the
  /// routes of c's nearest customers are scanned, the others only if none of those can take c.
  function insertOne(w: Work, rng: Rng, c: number, blink: number): boolean {
    best = Infinity;
    bestSlot = -1;
    bestPos = 0;
    const slots = w.routes.length;
    if (nearRoutes > 0) {
      stamp++;
      const row = c * adj.width;
      for (let k = 1; k <= nearRoutes; k++) {
        const s = w.routeOf[adj.list[row + k]!]!;
        if (s >= 0 && mark[s] !== stamp) {
          mark[s] = stamp;
          scanRoute(w, rng, s, c, blink);
        }
      }
      if (bestSlot < 0) for (let s = 0; s < slots; s++) if (mark[s] !== stamp) scanRoute(w, rng, s, c, blink);
    } else {
      for (let s = 0; s < slots; s++) scanRoute(w, rng, s, c, blink);
    }
    if (bestSlot < 0) {
      const cn = c * n;
      for (let t = 0; t < m.types.length; t++) {
        if (!alone[c * m.types.length + t]) continue;
        const cost = dist[c]! + dist[cn]! + m.types[t]!.fixed;
        if (cost >= best) continue;
        const s = freeSlot(w, t);
        if (s < 0) continue;
        best = cost;
        bestSlot = s;
        bestPos = 0;
      }
    }
    if (bestSlot < 0) return false;
    const r = w.routes[bestSlot]!;
    r.reserve(r.len + 1);
    r.ext.copyWithin(bestPos + 2, bestPos + 1, r.len + 2);
    r.ext[bestPos + 1] = c;
    r.len++;
    w.assigned++;
    w.refresh(bestSlot);
    return true;
  }

  function feasibleAt(pre: Float64Array, suf: Float64Array, q: number, a: number, c: number, b: number, type: number): boolean {
    concat(m, tmp, 0, pre, q * S, a, node, c * S, c);
    concat(m, tmp2, 0, tmp, 0, c, suf, (q + 1) * S, b);
    return fits(m, tmp2, 0, type);
  }

  return {
    blink,
    insertAll(w, rng, list, count, absent) {
      let left = 0;
      for (let i = 0; i < count; i++) {
        const c = list[i]!;
        if (!insertOne(w, rng, c, this.blink)) absent[left++] = c;
      }
      return left;
    },
  };
}
