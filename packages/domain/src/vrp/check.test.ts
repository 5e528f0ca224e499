import { describe, expect, it } from "vitest";
import { checkSolution, type VrpViolationKind } from "./check.ts";
import type { VrpProblem, VrpRoute } from "./types.ts";

// Depot at the origin, four stops on a line, dimensions kg and cold kg.
const base: VrpProblem = {
  dimensions: ["kg", "cold kg"],
  depot: { x: 0, y: 0, earliest: 0 },
  stops: [
    { x: 1, y: 0, delivery: [4, 0], latest: 2 },
    { x: 2, y: 0, delivery: [0, 0], pickup: [6, 0] },
    { x: 3, y: 0, delivery: [2, 3] },
    { x: 4, y: 0, delivery: [1, 0], earliest: 10, latest: 12, serviceTime: 1 },
  ],
  fleet: [
    { name: "van", capacity: [10, 0], count: 2 },
    { name: "cold truck", capacity: [10, 5], count: 1, fixedCost: 100 },
  ],
  distance: { kind: "euclidean" },
};
const kinds = (p: VrpProblem, routes: VrpRoute[]) => checkSolution(p, routes).violations.map((v) => v.kind);

describe("checkSolution", () => {
  it("accepts a feasible solution and recomputes its cost (distance + fixed costs)", () => {
    const c = checkSolution(base, [
      { vehicle: 0, stops: [0, 1] },
      { vehicle: 1, stops: [2, 3] },
    ]);
    expect(c.violations).toEqual([]);
    expect(c.feasible).toBe(true);
    expect(c.distance).toBe(4 + 8);
    expect(c.cost).toBe(112);
    expect(c.routes[0]!.maxLoad).toEqual([6, 0]);
  });

  it.each<[string, VrpRoute[], VrpViolationKind]>([
    ["a stop that does not exist", [{ vehicle: 1, stops: [0, 1, 2, 3, 4] }], "UNKNOWN_STOP"],
    [
      "a stop twice",
      [
        { vehicle: 0, stops: [0, 1] },
        { vehicle: 1, stops: [2, 3, 0] },
      ],
      "DUPLICATE_STOP",
    ],
    [
      "a stop left out",
      [
        { vehicle: 1, stops: [2, 3] },
        { vehicle: 0, stops: [0] },
      ],
      "MISSING_STOP",
    ],
    ["a vehicle type that does not exist", [{ vehicle: 2, stops: [0, 1, 2, 3] }], "UNKNOWN_VEHICLE"],
    [
      "more vehicles of a type than exist",
      [
        { vehicle: 1, stops: [2] },
        { vehicle: 1, stops: [3, 0, 1] },
      ],
      "FLEET_SIZE",
    ],
    [
      "cold goods on a vehicle without cold",
      [
        { vehicle: 0, stops: [0, 1] },
        { vehicle: 0, stops: [2, 3] },
      ],
      "NO_COMPARTMENT",
    ],
    [
      "a window missed",
      [
        { vehicle: 0, stops: [1] },
        { vehicle: 1, stops: [3, 0, 2] },
      ],
      "TIME_WINDOW",
    ],
  ])("reports %s", (_, routes, kind) => {
    expect(kinds(base, routes)).toContain(kind);
  });

  it("checks the load at every point: pickups before deliveries can overflow though both totals fit", () => {
    // Totals: deliveries 4 + 0, pickups 0 + 6, each ≤ 6; but picking up 6 before dropping 4 carries 10.
    const p: VrpProblem = { ...base, fleet: [{ capacity: [6, 0] }] };
    expect(
      kinds(p, [
        { vehicle: 0, stops: [0, 1] },
        { vehicle: 0, stops: [3] },
        { vehicle: 0, stops: [2] },
      ]),
    ).not.toContain("CAPACITY");
    const bad = checkSolution(p, [
      { vehicle: 0, stops: [1, 0] },
      { vehicle: 0, stops: [3] },
      { vehicle: 0, stops: [2] },
    ]);
    expect(bad.violations.map((v) => v.kind)).toContain("CAPACITY");
    expect(bad.violations.find((v) => v.kind === "CAPACITY")!.message).toMatch(/kg load 10 after stop 1 exceeds capacity 6/);
  });

  it("reports a route longer than allowed, counting the waiting that cannot be avoided", () => {
    // Leaving at 6 reaches stop 3 at 10 without waiting: 4 + 1 service + 4 back = 9.
    const route: VrpRoute[] = [
      { vehicle: 0, stops: [0, 1] },
      { vehicle: 1, stops: [3, 2] },
    ];
    const p: VrpProblem = { ...base, stops: base.stops.map((s, i) => (i === 3 ? { ...s, latest: 20 } : s)) };
    expect(checkSolution(p, route).routes[1]!.duration).toBe(9);
    expect(kinds({ ...p, maxDuration: 9 }, route)).toEqual([]);
    expect(kinds({ ...p, maxDuration: 8.5 }, route)).toContain("DURATION");
    // Leaving at 8 (depot opens then) still needs no waiting: 9 again.
    expect(checkSolution({ ...p, depot: { ...p.depot, earliest: 8 } }, route).routes[1]!.duration).toBe(9);
    // Depot closes at 5: nothing can leave before 5 and come back.
    expect(kinds({ ...p, depot: { ...p.depot, latest: 5 } }, route)).toContain("DEPOT_WINDOW");
  });

  it("uses travel time = distance / speed", () => {
    const route: VrpRoute[] = [
      { vehicle: 0, stops: [0, 1] },
      { vehicle: 1, stops: [2, 3] },
    ];
    expect(kinds({ ...base, speed: 2 }, route)).toEqual([]);
    // At speed 0.25, leaving at 0 at the earliest, stop 3 is reached at 16, after its latest 12.
    expect(kinds({ ...base, speed: 0.25 }, route)).toContain("TIME_WINDOW");
  });

  it("reads an explicit matrix, possibly asymmetric", () => {
    const p: VrpProblem = {
      depot: {},
      stops: [{ delivery: [1] }, { delivery: [1] }],
      fleet: [{ capacity: [5] }],
      distance: {
        kind: "matrix",
        matrix: [
          [0, 1, 10],
          [10, 0, 1],
          [1, 10, 0],
        ],
      },
    };
    expect(checkSolution(p, [[0, 1]]).cost).toBe(3);
    expect(checkSolution(p, [[1, 0]]).cost).toBe(30);
  });
});
