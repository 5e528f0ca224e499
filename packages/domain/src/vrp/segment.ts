// Segment records: everything needed to judge a route built by gluing pieces of others, in O(1) per glue.
//
// Loads with simultaneous pickup and delivery: a segment has total delivery D, total pickup P and
// M = the highest load it sees relative to its own goods (deliveries still aboard + pickups made).
// Glued, A ⊕ B has D = Da + Db, P = Pa + Pb, M = max(Ma + Db, Mb + Pa): before and inside A, B's
// deliveries are still aboard; inside B, A's pickups already are. A route fits iff M ≤ capacity.
//
// Time (Vidal et al. 2013, waiting allowed, no lateness): duration, earliest and latest start of the
// first service, and time warp (lateness that would be needed; > 0 means infeasible).
import type { Model } from "./model.ts";

const EPS = 1e-9;

/// out[o] = a[ao] ⊕ b[bo], where aLast is the last node of a and bFirst the first of b.
/// `out` may be `a` or `b` at the same offset.
export function concat(
  m: Model,
  out: Float64Array,
  o: number,
  a: Float64Array,
  ao: number,
  aLast: number,
  b: Float64Array,
  bo: number,
  bFirst: number,
): void {
  const L = 3 * m.dims;
  for (let k = 0; k < L; k += 3) {
    const da = a[ao + k]!;
    const pa = a[ao + k + 1]!;
    const ma = a[ao + k + 2]!;
    const db = b[bo + k]!;
    const pb = b[bo + k + 1]!;
    const mb = b[bo + k + 2]!;
    out[o + k] = da + db;
    out[o + k + 1] = pa + pb;
    out[o + k + 2] = ma + db > mb + pa ? ma + db : mb + pa;
  }
  if (!m.hasTime) return;
  const t = m.TO;
  const d1 = a[ao + t]!;
  const e1 = a[ao + t + 1]!;
  const l1 = a[ao + t + 2]!;
  const w1 = a[ao + t + 3]!;
  const d2 = b[bo + t]!;
  const e2 = b[bo + t + 1]!;
  const l2 = b[bo + t + 2]!;
  const w2 = b[bo + t + 3]!;
  const travel = m.time[aLast * m.n + bFirst]!;
  const delta = d1 - w1 + travel;
  const wait = Math.max(e2 - delta - l1, 0);
  const warp = Math.max(e1 + delta - l2, 0);
  out[o + t] = d1 + d2 + travel + wait;
  out[o + t + 1] = Math.max(e2 - delta, e1) - wait;
  out[o + t + 2] = Math.min(l2 - delta, l1) + warp;
  out[o + t + 3] = w1 + w2 + warp;
}

/// Whether a whole route's record (depot to depot) fits vehicle type `type`.
export function fits(m: Model, r: Float64Array, o: number, type: number): boolean {
  const cap = m.types[type]!.cap;
  for (let k = 0; k < m.dims; k++) if (r[o + 3 * k + 2]! > cap[k]! * (1 + EPS) + EPS) return false;
  if (!m.hasTime) return true;
  return r[o + m.TO + 3]! <= EPS && r[o + m.TO]! <= m.types[type]!.maxDur * (1 + EPS) + EPS;
}

/// Copies node i's single-node record into out[o].
export function nodeRecord(m: Model, out: Float64Array, o: number, i: number): void {
  out.set(m.node.subarray(i * m.S, i * m.S + m.S), o);
}

/// Record of depot → seq[from..to) → depot into out[0..S).
export function sequenceRecord(m: Model, seq: Int32Array | readonly number[], from: number, to: number, out: Float64Array): void {
  nodeRecord(m, out, 0, 0);
  let last = 0;
  for (let i = from; i < to; i++) {
    const v = seq[i]!;
    concat(m, out, 0, out, 0, last, m.node, v * m.S, v);
    last = v;
  }
  concat(m, out, 0, out, 0, last, m.node, 0, 0);
}
