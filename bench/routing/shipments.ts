// Random shipments over a week: 70% hub → village point, 25% village point → hub, 5% village → village.
import type { RouteQuery } from "../../packages/domain/src/routing/index.ts";
import { pick, seededRandom } from "../../packages/domain/src/routing/test-utils/random-network.ts";
import type { BenchNetwork } from "./gaizhou-network.ts";

/// Monday 2024-06-03 00:00 in Shanghai.
const WEEK_START = Date.UTC(2024, 5, 2, 16, 0);

export function shipments(net: BenchNetwork, count: number, seed = 20240603): RouteQuery[] {
  const rnd = seededRandom(seed);
  const out: RouteQuery[] = [];
  for (let i = 0; i < count; i++) {
    const r = rnd();
    const point = pick(rnd, net.points);
    const [from, to] = r < 0.7 ? [net.hub, point] : r < 0.95 ? [point, net.hub] : [point, pick(rnd, net.points)];
    const readyAt = new Date(WEEK_START + Math.floor(rnd() * 7 * 86_400_000));
    out.push({ fromId: from.id, toId: to.id, readyAt, temp: rnd() < 0.1 ? "CHILLED" : "AMBIENT" });
  }
  return out;
}
