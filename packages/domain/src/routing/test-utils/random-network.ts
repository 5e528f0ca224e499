// Seeded random small networks and queries, for property tests and the benchmark (no dependency).
import type { RLane, RNode, RouteQuery, TempClass } from "../types.ts";

/// mulberry32: a tiny, fast, seeded PRNG returning floats in [0, 1).
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
export const int = (rnd: () => number, lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/// Coarse times (multiples of 30 minutes) so that ties between routes are common.
export function randomNetwork(rnd: () => number): { nodes: RNode[]; lanes: RLane[] } {
  const n = int(rnd, 2, 8);
  const nodes: RNode[] = Array.from({ length: n }, (_, i) => ({
    id: `n${i}`,
    code: `N${String.fromCharCode(65 + ((i * 7) % 26))}${i}`,
    tier: pick(rnd, ["COUNTY_HUB", "TOWNSHIP_STATION", "VILLAGE_POINT"] as const),
    status: rnd() < 0.85 ? "ACTIVE" : pick(rnd, ["SUSPENDED", "CLOSED"] as const),
    coldChilled: rnd() < 0.5,
    coldFrozen: rnd() < 0.3,
    handlingMinutes: pick(rnd, [0, 0, 15, 30, 60]),
    areaCode: "210881000000",
  }));
  const lanes: RLane[] = Array.from({ length: int(rnd, 1, 16) }, (_, i) => {
    const days = [1, 2, 3, 4, 5, 6, 7].filter(() => rnd() < 0.6);
    return {
      id: `l${i}`,
      code: `L${int(rnd, 10, 99)}`, // duplicate codes happen: the id breaks the tie
      fromId: `n${int(rnd, 0, n - 1)}`,
      toId: `n${int(rnd, 0, n - 1)}`,
      status: rnd() < 0.9 ? "ACTIVE" : "SUSPENDED",
      mode: "TRUNK",
      departures: Array.from({ length: int(rnd, 1, 3) }, () => hhmm(int(rnd, 0, 47) * 30 + (rnd() < 0.1 ? 15 : 0))),
      weekdays: days.length ? days : [int(rnd, 1, 7)],
      cutoffMinutes: pick(rnd, [0, 0, 30, 60, 90]),
      transitMinutes: pick(rnd, [30, 60, 90, 120, 240, 600, 1440]),
      cold: rnd() < 0.5,
    };
  });
  return { nodes, lanes };
}

/// Ready times fall mostly on, or a minute or a second next to, the half hours where deadlines are.
export function randomQuery(rnd: () => number, nodes: RNode[]): RouteQuery {
  const base = Date.UTC(2024, 5, 2, 16, 0); // Monday 2024-06-03 00:00 in Shanghai
  const minutes = int(rnd, 0, 3 * 7 * 48) * 30 + pick(rnd, [0, 0, -1, 1, int(rnd, 0, 29)]);
  const seconds = rnd() < 0.2 ? pick(rnd, [-1, 1, int(rnd, 1, 59)]) : 0;
  return {
    fromId: pick(rnd, nodes).id,
    toId: pick(rnd, nodes).id,
    readyAt: new Date(base + minutes * 60_000 + seconds * 1000),
    temp: pick<TempClass>(rnd, ["AMBIENT", "AMBIENT", "CHILLED", "FROZEN"]),
    ...(rnd() < 0.3 ? { horizonDays: pick(rnd, [0, 1, 2, 5]) } : {}),
  };
}
