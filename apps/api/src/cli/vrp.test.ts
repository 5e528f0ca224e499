// `pnpm xd vrp solve` as a benchmark script runs it: real process, JSON on stdout, cost checked from the file.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, xd, xdProcess, type XdResult } from "./test-cli.ts";
import { scaled } from "@xiangda/config/testing";

const fixtures = path.join(repoRoot, "packages/domain/src/vrp/test-fixtures");

/// A deliberately separate reading of an EUC_2D file: coordinates, demands, capacity, depot = node 1.
function readEuc2d(file: string) {
  const lines = readFileSync(file, "utf8")
    .split("\n")
    .map((l) => l.trim());
  const capacity = Number(/CAPACITY\s*:\s*(\d+)/.exec(lines.join("\n"))![1]);
  const section = (name: string) => {
    const rows: number[][] = [];
    for (let i = lines.indexOf(name) + 1; i < lines.length && /^\d/.test(lines[i]!); i++) rows.push(lines[i]!.split(/\s+/).map(Number));
    return rows;
  };
  const xy = new Map(section("NODE_COORD_SECTION").map(([id, x, y]) => [id!, [x!, y!]]));
  const demand = new Map(section("DEMAND_SECTION").map(([id, d]) => [id!, d!]));
  const d = (a: number, b: number) => Math.round(Math.hypot(xy.get(a)![0]! - xy.get(b)![0]!, xy.get(a)![1]! - xy.get(b)![1]!));
  return { capacity, xy, demand, d };
}

describe("pnpm xd vrp solve", () => {
  it("prints only JSON with routes in file numbering and a cost that the file confirms", async () => {
    const file = path.join(fixtures, "A-n32-k5.vrp");
    // As a benchmark script runs it: its own process, stdout nothing but the JSON.
    const r = await xdProcess(["vrp", "solve", file, "--time-limit", "2", "--seed", "1", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(Object.keys(r.json).sort()).toEqual(["cost", "routes", "timeMs"]);
    const { cost, routes, timeMs } = r.json as { cost: number; routes: number[][]; timeMs: number };
    expect(timeMs).toBeGreaterThan(0);
    expect(timeMs).toBeLessThan(3_000);

    const inst = readEuc2d(file);
    const visited = routes.flat().sort((a, b) => a - b);
    expect(visited).toEqual(Array.from({ length: 31 }, (_, i) => i + 2));
    let total = 0;
    for (const route of routes) {
      expect(route.reduce((s, c) => s + inst.demand.get(c)!, 0)).toBeLessThanOrEqual(inst.capacity);
      [1, ...route].forEach((a, i, all) => (total += inst.d(a, all[i + 1] ?? 1)));
    }
    expect(cost).toBe(total);
    expect(cost).toBe(784);
  }, scaled(30_000));

  it("reproduces a run exactly with --iterations and a seed, and solves explicit matrices", async () => {
    const file = path.join(fixtures, "E-n13-k4.vrp");
    const a = await xd("vrp", "solve", file, "--iterations", "10000", "--seed", "5", "--json");
    const b = await xd("vrp", "solve", file, "--iterations", "10000", "--seed", "5", "--json");
    expect(a.code, a.stderr).toBe(0);
    expect(a.json.routes).toEqual(b.json.routes);
    expect(a.json.cost).toBe(247);
  }, scaled(30_000));

  it("prints a readable summary without --json", async () => {
    const r = await xd("vrp", "solve", path.join(fixtures, "P-n16-k8.vrp"), "--iterations", "3000");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^cost 450, \d+ routes, 15 customers/);
    expect(r.stdout).toMatch(/route 1: /);
  }, scaled(30_000));

  it("fails with a clear message on bad arguments and files", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "xd-vrp-"));
    const broken = path.join(dir, "broken.vrp");
    writeFileSync(
      broken,
      "NAME : broken\nTYPE : CVRP\nDIMENSION : 3\nEDGE_WEIGHT_TYPE : EUC_2D\nCAPACITY : 10\nNODE_COORD_SECTION\n1 0 0\n2 1 1\n3 2 2\nDEMAND_SECTION\n1 0\n2 4\nEOF\n",
    );
    const cases: [string[], string, RegExp][] = [
      [[], "file", /give one \.vrp file/],
      [[path.join(dir, "missing.vrp")], "file", /cannot read .*missing\.vrp: ENOENT/],
      [[broken], "DEMAND_SECTION", /broken\.vrp: DEMAND_SECTION: expected 3 lines "id demand", got 4 numbers/],
      [[broken, "--time-limit", "soon"], "time-limit", /"soon" is not a positive number/],
      [[broken, "--iterations", "1.5"], "iterations", /not a positive integer/],
    ];
    const results: XdResult[] = [];
    for (const [args] of cases) results.push(await xd("vrp", "solve", ...args, "--json"));
    cases.forEach(([, field, message], i) => {
      const r = results[i]!;
      expect(r.code, r.stderr).toBe(1);
      expect(r.json).toMatchObject({ code: "INVALID_INPUT", issues: [{ path: field }] });
      expect(r.stderr).toMatch(message);
    });
  }, scaled(60_000));
});
