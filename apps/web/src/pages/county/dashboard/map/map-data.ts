// The map's GeoJSON, built from dashboard.map: villages by coverage state, nodes by tier, lanes between node positions,
// today's loads per lane segment, and the bounds to fit. Pure, so it is tested without a browser.
import type { Feature, FeatureCollection, LineString, Point, Position } from "geojson";

export type TVillageState = "covered" | "uncovered" | "poorUncovered" | "poorCovered";

interface TVillageIn {
  code: string;
  name: string;
  lng: number | null;
  lat: number | null;
  synthetic: boolean;
  covered: boolean;
  poor: boolean;
}

interface TNodeIn {
  id: string;
  code: string;
  name: string;
  tier: string;
  status: string;
  lng: number | null;
  lat: number | null;
  synthetic: boolean;
}

interface TLaneIn {
  id: string;
  code: string;
  mode: string;
  fromNodeId: string;
  toNodeId: string;
}

interface TLoadIn {
  milkRun: boolean;
  nodeId: string;
  toNodeId: string | null;
  parcels: number;
}

export interface TVillageProps {
  code: string;
  name: string;
  state: TVillageState;
  synthetic: boolean;
  poor: boolean;
}

export interface TNodeProps {
  id: string;
  code: string;
  name: string;
  tier: string;
  status: string;
  synthetic: boolean;
}

export interface TLaneProps {
  id: string;
  code: string;
  mode: string;
}

export interface TLoadSegmentProps {
  loads: number;
  parcels: number;
  /** Line width in pixels: wider for more parcels, capped. */
  width: number;
}

const hasPosition = <T extends { lng: number | null; lat: number | null }>(p: T): p is T & { lng: number; lat: number } =>
  typeof p.lng === "number" && typeof p.lat === "number" && Number.isFinite(p.lng) && Number.isFinite(p.lat);

export function villageState(v: { covered: boolean; poor: boolean }): TVillageState {
  if (v.poor) return v.covered ? "poorCovered" : "poorUncovered";
  return v.covered ? "covered" : "uncovered";
}

const point = <P>(lng: number, lat: number, properties: P): Feature<Point, P> => ({
  type: "Feature",
  geometry: { type: "Point", coordinates: [lng, lat] },
  properties,
});

/** Villages with a position (the others are counted in the legend instead). */
export function villageFeatures(villages: readonly TVillageIn[]): FeatureCollection<Point, TVillageProps> {
  return {
    type: "FeatureCollection",
    features: villages
      .filter(hasPosition)
      .map((v) => point(v.lng, v.lat, { code: v.code, name: v.name, state: villageState(v), synthetic: v.synthetic, poor: v.poor })),
  };
}

export function nodeFeatures(nodes: readonly TNodeIn[]): FeatureCollection<Point, TNodeProps> {
  return {
    type: "FeatureCollection",
    features: nodes
      .filter(hasPosition)
      .map((n) => point(n.lng, n.lat, { id: n.id, code: n.code, name: n.name, tier: n.tier, status: n.status, synthetic: n.synthetic })),
  };
}

type TPositions = ReadonlyMap<string, Position>;

export function nodePositions(nodes: readonly TNodeIn[]): Map<string, Position> {
  return new Map(nodes.filter(hasPosition).map((n) => [n.id, [n.lng, n.lat]]));
}

const line = <P>(from: Position, to: Position, properties: P): Feature<LineString, P> => ({
  type: "Feature",
  geometry: { type: "LineString", coordinates: [from, to] },
  properties,
});

/** Lanes as straight lines between their nodes (both ends must have a position). */
export function laneFeatures(lanes: readonly TLaneIn[], positions: TPositions): FeatureCollection<LineString, TLaneProps> {
  const features: Feature<LineString, TLaneProps>[] = [];
  for (const lane of lanes) {
    const from = positions.get(lane.fromNodeId);
    const to = positions.get(lane.toNodeId);
    if (from && to) features.push(line(from, to, { id: lane.id, code: lane.code, mode: lane.mode }));
  }
  return { type: "FeatureCollection", features };
}

/**
 * Today's loads drawn on the segments they ride: a load to a node on that segment; a milk run (no single far end) on
 * every milk-run lane out of its station. Loads sharing a segment add up.
 */
export function loadFeatures(
  loads: readonly TLoadIn[],
  lanes: readonly TLaneIn[],
  positions: TPositions,
): FeatureCollection<LineString, TLoadSegmentProps> {
  const segments = new Map<string, { from: string; to: string; loads: number; parcels: number }>();
  const add = (from: string, to: string, parcels: number) => {
    const key = `${from}>${to}`;
    const s = segments.get(key) ?? { from, to, loads: 0, parcels: 0 };
    s.loads += 1;
    s.parcels += parcels;
    segments.set(key, s);
  };
  for (const load of loads) {
    if (load.toNodeId) add(load.nodeId, load.toNodeId, load.parcels);
    else if (load.milkRun) {
      const runs = lanes.filter((l) => l.mode === "MILK_RUN" && l.fromNodeId === load.nodeId);
      // The parcels are spread over the run's lanes so a run with many lanes is not drawn many times as heavy.
      for (const lane of runs) add(lane.fromNodeId, lane.toNodeId, load.parcels / runs.length);
    }
  }
  const features: Feature<LineString, TLoadSegmentProps>[] = [];
  for (const s of segments.values()) {
    const from = positions.get(s.from);
    const to = positions.get(s.to);
    if (!from || !to) continue;
    const parcels = Math.round(s.parcels);
    features.push(line(from, to, { loads: s.loads, parcels, width: Math.min(10, 3 + Math.sqrt(parcels) / 2) }));
  }
  return { type: "FeatureCollection", features };
}

/** Loads departing from each node today. */
export function loadsByNode(loads: ReadonlyArray<{ nodeId: string }>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const l of loads) counts.set(l.nodeId, (counts.get(l.nodeId) ?? 0) + 1);
  return counts;
}

/** The boundary if it is a GeoJSON FeatureCollection (the API sends it as stored). */
export function asFeatureCollection(value: unknown): FeatureCollection | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as { type?: unknown; features?: unknown };
  return v.type === "FeatureCollection" && Array.isArray(v.features) ? (value as FeatureCollection) : null;
}

function eachPosition(value: unknown, visit: (lng: number, lat: number) => void): void {
  if (!Array.isArray(value)) return;
  if (value.length >= 2 && typeof value[0] === "number" && typeof value[1] === "number") {
    visit(value[0], value[1]);
    return;
  }
  for (const item of value) eachPosition(item, visit);
}

export type TBounds = [[number, number], [number, number]];

/** The box around the boundary and the given points (a node may sit outside a coarse outline); null when there is nothing. */
export function boundsOf(
  boundary: FeatureCollection | null,
  points: ReadonlyArray<{ lng: number | null; lat: number | null }>,
): TBounds | null {
  let minLng = Infinity;
  let minLat = Infinity;
  let maxLng = -Infinity;
  let maxLat = -Infinity;
  const visit = (lng: number, lat: number) => {
    if (!Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lat) > 90 || Math.abs(lng) > 180) return;
    minLng = Math.min(minLng, lng);
    minLat = Math.min(minLat, lat);
    maxLng = Math.max(maxLng, lng);
    maxLat = Math.max(maxLat, lat);
  };
  for (const f of boundary?.features ?? []) {
    const geometry = f.geometry as { coordinates?: unknown; geometries?: Array<{ coordinates?: unknown }> } | null;
    eachPosition(geometry?.coordinates, visit);
    for (const g of geometry?.geometries ?? []) eachPosition(g.coordinates, visit);
  }
  for (const p of points.filter(hasPosition)) visit(p.lng, p.lat);
  if (minLng === Infinity) return null;
  // A single point still needs a box to fit.
  const pad = minLng === maxLng && minLat === maxLat ? 0.05 : 0;
  return [
    [minLng - pad, minLat - pad],
    [maxLng + pad, maxLat + pad],
  ];
}
