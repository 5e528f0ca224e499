import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkSolution } from "./check.ts";
import { cvrpToProblem, parseCvrplib } from "./cvrplib.ts";
import { savingsVrp, solveVrp } from "./solve.ts";

const instance = (f: string) =>
  cvrpToProblem(parseCvrplib(readFileSync(path.join(import.meta.dirname, "test-fixtures", f), "utf8"))).problem;

describe("solveVrp on CVRPLIB instances", () => {
  it.each([
    ["E-n13-k4.vrp", 247, 10_000],
    ["P-n16-k8.vrp", 450, 5_000],
    ["A-n32-k5.vrp", 784, 40_000],
  ])("finds the proven optimum of %s (%i) within %i iterations", (file, optimum, iterations) => {
    const p = instance(file);
    const res = solveVrp(p, { iterations, seed: 1 });
    const check = checkSolution(p, res.routes);
    expect(check.violations).toEqual([]);
    expect(check.cost).toBe(optimum);
    expect(res.cost).toBe(check.cost);
    expect(res.unassigned).toEqual([]);
  });

  it("improves on the savings start, which is feasible", () => {
    const p = instance("A-n32-k5.vrp");
    const cw = savingsVrp(p);
    const check = checkSolution(p, cw.routes);
    expect(check.feasible).toBe(true);
    expect(check.cost).toBe(cw.cost);
    expect(solveVrp(p, { iterations: 500, seed: 3 }).cost).toBeLessThan(cw.cost);
  });

  it("is deterministic for a seed and an iteration limit", () => {
    const p = instance("A-n32-k5.vrp");
    const a = solveVrp(p, { iterations: 3_000, seed: 7 });
    const b = solveVrp(p, { iterations: 3_000, seed: 7 });
    expect(b.routes).toEqual(a.routes);
    expect(b.cost).toBe(a.cost);
    expect(a.iterations).toBe(3_000);
  });

  it("stops at the time limit", () => {
    const res = solveVrp(instance("A-n32-k5.vrp"), { timeLimitMs: 300, seed: 1 });
    expect(res.timeMs).toBeLessThan(1_000);
    expect(res.iterations).toBeGreaterThan(0);
  });

  it("handles no stops, and a stop no vehicle can carry", () => {
    const empty = solveVrp(
      { depot: { x: 0, y: 0 }, stops: [], fleet: [{ capacity: [1] }], distance: { kind: "euclidean" } },
      { iterations: 10 },
    );
    expect(empty).toMatchObject({ routes: [], unassigned: [], cost: 0 });
    const p = {
      depot: { x: 0, y: 0 },
      stops: [
        { x: 1, y: 0, delivery: [5] },
        { x: 2, y: 0, delivery: [1] },
      ],
      fleet: [{ capacity: [2] }],
      distance: { kind: "euclidean" as const },
    };
    const res = solveVrp(p, { iterations: 100 });
    expect(res.unassigned).toEqual([0]);
    expect(res.routes).toEqual([{ vehicle: 0, stops: [1] }]);
    expect(res.cost).toBe(4);
  });
});
