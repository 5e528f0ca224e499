// Input checks for a VrpProblem: each failure names the field (AppError.field) and says what is wrong.
import { AppError } from "../errors.ts";
import type { VrpPoint, VrpProblem } from "./types.ts";

const finite = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);

function vector(path: string, v: readonly number[] | undefined, dims: number, required: boolean): void {
  if (v === undefined) {
    if (required) throw AppError.field(path, `required: ${dims} number(s), one per dimension`);
    return;
  }
  if (!Array.isArray(v) || v.length !== dims) throw AppError.field(path, `expected ${dims} number(s), one per dimension`);
  v.forEach((x, k) => {
    if (!finite(x) || x < 0) throw AppError.field(`${path}.${k}`, "must be a finite number ≥ 0");
  });
}

function window(path: string, earliest: number | undefined, latest: number | undefined): void {
  if (earliest !== undefined && !finite(earliest)) throw AppError.field(`${path}.earliest`, "must be a finite number");
  if (latest !== undefined && !finite(latest)) throw AppError.field(`${path}.latest`, "must be a finite number");
  if (earliest !== undefined && latest !== undefined && latest < earliest) throw AppError.field(`${path}.latest`, "is before earliest");
}

function point(path: string, p: VrpPoint, kind: "haversine" | "euclidean"): void {
  const [a, b] = kind === "haversine" ? (["lat", "lng"] as const) : (["x", "y"] as const);
  if (!finite(p[a]) || !finite(p[b])) throw AppError.field(path, `needs numeric ${a} and ${b} for ${kind} distances`);
  if (kind === "haversine" && (Math.abs(p.lat!) > 90 || Math.abs(p.lng!) > 180)) throw AppError.field(path, "lat/lng out of range");
}

/// Throws on the first problem found; returns the number of load dimensions.
export function validateProblem(p: VrpProblem): number {
  if (!p.fleet || p.fleet.length === 0) throw AppError.field("fleet", "needs at least one vehicle type");
  const dims = p.fleet[0]!.capacity?.length ?? 0;
  if (dims === 0) throw AppError.field("fleet.0.capacity", "needs at least one dimension");
  if (p.dimensions && p.dimensions.length !== dims)
    throw AppError.field("dimensions", `has ${p.dimensions.length} names for ${dims} dimension(s)`);
  p.fleet.forEach((v, i) => {
    vector(`fleet.${i}.capacity`, v.capacity, dims, true);
    if (v.count !== undefined && (!Number.isInteger(v.count) || v.count < 0))
      throw AppError.field(`fleet.${i}.count`, "must be an integer ≥ 0");
    if (v.fixedCost !== undefined && (!finite(v.fixedCost) || v.fixedCost < 0))
      throw AppError.field(`fleet.${i}.fixedCost`, "must be a finite number ≥ 0");
    if (v.maxDuration !== undefined && (!finite(v.maxDuration) || v.maxDuration < 0))
      throw AppError.field(`fleet.${i}.maxDuration`, "must be a finite number ≥ 0");
  });
  if (p.speed !== undefined && (!finite(p.speed) || p.speed <= 0)) throw AppError.field("speed", "must be a number > 0");
  if (p.maxDuration !== undefined && (!finite(p.maxDuration) || p.maxDuration < 0))
    throw AppError.field("maxDuration", "must be a finite number ≥ 0");
  window("depot", p.depot.earliest, p.depot.latest);
  p.stops.forEach((s, i) => {
    vector(`stops.${i}.delivery`, s.delivery, dims, true);
    vector(`stops.${i}.pickup`, s.pickup, dims, false);
    if (s.serviceTime !== undefined && (!finite(s.serviceTime) || s.serviceTime < 0))
      throw AppError.field(`stops.${i}.serviceTime`, "must be a finite number ≥ 0");
    window(`stops.${i}`, s.earliest, s.latest);
  });
  const d = p.distance;
  if (d.kind === "matrix") {
    const n = p.stops.length + 1;
    if (d.matrix.length !== n) throw AppError.field("distance.matrix", `needs ${n} rows (depot + ${n - 1} stops), got ${d.matrix.length}`);
    d.matrix.forEach((row, i) => {
      if (row.length !== n) throw AppError.field(`distance.matrix.${i}`, `needs ${n} columns, got ${row.length}`);
      row.forEach((x, j) => {
        if (!finite(x) || x < 0) throw AppError.field(`distance.matrix.${i}.${j}`, "must be a finite number ≥ 0");
      });
    });
  } else if (d.kind === "haversine" || d.kind === "euclidean") {
    point("depot", p.depot, d.kind);
    p.stops.forEach((s, i) => point(`stops.${i}`, s, d.kind));
    if (d.kind === "haversine" && d.roadFactor !== undefined && (!finite(d.roadFactor) || d.roadFactor < 1))
      throw AppError.field("distance.roadFactor", "must be a number ≥ 1");
  } else {
    throw AppError.field("distance.kind", "must be matrix, haversine or euclidean");
  }
  return dims;
}
