// Property test: the fast engine agrees with the brute-force reference on random small networks.
import { describe, expect, it } from "vitest";
import { buildRoutingNetwork } from "./build-network.ts";
import { routeReference } from "./reference.ts";
import { route } from "./route.ts";
import { comparable } from "./test-utils/compare.ts";
import { randomNetwork, randomQuery, seededRandom } from "./test-utils/random-network.ts";

describe("route vs routeReference", () => {
  it("gives identical routes on 400 random networks × 25 queries", () => {
    const rnd = seededRandom(20240603);
    const outcomes = new Map<string, number>();
    for (let i = 0; i < 400; i++) {
      const { nodes, lanes } = randomNetwork(rnd);
      const net = buildRoutingNetwork(nodes, lanes);
      for (let j = 0; j < 25; j++) {
        const query = randomQuery(rnd, nodes);
        const fast = route(net, query);
        expect(comparable(fast), `network ${i} query ${j}: ${JSON.stringify({ query, nodes, lanes })}`).toEqual(
          comparable(routeReference(nodes, lanes, query)),
        );
        const kind = fast.ok ? `ok:${fast.legs.length}` : fast.reason;
        outcomes.set(kind, (outcomes.get(kind) ?? 0) + 1);
      }
    }
    // The random cases must exercise every outcome, and multi-leg routes.
    for (const kind of ["ok:0", "ok:1", "ok:2", "ok:3", "NO_ROUTE", "COLD_CHAIN", "ORIGIN_UNAVAILABLE", "DESTINATION_UNAVAILABLE"])
      expect(outcomes.get(kind) ?? 0, kind).toBeGreaterThan(5);
  }, 60_000); // ~2 s alone; generous for a loaded machine
});
