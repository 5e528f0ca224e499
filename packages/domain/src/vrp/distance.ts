// The solver's distance matrix, computed once: node 0 is the depot, node i the stop i − 1.
import type { VrpPoint, VrpProblem } from "./types.ts";

export const EARTH_RADIUS_KM = 6371.0088;
export const DEFAULT_ROAD_FACTOR = 1.3;

/// Great-circle distance in km.
export function haversineKm(a: VrpPoint, b: VrpPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat! - a.lat!) * rad;
  const dLng = (b.lng! - a.lng!) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat! * rad) * Math.cos(b.lat! * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/// Row-major n × n matrix.
export function distanceMatrix(p: VrpProblem): Float64Array {
  const n = p.stops.length + 1;
  const m = new Float64Array(n * n);
  const d = p.distance;
  if (d.kind === "matrix") {
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m[i * n + j] = i === j ? 0 : d.matrix[i]![j]!;
    return m;
  }
  const pts: VrpPoint[] = [p.depot, ...p.stops];
  const factor = d.kind === "haversine" ? (d.roadFactor ?? DEFAULT_ROAD_FACTOR) : 1;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = pts[i]!;
      const b = pts[j]!;
      let v: number;
      if (d.kind === "haversine") v = haversineKm(a, b) * factor;
      else {
        v = Math.sqrt((a.x! - b.x!) ** 2 + (a.y! - b.y!) ** 2);
        if (d.round) v = Math.round(v);
      }
      m[i * n + j] = v;
      m[j * n + i] = v;
    }
  }
  return m;
}
