// Clarke–Wright savings (parallel version): the start solution, and the benchmark's baseline.
import type { Model } from "./model.ts";
import type { Neighbors } from "./neighbors.ts";
import { fits, sequenceRecord } from "./segment.ts";
import type { Work } from "./solution.ts";

/// Whether some vehicle type could drive depot → seq → depot (ignoring how many such vehicles exist).
export function anyTypeFits(m: Model, seq: readonly number[] | Int32Array, len: number, rec: Float64Array): boolean {
  sequenceRecord(m, seq, 0, len, rec);
  for (let t = 0; t < m.types.length; t++) if (fits(m, rec, 0, t)) return true;
  return false;
}

/// Routes built by merging, in order of decreasing saving d(i,0) + d(0,j) − d(i,j), the route ending
/// in i with the route starting with j while the result fits some vehicle type. With a symmetric
/// matrix a route may be reversed to bring i or j to the right end. Pairs are all customer pairs, or
/// for large instances only j among i's nearest (`nb`).
export function savingsRoutes(m: Model, nb?: Neighbors): number[][] {
  const { n, dist } = m;
  const rec = new Float64Array(m.S);
  const routes: (number[] | null)[] = [];
  const routeOf = new Int32Array(n).fill(-1);
  for (let i = 1; i < n; i++) {
    if (!anyTypeFits(m, [i], 1, rec)) continue;
    routeOf[i] = routes.length;
    routes.push([i]);
  }
  const pairs: number[] = [];
  const key: number[] = [];
  const all = !nb || nb.width >= n - 1;
  for (let i = 1; i < n; i++) {
    if (routeOf[i]! < 0) continue;
    const count = all ? n - 1 : nb.width;
    for (let k = 0; k < count; k++) {
      const j = all ? k + 1 : nb.list[i * nb.width + k]!;
      if (j === i || routeOf[j]! < 0 || (m.symmetric && all && j < i)) continue;
      const s = dist[i * n]! + dist[j]! - dist[i * n + j]!;
      if (s <= 0) continue;
      pairs.push(i * n + j);
      key.push(s);
    }
  }
  const order = Int32Array.from(pairs.keys()).sort((a, b) => key[b]! - key[a]! || pairs[a]! - pairs[b]!);
  const seq: number[] = [];
  for (const p of order) {
    const i = Math.floor(pairs[p]! / n);
    const j = pairs[p]! % n;
    const ri = routeOf[i]!;
    const rj = routeOf[j]!;
    if (ri === rj) continue;
    const a = routes[ri]!;
    const b = routes[rj]!;
    const aFwd = a[a.length - 1] === i;
    const bFwd = b[0] === j;
    if ((!aFwd && (!m.symmetric || a[0] !== i)) || (!bFwd && (!m.symmetric || b[b.length - 1] !== j))) continue;
    seq.length = 0;
    if (aFwd) seq.push(...a);
    else for (let q = a.length - 1; q >= 0; q--) seq.push(a[q]!);
    if (bFwd) seq.push(...b);
    else for (let q = b.length - 1; q >= 0; q--) seq.push(b[q]!);
    if (!anyTypeFits(m, seq, seq.length, rec)) continue;
    routes[ri] = seq.slice();
    routes[rj] = null;
    for (const v of b) routeOf[v] = ri;
  }
  return routes.filter((r): r is number[] => r !== null);
}

/// Puts routes into vehicle slots, biggest loads first, each on the cheapest (then smallest) type that
/// takes it and still has a free vehicle. Returns the customers left without a vehicle.
export function placeRoutes(w: Work, routes: number[][]): number[] {
  const m = w.m;
  const rec = new Float64Array(m.S);
  const sizeOf = (r: number[]) => r.reduce((s, v) => s + m.size[v]!, 0);
  const capSize = m.types.map((t) => t.cap.reduce((s, c) => s + c, 0));
  const typeOrder = m.types.map((_, t) => t).sort((a, b) => m.types[a]!.fixed - m.types[b]!.fixed || capSize[a]! - capSize[b]! || a - b);
  const used = new Uint8Array(m.slotType.length);
  const left: number[] = [];
  for (const r of [...routes].sort((a, b) => sizeOf(b) - sizeOf(a))) {
    sequenceRecord(m, r, 0, r.length, rec);
    let slot = -1;
    for (const t of typeOrder) {
      if (!fits(m, rec, 0, t)) continue;
      slot = m.slotType.findIndex((st, s) => st === t && !used[s]);
      if (slot >= 0) break;
    }
    if (slot < 0) {
      left.push(...r);
      continue;
    }
    used[slot] = 1;
    w.setRoute(slot, r, 0, r.length);
  }
  return left;
}
