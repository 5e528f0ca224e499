// Memo of one-to-all searches per (origin, temperature, departure slot), owned by one network.
// Sound because the answer for a ready time depends only on which departures out of the origin it can
// still catch (its slot), and the timetable repeats weekly (results are stored for week 0 and shifted).
import type { SearchTree } from "./search.ts";

export interface RouteCache {
  readonly enabled: boolean;
  readonly budgetCells: number;
  trees: (SearchTree | undefined)[];
  cells: number;
  hits: number;
  misses: number;
  clears: number;
}

export function createRouteCache(slots: number, enabled: boolean, budgetCells: number): RouteCache {
  return {
    enabled,
    budgetCells,
    trees: enabled ? new Array<SearchTree | undefined>(slots).fill(undefined) : [],
    cells: 0,
    hits: 0,
    misses: 0,
    clears: 0,
  };
}

export function cacheGet(cache: RouteCache, key: number): SearchTree | undefined {
  if (!cache.enabled) return undefined;
  const hit = cache.trees[key];
  if (hit) cache.hits++;
  else cache.misses++;
  return hit;
}

export function cachePut(cache: RouteCache, key: number, tree: SearchTree): void {
  if (!cache.enabled) return;
  const size = tree.label.length + tree.labels.length;
  if (cache.cells + size > cache.budgetCells) {
    // Dropping everything is crude but simple and never wrong; real networks stay far below the budget.
    cache.trees = new Array<SearchTree | undefined>(cache.trees.length).fill(undefined);
    cache.cells = 0;
    cache.clears++;
  }
  cache.trees[key] = tree;
  cache.cells += size;
}

export interface RouteCacheStats {
  enabled: boolean;
  hits: number;
  misses: number;
  clears: number;
  cells: number;
}

export function routeCacheStats(net: { cache: RouteCache }): RouteCacheStats {
  const { enabled, hits, misses, clears, cells } = net.cache;
  return { enabled, hits, misses, clears, cells };
}
