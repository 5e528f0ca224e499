import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkSolution } from "./check.ts";
import { cvrpToProblem, parseCvrplib } from "./cvrplib.ts";

const fixture = (f: string) => readFileSync(path.join(import.meta.dirname, "test-fixtures", f), "utf8");

// A symmetric 4-node matrix written in every EXPLICIT format, wrapped across lines at odd places.
const M = [
  [0, 3, 5, 7],
  [3, 0, 4, 6],
  [5, 4, 0, 2],
  [7, 6, 2, 0],
];
const tiny = (format: string, weights: string) =>
  `NAME: tiny\nTYPE : CVRP\nDIMENSION:4\nEDGE_WEIGHT_TYPE : EXPLICIT   \nEDGE_WEIGHT_FORMAT: ${format}\nCAPACITY : 10\nEDGE_WEIGHT_SECTION\n${weights}\nDEMAND_SECTION\n1 0\n2 4\n3 5\n4 6\nDEPOT_SECTION\n 1\n -1\nEOF\n`;

describe("parseCvrplib", () => {
  it.each([
    ["LOWER_ROW", "3\n5 4\n7 6 2"],
    ["LOWER_ROW", "3 5 4 7\n6\n2"],
    ["LOWER_DIAG_ROW", "0 3 0 5 4\n0 7 6 2 0"],
    ["UPPER_ROW", "3 5 7 4 6 2"],
    ["UPPER_DIAG_ROW", "0 3 5 7\n0 4 6 0 2 0"],
    ["FULL_MATRIX", "0 3 5 7 3 0 4 6\n5 4 0 2\n7 6 2 0"],
    ["UPPER_COL", "3\n5 4\n7 6 2"],
    ["LOWER_COL", "3 5 7 4 6 2"],
  ])("reads EXPLICIT %s (%#)", (format, weights) => {
    const inst = parseCvrplib(tiny(format, weights));
    expect(inst.weights).toEqual(M);
    expect(inst).toMatchObject({ name: "tiny", dimension: 4, capacity: 10, depot: 0, demand: [0, 4, 5, 6] });
  });

  it("keeps an asymmetric FULL_MATRIX as written", () => {
    const inst = parseCvrplib(tiny("FULL_MATRIX", "0 1 2 3\n4 0 5 6\n7 8 0 9\n10 11 12 0"));
    expect(inst.weights![1]![0]).toBe(4);
    expect(inst.weights![0]![1]).toBe(1);
  });

  it("reads EUC_2D with CRLF line ends and odd spacing, rounding each edge to the nearest integer", () => {
    const text =
      "NAME :  t\r\nTYPE: CVRP \r\nDIMENSION : 3\r\nEDGE_WEIGHT_TYPE:EUC_2D\r\nCAPACITY :5\r\nNODE_COORD_SECTION \r\n 1 0 0\r\n2 1 1 \r\n3 3 4\r\nDEMAND_SECTION\r\n1 0\r\n2 1\r\n3 2\r\nDEPOT_SECTION\r\n1\r\n-1\r\nEOF\r\n";
    const { problem, stopIds } = cvrpToProblem(parseCvrplib(text));
    expect(stopIds).toEqual([2, 3]);
    // 0→(1,1) = √2 → 1, (1,1)→(3,4) = √13 ≈ 3.61 → 4, (3,4)→0 = 5.
    expect(checkSolution(problem, [[0, 1]]).cost).toBe(10);
  });

  it("numbers stops by file id around a depot that is not node 1", () => {
    const text = tiny("UPPER_ROW", "3 5 7 4 6 2").replace("DEPOT_SECTION\n 1\n", "DEPOT_SECTION\n 3\n");
    const { problem, stopIds } = cvrpToProblem(parseCvrplib(text));
    expect(stopIds).toEqual([1, 2, 4]);
    expect(problem.distance).toEqual({
      kind: "matrix",
      matrix: [
        [0, 5, 4, 2],
        [5, 0, 3, 7],
        [4, 3, 0, 6],
        [2, 7, 6, 0],
      ],
    });
  });

  it("agrees with CVRPLIB on A-n32-k5: the .sol routes cost the optimum 784", () => {
    const inst = parseCvrplib(fixture("A-n32-k5.vrp"));
    expect(inst).toMatchObject({ name: "A-n32-k5", dimension: 32, capacity: 100, edgeWeightType: "EUC_2D", depot: 0 });
    const { problem, stopIds } = cvrpToProblem(inst);
    // .sol files number customers from 1 with the depot as 0: customer c is file node c + 1.
    const routes = fixture("A-n32-k5.sol")
      .split("\n")
      .filter((l) => l.startsWith("Route"))
      .map((l) =>
        l
          .split(":")[1]!
          .trim()
          .split(/\s+/)
          .map((c) => stopIds.indexOf(Number(c) + 1)),
      );
    const check = checkSolution(problem, routes);
    expect(check.violations).toEqual([]);
    expect(check.cost).toBe(784);
  });

  it("reads E-n13-k4's LOWER_ROW matrix", () => {
    const inst = parseCvrplib(fixture("E-n13-k4.vrp"));
    expect(inst.weights![1]![0]).toBe(9);
    expect(inst.weights![12]![11]).toBe(10);
    expect(inst.weights![0]![12]).toBe(18);
  });

  it.each([
    [tiny("LOWER_ROW", "3 5 4 7 6 2").replace("CAPACITY : 10\n", ""), "CAPACITY", /missing/],
    [tiny("LOWER_ROW", "3 5 4 7 6"), "EDGE_WEIGHT_SECTION", /expected 6 numbers for LOWER_ROW with DIMENSION 4, got 5/],
    [tiny("LOWER_ROW", "3 5 4 7 6 2 9"), "EDGE_WEIGHT_SECTION", /got 7/],
    [tiny("LOWER_ROW", "3 5 4 7 x 2"), "EDGE_WEIGHT_SECTION", /line 8: weight "x" is not a number/],
    [tiny("DIAGONAL", "3"), "EDGE_WEIGHT_FORMAT", /"DIAGONAL" is not supported/],
    [tiny("LOWER_ROW", "3 5 4 7 6 2").replace("4 6\n", "4 six\n"), "DEMAND_SECTION", /demand "six" is not a number/],
    [tiny("LOWER_ROW", "3 5 4 7 6 2").replace("4 6\n", "9 6\n"), "DEMAND_SECTION", /node id 9 outside 1\.\.4/],
    [tiny("LOWER_ROW", "3 5 4 7 6 2").replace(" -1\n", ""), "DEPOT_SECTION", /must end with -1/],
    [tiny("LOWER_ROW", "3 5 4 7 6 2").replace(" -1\n", " 2\n -1\n"), "DEPOT_SECTION", /2 depots/],
    [tiny("LOWER_ROW", "3 5 4 7 6 2").replace("DIMENSION:4", "DIMENSION: four"), "DIMENSION", /"four" is not an integer/],
    [tiny("LOWER_ROW", "3 5 4 7 6 2").replace("EXPLICIT", "GEO"), "EDGE_WEIGHT_TYPE", /"GEO" is not supported/],
    [tiny("LOWER_ROW", "3 5 4 7 6 2").replace("TYPE : CVRP", "TYPE : TSP"), "TYPE", /only CVRP/],
    ["NAME: x\n1 2 3\n", "file", /line 2: data "1 2 3" outside any section/],
  ])("refuses malformed input, naming the field (%#)", (text, field, reason) => {
    let err: unknown;
    try {
      parseCvrplib(text);
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: "INVALID_INPUT", issues: [{ path: field }] });
    expect((err as Error).message).toMatch(reason);
  });
});
