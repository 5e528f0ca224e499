// TSPLIB/CVRPLIB reader (.vrp) and its translation into a VrpProblem. Errors name the field and why.
import { AppError } from "../errors.ts";
import type { VrpProblem } from "./types.ts";

export type EdgeWeightFormat = "FULL_MATRIX" | "LOWER_ROW" | "LOWER_DIAG_ROW" | "UPPER_ROW" | "UPPER_DIAG_ROW";

export interface CvrpInstance {
  name: string;
  comment: string;
  dimension: number;
  capacity: number;
  edgeWeightType: "EUC_2D" | "CEIL_2D" | "EXPLICIT";
  edgeWeightFormat?: EdgeWeightFormat;
  /// Node ids as numbered in the file, index i = node i (0-based).
  ids: number[];
  coords?: [number, number][];
  demand: number[];
  /// Index of the depot node.
  depot: number;
  /// Full matrix for EXPLICIT instances.
  weights?: number[][];
  /// DISTANCE: longest route (with service times); SERVICE_TIME: at every customer.
  distanceLimit?: number;
  serviceTime?: number;
}

// The *_COL formats of a symmetric matrix list the same numbers as the transposed *_ROW formats.
const FORMAT_ALIASES: Record<string, EdgeWeightFormat> = {
  FULL_MATRIX: "FULL_MATRIX",
  LOWER_ROW: "LOWER_ROW",
  LOWER_DIAG_ROW: "LOWER_DIAG_ROW",
  UPPER_ROW: "UPPER_ROW",
  UPPER_DIAG_ROW: "UPPER_DIAG_ROW",
  UPPER_COL: "LOWER_ROW",
  UPPER_DIAG_COL: "LOWER_DIAG_ROW",
  LOWER_COL: "UPPER_ROW",
  LOWER_DIAG_COL: "UPPER_DIAG_ROW",
};
const SECTIONS = new Set(["NODE_COORD_SECTION", "EDGE_WEIGHT_SECTION", "DEMAND_SECTION", "DEPOT_SECTION", "DISPLAY_DATA_SECTION"]);

interface Token {
  text: string;
  line: number;
}

const fail = (field: string, reason: string) => AppError.field(field, reason);

function num(section: string, t: Token | undefined, what: string): number {
  if (!t) throw fail(section, `ends early: ${what} missing`);
  const v = Number(t.text);
  if (!Number.isFinite(v)) throw fail(section, `line ${t.line}: ${what} "${t.text}" is not a number`);
  return v;
}

function header(headers: Map<string, Token>, key: string, kind: "int" | "number"): number | undefined {
  const t = headers.get(key);
  if (!t) return undefined;
  const v = Number(t.text);
  if (!Number.isFinite(v) || (kind === "int" && !Number.isInteger(v)))
    throw fail(key, `line ${t.line}: "${t.text}" is not ${kind === "int" ? "an integer" : "a number"}`);
  return v;
}

/// Whether cell (i, j) is listed in an EDGE_WEIGHT_SECTION of this format (row by row in file order).
function listed(format: EdgeWeightFormat, i: number, j: number): boolean {
  switch (format) {
    case "FULL_MATRIX":
      return true;
    case "LOWER_ROW":
      return j < i;
    case "LOWER_DIAG_ROW":
      return j <= i;
    case "UPPER_ROW":
      return j > i;
    case "UPPER_DIAG_ROW":
      return j >= i;
  }
}

function cellCount(format: EdgeWeightFormat, n: number): number {
  if (format === "FULL_MATRIX") return n * n;
  return format === "LOWER_ROW" || format === "UPPER_ROW" ? (n * (n - 1)) / 2 : (n * (n + 1)) / 2;
}

export function parseCvrplib(text: string): CvrpInstance {
  const headers = new Map<string, Token>();
  const sections = new Map<string, Token[]>();
  let current: Token[] | null = null;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    const lineNo = i + 1;
    if (!line) return;
    const kw = /^([A-Za-z_]+)\s*(?::\s*(.*))?$/.exec(line);
    if (kw) {
      const key = kw[1]!.toUpperCase();
      if (key === "EOF") {
        current = null;
        return;
      }
      if (SECTIONS.has(key)) {
        if (sections.has(key)) throw fail(key, `line ${lineNo}: appears twice`);
        current = [];
        sections.set(key, current);
        return;
      }
      if (kw[2] === undefined) throw fail(key, `line ${lineNo}: expected "${key} : value"`);
      headers.set(key, { text: kw[2].trim(), line: lineNo });
      current = null;
      return;
    }
    if (!current) throw fail("file", `line ${lineNo}: data "${line.slice(0, 40)}" outside any section`);
    for (const t of line.split(/\s+/)) current.push({ text: t, line: lineNo });
  });

  const type = headers.get("TYPE")?.text.toUpperCase();
  if (type !== undefined && type !== "CVRP") throw fail("TYPE", `"${type}" is not supported (only CVRP)`);
  const n = header(headers, "DIMENSION", "int");
  if (n === undefined) throw fail("DIMENSION", "missing");
  if (n < 1) throw fail("DIMENSION", "must be at least 1");
  const capacity = header(headers, "CAPACITY", "number");
  if (capacity === undefined) throw fail("CAPACITY", "missing");
  if (capacity <= 0) throw fail("CAPACITY", "must be > 0");
  const ewt = (headers.get("EDGE_WEIGHT_TYPE")?.text ?? "").toUpperCase();
  if (ewt !== "EUC_2D" && ewt !== "CEIL_2D" && ewt !== "EXPLICIT")
    throw fail("EDGE_WEIGHT_TYPE", ewt ? `"${ewt}" is not supported (EUC_2D, CEIL_2D, EXPLICIT)` : "missing");

  const ids = Array.from({ length: n }, (_, i) => i + 1);
  const index = (section: string, t: Token | undefined) => {
    const id = num(section, t, "node id");
    if (!Number.isInteger(id) || id < 1 || id > n) throw fail(section, `line ${t!.line}: node id ${t!.text} outside 1..${n}`);
    return id - 1;
  };

  let coords: [number, number][] | undefined;
  const coordTokens = sections.get("NODE_COORD_SECTION");
  if (coordTokens) {
    if (coordTokens.length !== 3 * n) throw fail("NODE_COORD_SECTION", `expected ${n} lines "id x y", got ${coordTokens.length} numbers`);
    const c: ([number, number] | undefined)[] = new Array<[number, number] | undefined>(n);
    for (let k = 0; k < coordTokens.length; k += 3) {
      const i = index("NODE_COORD_SECTION", coordTokens[k]);
      if (c[i]) throw fail("NODE_COORD_SECTION", `line ${coordTokens[k]!.line}: node ${i + 1} given twice`);
      c[i] = [num("NODE_COORD_SECTION", coordTokens[k + 1], "x"), num("NODE_COORD_SECTION", coordTokens[k + 2], "y")];
    }
    coords = c as [number, number][];
  } else if (ewt !== "EXPLICIT") throw fail("NODE_COORD_SECTION", `missing (needed for ${ewt})`);

  let weights: number[][] | undefined;
  let format: EdgeWeightFormat | undefined;
  if (ewt === "EXPLICIT") {
    const f = (headers.get("EDGE_WEIGHT_FORMAT")?.text ?? "").toUpperCase();
    format = FORMAT_ALIASES[f];
    if (!format)
      throw fail(
        "EDGE_WEIGHT_FORMAT",
        f ? `"${f}" is not supported (${Object.keys(FORMAT_ALIASES).join(", ")})` : "missing (needed for EXPLICIT)",
      );
    const tokens = sections.get("EDGE_WEIGHT_SECTION");
    if (!tokens) throw fail("EDGE_WEIGHT_SECTION", "missing (needed for EXPLICIT)");
    const count = cellCount(format, n);
    if (tokens.length !== count)
      throw fail("EDGE_WEIGHT_SECTION", `expected ${count} numbers for ${f} with DIMENSION ${n}, got ${tokens.length}`);
    const w = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    let k = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (!listed(format, i, j)) continue;
        const v = num("EDGE_WEIGHT_SECTION", tokens[k], "weight");
        if (v < 0) throw fail("EDGE_WEIGHT_SECTION", `line ${tokens[k]!.line}: negative weight ${v}`);
        k++;
        w[i]![j] = v;
        if (format !== "FULL_MATRIX") w[j]![i] = v;
      }
    }
    weights = w;
  }

  const demTokens = sections.get("DEMAND_SECTION");
  if (!demTokens) throw fail("DEMAND_SECTION", "missing");
  if (demTokens.length !== 2 * n) throw fail("DEMAND_SECTION", `expected ${n} lines "id demand", got ${demTokens.length} numbers`);
  const demand = new Array<number>(n).fill(-1);
  for (let k = 0; k < demTokens.length; k += 2) {
    const i = index("DEMAND_SECTION", demTokens[k]);
    if (demand[i]! >= 0) throw fail("DEMAND_SECTION", `line ${demTokens[k]!.line}: node ${i + 1} given twice`);
    const d = num("DEMAND_SECTION", demTokens[k + 1], "demand");
    if (d < 0) throw fail("DEMAND_SECTION", `line ${demTokens[k + 1]!.line}: negative demand ${d}`);
    demand[i] = d;
  }

  let depot = 0;
  const depTokens = sections.get("DEPOT_SECTION");
  if (depTokens) {
    const end = depTokens.findIndex((t) => t.text === "-1");
    if (end < 0) throw fail("DEPOT_SECTION", "must end with -1");
    if (end !== 1) throw fail("DEPOT_SECTION", end === 0 ? "lists no depot" : `lists ${end} depots; only one is supported`);
    depot = index("DEPOT_SECTION", depTokens[0]);
  }

  return {
    name: headers.get("NAME")?.text ?? "",
    comment: headers.get("COMMENT")?.text ?? "",
    dimension: n,
    capacity,
    edgeWeightType: ewt,
    edgeWeightFormat: format,
    ids,
    coords,
    demand,
    depot,
    weights,
    distanceLimit: header(headers, "DISTANCE", "number"),
    serviceTime: header(headers, "SERVICE_TIME", "number"),
  };
}

/// The instance as a problem with unlimited identical vehicles; `stopIds[i]` is stop i's id in the file.
export function cvrpToProblem(inst: CvrpInstance): { problem: VrpProblem; stopIds: number[] } {
  const order = inst.ids.map((_, i) => i).filter((i) => i !== inst.depot);
  const at = (i: number) => (inst.coords ? { x: inst.coords[i]![0], y: inst.coords[i]![1] } : {});
  let distance: VrpProblem["distance"];
  if (inst.edgeWeightType === "EUC_2D") distance = { kind: "euclidean", round: true };
  else {
    const nodes = [inst.depot, ...order];
    const c = inst.coords;
    const w = (a: number, b: number) =>
      inst.weights ? inst.weights[a]![b]! : Math.ceil(Math.hypot(c![a]![0] - c![b]![0], c![a]![1] - c![b]![1]));
    distance = { kind: "matrix", matrix: nodes.map((a) => nodes.map((b) => (a === b ? 0 : w(a, b)))) };
  }
  return {
    problem: {
      depot: at(inst.depot),
      stops: order.map((i) => ({ ...at(i), delivery: [inst.demand[i]!], serviceTime: inst.serviceTime })),
      fleet: [{ capacity: [inst.capacity], maxDuration: inst.distanceLimit }],
      distance,
    },
    stopIds: order.map((i) => inst.ids[i]!),
  };
}
