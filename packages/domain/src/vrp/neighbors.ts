// Customers sorted by closeness to each customer: the ruin walks it, the local search reads its head.
import type { Model } from "./model.ts";

export interface Neighbors {
  /// Row i (customers only) lists customers by increasing d(i,j) + d(j,i); i itself comes first.
  list: Int32Array;
  width: number;
}

export function nearestNeighbors(m: Model, width: number): Neighbors {
  const { n, dist } = m;
  const w = Math.min(width, n - 1);
  const list = new Int32Array(n * w);
  const key = new Float64Array(n);
  const sorted = new Float64Array(n - 1);
  const cand: number[] = [];
  for (let i = 1; i < n; i++) {
    for (let j = 1; j < n; j++) key[j] = j === i ? -1 : dist[i * n + j]! + dist[j * n + i]!;
    // The w-th smallest key by a native numeric sort, then only the candidates up to it by comparator.
    sorted.set(key.subarray(1));
    sorted.sort();
    const limit = sorted[w - 1]!;
    cand.length = 0;
    for (let j = 1; j < n; j++) if (key[j]! <= limit) cand.push(j);
    cand.sort((a, b) => key[a]! - key[b]! || a - b);
    for (let k = 0; k < w; k++) list[i * w + k] = cand[k]!;
  }
  return { list, width: w };
}
