// Ruin: slack induction by string removals (SISR, Christiaens & Vanden Berghe 2020). Removes strings
// of consecutive customers from several routes near a random seed customer.
import type { Model } from "./model.ts";
import type { Neighbors } from "./neighbors.ts";
import type { Rng } from "./random.ts";
import type { Work } from "./solution.ts";

export interface RuinParams {
  /// Average number of customers removed.
  avgRemoved: number;
  /// Longest string removed from one route.
  maxString: number;
  /// Probability that a route loses a split string (a string with a kept middle part) rather than a string.
  splitRate: number;
  /// Each further kept customer of a split string is added with probability 1 − splitDepth.
  splitDepth: number;
}

export function createRuin(m: Model, adj: Neighbors, p: RuinParams) {
  const mark = new Int32Array(m.slotType.length);
  let stamp = 0;

  /// Removes ext[from..to) of route `slot` (appending them to `out`) and keeps the rest in order.
  function cut(w: Work, slot: number, from: number, to: number, keepFrom: number, keepTo: number, out: Int32Array, count: number): number {
    const r = w.routes[slot]!;
    const ext = r.ext;
    let write = from;
    for (let q = from; q < to; q++) {
      const v = ext[q]!;
      if (q >= keepFrom && q < keepTo) ext[write++] = v;
      else {
        out[count++] = v;
        w.routeOf[v] = -1;
      }
    }
    const removed = to - write;
    ext.copyWithin(write, to, r.len + 2);
    r.len -= removed;
    w.assigned -= removed;
    w.refresh(slot);
    return count;
  }

  /// Fills `out` with the removed customers; returns how many.
  return function ruin(w: Work, rng: Rng, out: Int32Array): number {
    if (w.assigned === 0) return 0;
    stamp++;
    let routes = 0;
    for (const r of w.routes) if (r.len > 0) routes++;
    const lsMax = Math.min(p.maxString, w.assigned / routes);
    const ksMax = (4 * p.avgRemoved) / (1 + lsMax) - 1;
    const ks = Math.floor(rng.next() * ksMax) + 1;
    let seed = 1 + rng.int(m.n - 1);
    while (w.routeOf[seed]! < 0) seed = 1 + rng.int(m.n - 1);
    let count = 0;
    let ruined = 0;
    const row = seed * adj.width;
    for (let k = 0; k < adj.width && ruined < ks; k++) {
      const c = adj.list[row + k]!;
      const slot = w.routeOf[c]!;
      if (slot < 0 || mark[slot] === stamp) continue;
      mark[slot] = stamp;
      ruined++;
      const L = w.routes[slot]!.len;
      const q = w.posOf[c]!;
      const lt = Math.floor(rng.next() * Math.min(L, lsMax)) + 1;
      if (lt < L && rng.next() < p.splitRate) {
        let keep = 1;
        while (lt + keep < L && rng.next() > p.splitDepth) keep++;
        const total = lt + keep;
        const lo = Math.max(1, q - total + 1);
        const hi = Math.min(q, L - total + 1);
        const start = lo + rng.int(hi - lo + 1);
        const keepStart = start + rng.int(lt + 1);
        count = cut(w, slot, start, start + total, keepStart, keepStart + keep, out, count);
      } else {
        const lo = Math.max(1, q - lt + 1);
        const hi = Math.min(q, L - lt + 1);
        const start = lo + rng.int(hi - lo + 1);
        count = cut(w, slot, start, start + lt, 0, 0, out, count);
      }
    }
    return count;
  };
}
