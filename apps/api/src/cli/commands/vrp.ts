// `pnpm xd vrp solve <file.vrp>`: solves a CVRPLIB instance in memory (no database) and prints the
// routes with the cost recomputed by the independent checker.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { AppError, checkSolution, cvrpToProblem, isAppError, parseCvrplib, solveVrp } from "@xiangda/domain";
import type { Command } from "./types.ts";

const str = (v: string | boolean | undefined) => (typeof v === "string" ? v : undefined);

function positive(name: string, raw: string | undefined, integer: boolean): number | undefined {
  if (raw === undefined) return undefined;
  const v = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(v) || v <= 0 || (integer && !Number.isInteger(v)))
    throw AppError.field(name, `"${raw}" is not a ${integer ? "positive integer" : "positive number"}`);
  return v;
}

export const vrpSolve: Command = {
  summary: "solve a CVRPLIB instance: <file.vrp> [--time-limit SECONDS] [--iterations N] [--seed N]",
  usage: [
    "Unlimited identical vehicles; prints the cost recomputed by checkSolution and the routes as lists of",
    "customer node ids as numbered in the file (depot left out). Default: --time-limit 5 --seed 1.",
    "With --iterations (and no --time-limit) the result depends only on the file and the seed.",
  ].join("\n"),
  options: { "time-limit": { type: "string" }, iterations: { type: "string" }, seed: { type: "string" } },
  async run({ values, positionals }, io) {
    const started = performance.now();
    if (positionals.length !== 1)
      throw AppError.field(
        "file",
        positionals.length === 0 ? "give one .vrp file" : `give one .vrp file, got ${positionals.length} arguments`,
      );
    const file = positionals[0]!;
    const timeLimit = positive("time-limit", str(values["time-limit"]), false);
    const iterations = positive("iterations", str(values.iterations), true);
    const seedRaw = str(values.seed) ?? "1";
    const seed = Number(seedRaw);
    if (!Number.isInteger(seed) || seedRaw.trim() === "") throw AppError.field("seed", `"${seedRaw}" is not an integer`);

    // pnpm runs scripts from the repository root; a relative path means the caller's folder (INIT_CWD).
    const initCwd = process.env.INIT_CWD;
    const where = !existsSync(file) && initCwd && existsSync(path.resolve(initCwd, file)) ? path.resolve(initCwd, file) : file;
    let text: string;
    try {
      text = readFileSync(where, "utf8");
    } catch (e) {
      throw AppError.field("file", `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
    let parsed;
    try {
      parsed = cvrpToProblem(parseCvrplib(text));
    } catch (e) {
      if (isAppError(e)) throw new AppError(e.code, `${file}: ${e.message}`, { issues: e.issues });
      throw e;
    }
    const { problem, stopIds } = parsed;
    const capacity = problem.fleet[0]!.capacity[0]!;
    const tooBig = problem.stops.findIndex((s) => s.delivery[0]! > capacity);
    if (tooBig >= 0)
      throw AppError.field(
        "file",
        `${file}: customer ${stopIds[tooBig]} demands ${problem.stops[tooBig]!.delivery[0]}, more than the capacity ${capacity}`,
      );

    const limitMs =
      timeLimit !== undefined ? Math.max(1, timeLimit * 1000 - (performance.now() - started)) : iterations === undefined ? 5000 : undefined;
    const res = solveVrp(problem, { seed, iterations, timeLimitMs: limitMs });
    const check = checkSolution(problem, res.routes);
    if (!check.feasible)
      throw new AppError("INVALID_TRANSITION", `solver returned an infeasible solution: ${check.violations[0]!.message}`);
    const routes = res.routes.map((r) => r.stops.map((s) => stopIds[s]!));
    const timeMs = Math.round(performance.now() - started);
    io.out(
      { cost: check.cost, routes, timeMs },
      [
        `cost ${check.cost}, ${routes.length} routes, ${problem.stops.length} customers, ${res.iterations} iterations, ${timeMs} ms (seed ${seed})`,
        ...routes.map((r, i) => `  route ${i + 1}: ${r.join(" ")}`),
      ].join("\n"),
    );
  },
};
