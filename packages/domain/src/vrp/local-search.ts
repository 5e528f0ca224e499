// Granular local search: for each customer u and each of its nearest customers v, try relocate, or-opt,
// swap, 2-opt and 2-opt* moves that bring u next to v; apply the first improving one; repeat until none.
import type { Model } from "./model.ts";
import { createMoves } from "./moves.ts";
import type { Neighbors } from "./neighbors.ts";
import type { Rng } from "./random.ts";
import type { Work } from "./solution.ts";

/// Runs on the Work it was created for, until no move improves or `stop()` says so.
export type LocalSearch = (rng: Rng, stop: () => boolean) => void;

export function createLocalSearch(m: Model, w: Work, nb: Neighbors, granularity: number): LocalSearch {
  const mv = createMoves(m, w);
  const order = new Int32Array(m.n - 1);
  const K = Math.min(granularity, nb.width - 1);

  /// Tries the moves that put u next to v; true when one was applied.
  function tryPair(u: number, v: number): boolean {
    const su = w.routeOf[u]!;
    const sv = w.routeOf[v]!;
    if (su < 0 || sv < 0) return false;
    let i = w.posOf[u]!;
    let j = w.posOf[v]!;
    const ru = w.routes[su]!;
    const rv = w.routes[sv]!;
    const x = ru.ext[i + 1]!;
    const y = rv.ext[j + 1]!;
    // u (then u x, x u, u x x2) right after v, or right before v when v is first.
    if (mv.moveSegment(su, i, 1, sv, j, false)) return true;
    if (j === 1 && mv.moveSegment(su, i, 1, sv, 0, false)) return true;
    if (x !== 0 && v !== x) {
      if (mv.moveSegment(su, i, 2, sv, j, false)) return true;
      if (mv.moveSegment(su, i, 2, sv, j, true)) return true;
      if (ru.ext[i + 2] !== 0 && v !== ru.ext[i + 2] && mv.moveSegment(su, i, 3, sv, j, false)) return true;
    }
    if (mv.swapSegments(su, i, 1, sv, j, 1)) return true;
    if (su !== sv) {
      if (x !== 0 && mv.swapSegments(su, i, 2, sv, j, 1)) return true;
      if (x !== 0 && y !== 0 && mv.swapSegments(su, i, 2, sv, j, 2)) return true;
      if (mv.twoOptStar(su, i, sv, j)) return true;
      if (mv.twoOptStar(su, i - 1, sv, j)) return true;
      if (mv.twoOptStarReversed(su, i, sv, j)) return true;
    } else {
      if (i > j) [i, j] = [j, i];
      if (mv.twoOpt(su, i, j)) return true;
      if (mv.twoOpt(su, i - 1, j - 1)) return true;
    }
    return false;
  }

  return function localSearch(rng, stop) {
    for (let i = 0; i < order.length; i++) order[i] = i + 1;
    rng.shuffle(order);
    let improved = true;
    while (improved) {
      improved = false;
      for (let a = 0; a < order.length; a++) {
        if ((a & 15) === 0 && stop()) return;
        const u = order[a]!;
        const row = u * nb.width;
        for (let k = 1; k <= K; k++) {
          if (w.routeOf[u]! < 0) break;
          if (tryPair(u, nb.list[row + k]!)) improved = true;
        }
      }
    }
  };
}
