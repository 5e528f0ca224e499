// The route cache: same answers as without it, owned by one network, bounded by its budget.
import { describe, expect, it } from "vitest";
import { buildRoutingNetwork } from "./build-network.ts";
import { routeCacheStats } from "./route-cache.ts";
import { route } from "./route.ts";
import { describeRoute, lane, node, sh } from "./test-utils/builders.ts";
import type { RouteQuery } from "./types.ts";

const q = (from: string, to: string, readyAt: string, over: Partial<RouteQuery> = {}): RouteQuery => ({
  fromId: `id-${from}`,
  toId: `id-${to}`,
  readyAt: sh(readyAt),
  temp: "AMBIENT",
  ...over,
});

describe("route: the cache", () => {
  const nodes = ["A", "B", "C"].map((c) => node(c, { handlingMinutes: 10 }));
  const lanes = [
    lane("AB", "A", "B", { departures: ["07:00", "15:00"], cutoffMinutes: 20 }),
    lane("BC", "B", "C", { departures: ["09:00", "18:00"] }),
  ];

  it("answers exactly as an uncached network, minute by minute over a week and a half", () => {
    const cached = buildRoutingNetwork(nodes, lanes);
    const plain = buildRoutingNetwork(nodes, lanes, { cache: false });
    for (let m = 0; m < 15_000; m += 7) {
      const query = { ...q("A", "C", "2024-06-03 00:00"), readyAt: new Date(sh("2024-06-03 00:00").getTime() + m * 60_000) };
      expect(route(cached, query)).toEqual(route(plain, query));
    }
    expect(routeCacheStats(cached)).toMatchObject({ enabled: true, misses: 14 }); // 2 deadlines a day × 7 days
    expect(routeCacheStats(plain)).toMatchObject({ enabled: false, hits: 0, misses: 0 });
  });

  it("belongs to one network: a rebuilt network sees changed lanes, and later edits to the inputs change nothing", () => {
    const net = buildRoutingNetwork(nodes, lanes);
    const before = describeRoute(route(net, q("A", "C", "2024-06-03 06:00")));
    const changed = [lanes[0]!, { ...lanes[1]!, departures: ["08:00"] }];
    expect(describeRoute(route(buildRoutingNetwork(nodes, changed), q("A", "C", "2024-06-03 06:00")))).toEqual([
      "AB@06-03 07:00→06-03 08:00",
      "BC@06-04 08:00→06-04 09:00",
    ]);
    lanes[1]!.departures.push("08:15");
    nodes[1]!.status = "CLOSED";
    expect(describeRoute(route(net, q("A", "C", "2024-06-03 06:00")))).toEqual(before);
    nodes[1]!.status = "ACTIVE";
    lanes[1]!.departures.pop();
  });

  it("stays correct when its cell budget forces it to drop entries", () => {
    const tiny = buildRoutingNetwork(nodes, lanes, { cacheCells: 20 });
    const plain = buildRoutingNetwork(nodes, lanes, { cache: false });
    for (let m = 0; m < 3000; m += 13) {
      const query = { ...q("A", "C", "2024-06-03 00:00"), readyAt: new Date(sh("2024-06-03 00:00").getTime() + m * 60_000) };
      expect(route(tiny, query)).toEqual(route(plain, query));
    }
    expect(routeCacheStats(tiny).clears).toBeGreaterThan(0);
  });
});
