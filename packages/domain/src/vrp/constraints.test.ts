import { describe, expect, it } from "vitest";
import { checkSolution } from "./check.ts";
import { haversineKm } from "./distance.ts";
import { Rng } from "./random.ts";
import { solveVrp } from "./solve.ts";
import type { VrpProblem, VrpStop } from "./types.ts";

/// Stops scattered on a 100 × 100 plane around a central depot.
function scatter(seed: number, n: number, make: (rng: Rng, i: number) => Omit<VrpStop, "x" | "y">): VrpStop[] {
  const rng = new Rng(seed);
  return Array.from({ length: n }, (_, i) => ({ x: Math.round(rng.next() * 100), y: Math.round(rng.next() * 100), ...make(rng, i) }));
}

function solveAndCheck(p: VrpProblem, iterations = 3_000, seed = 1) {
  const res = solveVrp(p, { iterations, seed });
  const check = checkSolution(p, res.routes);
  expect(check.violations.filter((v) => v.kind !== "MISSING_STOP")).toEqual([]);
  expect(check.violations.map((v) => v.stop).sort()).toEqual([...res.unassigned].sort());
  expect(res.cost).toBeCloseTo(check.cost, 6);
  return { res, check };
}

describe("solveVrp constraints", () => {
  it("keeps the load within capacity at every point when picking up and delivering", () => {
    // One vehicle of 10. Dropping A's 10 before picking up B's 10 fits; B before A would carry 20, though
    // both totals (10 delivered, 10 picked up) fit. The infeasible order is the short one.
    const p: VrpProblem = {
      depot: {},
      stops: [{ delivery: [10] }, { delivery: [0], pickup: [10] }],
      fleet: [{ capacity: [10], count: 1 }],
      distance: {
        kind: "matrix",
        matrix: [
          [0, 5, 1],
          [1, 0, 5],
          [5, 1, 0],
        ],
      },
    };
    expect(checkSolution(p, [{ vehicle: 0, stops: [1, 0] }]).violations.map((v) => v.kind)).toEqual(["CAPACITY"]);
    const { res } = solveAndCheck(p, 200);
    expect(res.routes).toEqual([{ vehicle: 0, stops: [0, 1] }]);
    expect(res.cost).toBe(15);
  });

  it("solves random pickup-and-delivery instances in two dimensions", () => {
    for (const seed of [1, 2, 3]) {
      const stops = scatter(seed, 40, (rng) => ({
        delivery: [Math.floor(rng.next() * 30), Math.floor(rng.next() * 3)],
        pickup: [Math.floor(rng.next() * 30), Math.floor(rng.next() * 3)],
      }));
      const p: VrpProblem = {
        dimensions: ["kg", "m3"],
        depot: { x: 50, y: 50 },
        stops,
        fleet: [{ capacity: [100, 8] }],
        distance: { kind: "euclidean" },
      };
      const { res, check } = solveAndCheck(p);
      expect(res.unassigned).toEqual([]);
      expect(check.routes.every((r) => r.maxLoad[0]! <= 100 && r.maxLoad[1]! <= 8)).toBe(true);
    }
  });

  it("never puts cold goods on a vehicle without a cold compartment", () => {
    const stops = scatter(4, 30, (rng, i) => ({ delivery: [10 + Math.floor(rng.next() * 10), i % 6 === 0 ? 5 : 0] }));
    const p: VrpProblem = {
      dimensions: ["kg", "cold kg"],
      depot: { x: 50, y: 50 },
      stops,
      fleet: [
        { name: "van", capacity: [100, 0], count: 6 },
        { name: "cold truck", capacity: [200, 30], count: 1 },
      ],
      distance: { kind: "euclidean" },
    };
    const { res } = solveAndCheck(p);
    expect(res.unassigned).toEqual([]);
    for (const r of res.routes) {
      if (r.stops.some((s) => stops[s]!.delivery[1]! > 0)) expect(r.vehicle).toBe(1);
    }
    // More cold goods (31) than the truck holds (30): one cold stop stays behind rather than ride a van.
    const tooCold = { ...p, stops: stops.map((s, i) => (i === 1 ? { ...s, delivery: [10, 6] } : s)) };
    expect(solveAndCheck(tooCold).res.unassigned).toHaveLength(1);
  });

  it("respects time windows, service times and the maximum route duration", () => {
    const stops = scatter(5, 40, (rng) => {
      const earliest = Math.floor(rng.next() * 200);
      return { delivery: [1 + Math.floor(rng.next() * 9)], earliest, latest: earliest + 30 + Math.floor(rng.next() * 60), serviceTime: 5 };
    });
    const p: VrpProblem = {
      depot: { x: 50, y: 50, earliest: 0, latest: 400 },
      stops,
      fleet: [{ capacity: [60] }],
      distance: { kind: "euclidean" },
      maxDuration: 180,
    };
    const { res, check } = solveAndCheck(p);
    expect(res.unassigned).toEqual([]);
    expect(Math.max(...check.routes.map((r) => r.duration))).toBeLessThanOrEqual(180 + 1e-6);
    // Without the windows the same stops need fewer kilometres.
    const free = solveVrp({ ...p, stops: stops.map(({ earliest: _e, latest: _l, ...s }) => s) }, { iterations: 3_000 });
    expect(free.cost).toBeLessThan(res.cost);
  });

  it("splits routes to keep within the maximum duration", () => {
    const stops = scatter(6, 20, () => ({ delivery: [1], serviceTime: 10 }));
    const base: VrpProblem = { depot: { x: 50, y: 50 }, stops, fleet: [{ capacity: [100] }], distance: { kind: "euclidean" } };
    expect(solveAndCheck(base).res.routes).toHaveLength(1);
    const { check } = solveAndCheck({ ...base, fleet: [{ capacity: [100], maxDuration: 250 }] });
    expect(check.routes.length).toBeGreaterThan(1);
    expect(Math.max(...check.routes.map((r) => r.duration))).toBeLessThanOrEqual(250 + 1e-6);
  });

  it("uses no more vehicles of each type than exist, and leaves out what the fleet cannot carry", () => {
    const stops = scatter(7, 24, () => ({ delivery: [2] })); // 48 in all
    const fleet = [
      { capacity: [10], count: 2 },
      { capacity: [30], count: 1, fixedCost: 5 },
    ];
    const p: VrpProblem = { depot: { x: 50, y: 50 }, stops, fleet, distance: { kind: "euclidean" } };
    const { res } = solveAndCheck(p);
    expect(res.unassigned).toEqual([]);
    expect(res.routes.filter((r) => r.vehicle === 0).length).toBeLessThanOrEqual(2);
    expect(res.routes.filter((r) => r.vehicle === 1).length).toBeLessThanOrEqual(1);
    // 56 to carry on 50 of capacity: three stops (6) stay behind.
    const more = { ...p, stops: [...stops, ...scatter(8, 4, () => ({ delivery: [2] }))] };
    const r2 = solveAndCheck(more).res;
    expect(r2.unassigned).toHaveLength(3);
    expect(r2.routes).toHaveLength(3);
  });

  it("measures haversine distances times the road factor", () => {
    const beijing = { lat: 39.9042, lng: 116.4074 };
    const shanghai = { lat: 31.2304, lng: 121.4737 };
    expect(haversineKm(beijing, shanghai)).toBeGreaterThan(1060);
    expect(haversineKm(beijing, shanghai)).toBeLessThan(1075);
    // Two villages 0.01° of latitude apart: 1.112 km as the crow flies.
    const depot = { lat: 40.5, lng: 122.3 };
    const village = { lat: 40.51, lng: 122.3, delivery: [1] };
    const p: VrpProblem = { depot, stops: [village], fleet: [{ capacity: [5] }], distance: { kind: "haversine", roadFactor: 1.3 } };
    const res = solveVrp(p, { iterations: 10 });
    const check = checkSolution(p, res.routes);
    expect(check.cost).toBeCloseTo(2 * 1.3 * 1.11195, 4);
    expect(res.cost).toBeCloseTo(check.cost, 9);
    const plain = checkSolution({ ...p, distance: { kind: "haversine", roadFactor: 1 } }, res.routes);
    expect(check.cost / plain.cost).toBeCloseTo(1.3, 9);
    expect(checkSolution({ ...p, distance: { kind: "haversine" } }, res.routes).cost).toBeCloseTo(check.cost, 9);
  });

  it("is deterministic with windows, pickups and a mixed fleet too", () => {
    const stops = scatter(9, 30, (rng) => ({
      delivery: [Math.floor(rng.next() * 10)],
      pickup: [Math.floor(rng.next() * 10)],
      earliest: 0,
      latest: 150 + Math.floor(rng.next() * 100),
    }));
    const p: VrpProblem = {
      depot: { x: 50, y: 50 },
      stops,
      fleet: [{ capacity: [40], count: 3 }, { capacity: [60] }],
      distance: { kind: "euclidean" },
    };
    const a = solveVrp(p, { iterations: 1_000, seed: 11 });
    const b = solveVrp(p, { iterations: 1_000, seed: 11 });
    expect(b.routes).toEqual(a.routes);
    expect(checkSolution(p, a.routes).feasible).toBe(true);
  });
});
