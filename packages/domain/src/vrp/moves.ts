// Local-search moves between a customer u and a nearby customer v: evaluate the distance change in O(1),
// and only for improving moves check feasibility (O(1) across routes via prefix/suffix records, O(route)
// within one route) and apply.
import type { Model } from "./model.ts";
import { concat, fits, sequenceRecord } from "./segment.ts";
import type { RouteState, Work } from "./solution.ts";

const EPS = 1e-7;

export interface Moves {
  /// Moves ext[i..i+len) of route su to between ext[q] and ext[q+1] of route sv, reversed if `rev`.
  moveSegment(su: number, i: number, len: number, sv: number, q: number, rev: boolean): boolean;
  /// Exchanges ext[i..i+lu) of su with ext[j..j+lv) of sv (different routes, or single nodes apart).
  swapSegments(su: number, i: number, lu: number, sv: number, j: number, lv: number): boolean;
  /// Between routes: su keeps ext[..i] and gets sv's tail after j, sv keeps ext[..j] and gets su's tail.
  twoOptStar(su: number, i: number, sv: number, j: number): boolean;
  /// Between routes: su keeps ext[..i] then sv's head ext[1..j] reversed; sv starts with su's tail reversed.
  twoOptStarReversed(su: number, i: number, sv: number, j: number): boolean;
  /// Within a route: reverses ext[i+1..j].
  twoOpt(s: number, i: number, j: number): boolean;
}

/// Scratch records and sequences shared by the moves of one search (allocated once), and the feasibility checks on them.
function createKit(m: Model) {
  const { n, dist, S, node } = m;
  const d = (a: number, b: number) => dist[a * n + b]!;
  const seg = new Float64Array(S);
  const t1 = new Float64Array(S);
  const t2 = new Float64Array(S);
  const seqA = new Int32Array(n + 2);
  const seqB = new Int32Array(n + 2);
  const fixed = (r: RouteState) => m.types[r.type]!.fixed;

  /// Record of r.ext[from..from+len) into `seg`, reversed if asked.
  function segmentRecord(r: RouteState, from: number, len: number, rev: boolean): void {
    const first = rev ? r.ext[from + len - 1]! : r.ext[from]!;
    seg.set(node.subarray(first * S, first * S + S));
    let last = first;
    for (let k = 1; k < len; k++) {
      const v = rev ? r.ext[from + len - 1 - k]! : r.ext[from + k]!;
      concat(m, seg, 0, seg, 0, last, node, v * S, v);
      last = v;
    }
  }

  /// Whether pre(a)[qa] ⊕ seg ⊕ suf(b)[qb] fits `type`; segFirst/segLast are seg's end nodes.
  function fitsAround(a: RouteState, qa: number, segFirst: number, segLast: number, b: RouteState, qb: number, type: number): boolean {
    concat(m, t1, 0, a.pre, qa * S, a.ext[qa]!, seg, 0, segFirst);
    concat(m, t2, 0, t1, 0, segLast, b.suf, qb * S, b.ext[qb]!);
    return fits(m, t2, 0, type);
  }

  /// Whether pre(a)[qa] ⊕ suf(b)[qb] fits `type`.
  function fitsJoin(a: RouteState, qa: number, b: RouteState, qb: number, type: number): boolean {
    concat(m, t1, 0, a.pre, qa * S, a.ext[qa]!, b.suf, qb * S, b.ext[qb]!);
    return fits(m, t1, 0, type);
  }

  function seqFits(seq: Int32Array, len: number, type: number): boolean {
    sequenceRecord(m, seq, 0, len, t1);
    return fits(m, t1, 0, type);
  }

  /// Copies ext[from..to) (or reversed) of r into seq at `at`; returns the new end.
  function put(seq: Int32Array, at: number, r: RouteState, from: number, to: number, rev = false): number {
    if (rev) for (let q = to - 1; q >= from; q--) seq[at++] = r.ext[q]!;
    else for (let q = from; q < to; q++) seq[at++] = r.ext[q]!;
    return at;
  }

  return { d, seqA, seqB, fixed, segmentRecord, fitsAround, fitsJoin, seqFits, put };
}

type Kit = ReturnType<typeof createKit>;

/// Moving a segment to another place, and exchanging two segments.
function segmentMoves(w: Work, k: Kit): Pick<Moves, "moveSegment" | "swapSegments"> {
  const { d, seqA, seqB, fixed, segmentRecord, fitsAround, fitsJoin, seqFits, put } = k;

  function moveSegment(su: number, i: number, len: number, sv: number, q: number, rev: boolean): boolean {
    const ru = w.routes[su]!;
    const rv = w.routes[sv]!;
    const p = ru.ext[i - 1]!;
    const nx = ru.ext[i + len]!;
    const first = ru.ext[i]!;
    const last = ru.ext[i + len - 1]!;
    const f = rev ? last : first;
    const l = rev ? first : last;
    const a = rv.ext[q]!;
    const b = rv.ext[q + 1]!;
    const inF = ru.cumF[i + len - 1]! - ru.cumF[i]!;
    const inB = ru.cumB[i + len - 1]! - ru.cumB[i]!;
    let delta = d(p, nx) - d(p, first) - d(last, nx) - inF + d(a, f) + (rev ? inB : inF) + d(l, b) - d(a, b);
    if (su !== sv && ru.len === len) delta -= fixed(ru);
    if (delta > -EPS) return false;
    if (su === sv) {
      if (q >= i - 1 && q < i + len) return false;
      let k = 0;
      if (q >= i + len) {
        k = put(seqA, k, ru, 1, i);
        k = put(seqA, k, ru, i + len, q + 1);
        k = put(seqA, k, ru, i, i + len, rev);
        k = put(seqA, k, ru, q + 1, ru.len + 1);
      } else {
        k = put(seqA, k, ru, 1, q + 1);
        k = put(seqA, k, ru, i, i + len, rev);
        k = put(seqA, k, ru, q + 1, i);
        k = put(seqA, k, ru, i + len, ru.len + 1);
      }
      if (!seqFits(seqA, k, ru.type)) return false;
      w.setRoute(su, seqA, 0, k);
      return true;
    }
    if (ru.len > len && !fitsJoin(ru, i - 1, ru, i + len, ru.type)) return false;
    segmentRecord(ru, i, len, rev);
    if (!fitsAround(rv, q, f, l, rv, q + 1, rv.type)) return false;
    let kb = put(seqB, 0, rv, 1, q + 1);
    kb = put(seqB, kb, ru, i, i + len, rev);
    kb = put(seqB, kb, rv, q + 1, rv.len + 1);
    let ka = put(seqA, 0, ru, 1, i);
    ka = put(seqA, ka, ru, i + len, ru.len + 1);
    w.setRoute(su, seqA, 0, ka);
    w.setRoute(sv, seqB, 0, kb);
    return true;
  }

  function swapSegments(su: number, i: number, lu: number, sv: number, j: number, lv: number): boolean {
    const ru = w.routes[su]!;
    const rv = w.routes[sv]!;
    const pu = ru.ext[i - 1]!;
    const nu = ru.ext[i + lu]!;
    const pv = rv.ext[j - 1]!;
    const nv = rv.ext[j + lv]!;
    const u0 = ru.ext[i]!;
    const u1 = ru.ext[i + lu - 1]!;
    const v0 = rv.ext[j]!;
    const v1 = rv.ext[j + lv - 1]!;
    if (su === sv && (lu !== 1 || lv !== 1 || Math.abs(i - j) < 2)) return false;
    const delta = d(pu, v0) + d(v1, nu) - d(pu, u0) - d(u1, nu) + d(pv, u0) + d(u1, nv) - d(pv, v0) - d(v1, nv);
    if (delta > -EPS) return false;
    if (su === sv) {
      seqA.set(ru.ext.subarray(1, ru.len + 1));
      seqA[i - 1] = v0;
      seqA[j - 1] = u0;
      if (!seqFits(seqA, ru.len, ru.type)) return false;
      w.setRoute(su, seqA, 0, ru.len);
      return true;
    }
    segmentRecord(rv, j, lv, false);
    if (!fitsAround(ru, i - 1, v0, v1, ru, i + lu, ru.type)) return false;
    segmentRecord(ru, i, lu, false);
    if (!fitsAround(rv, j - 1, u0, u1, rv, j + lv, rv.type)) return false;
    let ka = put(seqA, 0, ru, 1, i);
    ka = put(seqA, ka, rv, j, j + lv);
    ka = put(seqA, ka, ru, i + lu, ru.len + 1);
    let kb = put(seqB, 0, rv, 1, j);
    kb = put(seqB, kb, ru, i, i + lu);
    kb = put(seqB, kb, rv, j + lv, rv.len + 1);
    w.setRoute(su, seqA, 0, ka);
    w.setRoute(sv, seqB, 0, kb);
    return true;
  }

  return { moveSegment, swapSegments };
}

/// 2-opt within a route and 2-opt* between two routes (tails exchanged, straight or reversed).
function twoOptMoves(m: Model, w: Work, k: Kit): Pick<Moves, "twoOptStar" | "twoOptStarReversed" | "twoOpt"> {
  const { d, seqA, seqB, fixed, fitsJoin, seqFits, put } = k;

  function twoOptStar(su: number, i: number, sv: number, j: number): boolean {
    const ru = w.routes[su]!;
    const rv = w.routes[sv]!;
    const u = ru.ext[i]!;
    const x = ru.ext[i + 1]!;
    const v = rv.ext[j]!;
    const y = rv.ext[j + 1]!;
    let delta = d(u, y) + d(v, x) - d(u, x) - d(v, y);
    if (i === 0 && j === rv.len) delta -= fixed(ru);
    if (j === 0 && i === ru.len) delta -= fixed(rv);
    if (delta > -EPS) return false;
    if (!fitsJoin(ru, i, rv, j + 1, ru.type) || !fitsJoin(rv, j, ru, i + 1, rv.type)) return false;
    let ka = put(seqA, 0, ru, 1, i + 1);
    ka = put(seqA, ka, rv, j + 1, rv.len + 1);
    let kb = put(seqB, 0, rv, 1, j + 1);
    kb = put(seqB, kb, ru, i + 1, ru.len + 1);
    w.setRoute(su, seqA, 0, ka);
    w.setRoute(sv, seqB, 0, kb);
    return true;
  }

  function twoOptStarReversed(su: number, i: number, sv: number, j: number): boolean {
    const ru = w.routes[su]!;
    const rv = w.routes[sv]!;
    const Lu = ru.len;
    const Lv = rv.len;
    const u = ru.ext[i]!;
    const x = ru.ext[i + 1]!;
    const v = rv.ext[j]!;
    const y = rv.ext[j + 1]!;
    // su' = ext_u[1..i] + ext_v[j..1]; sv' = ext_u[Lu..i+1] + ext_v[j+1..Lv].
    const newU = ru.cumF[i]! + d(u, v) + (rv.cumB[j]! - rv.cumB[1]!) + d(rv.ext[1]!, 0);
    const newV =
      x === 0
        ? y === 0
          ? 0
          : d(0, y) + rv.cumF[Lv + 1]! - rv.cumF[j + 1]!
        : d(0, ru.ext[Lu]!) + (ru.cumB[Lu]! - ru.cumB[i + 1]!) + d(x, y) + (rv.cumF[Lv + 1]! - rv.cumF[j + 1]!);
    let delta = newU + newV - ru.distance - rv.distance;
    if (x === 0 && y === 0) delta -= fixed(rv);
    if (delta > -EPS) return false;
    let ka = put(seqA, 0, ru, 1, i + 1);
    ka = put(seqA, ka, rv, 1, j + 1, true);
    let kb = put(seqB, 0, ru, i + 1, Lu + 1, true);
    kb = put(seqB, kb, rv, j + 1, Lv + 1);
    if (!seqFits(seqA, ka, ru.type) || (kb > 0 && !seqFits(seqB, kb, rv.type))) return false;
    w.setRoute(su, seqA, 0, ka);
    w.setRoute(sv, seqB, 0, kb);
    return true;
  }

  function twoOpt(s: number, i: number, j: number): boolean {
    const r = w.routes[s]!;
    if (j <= i + 1) return false;
    const u = r.ext[i]!;
    const x = r.ext[i + 1]!;
    const v = r.ext[j]!;
    const y = r.ext[j + 1]!;
    const delta = d(u, v) + d(x, y) - d(u, x) - d(v, y) + (r.cumB[j]! - r.cumB[i + 1]!) - (r.cumF[j]! - r.cumF[i + 1]!);
    if (delta > -EPS) return false;
    let k = put(seqA, 0, r, 1, i + 1);
    k = put(seqA, k, r, i + 1, j + 1, true);
    k = put(seqA, k, r, j + 1, r.len + 1);
    if (!m.simple && !seqFits(seqA, k, r.type)) return false;
    w.setRoute(s, seqA, 0, k);
    return true;
  }

  return { twoOptStar, twoOptStarReversed, twoOpt };
}

export function createMoves(m: Model, w: Work): Moves {
  const k = createKit(m);
  return { ...segmentMoves(w, k), ...twoOptMoves(m, w, k) };
}
