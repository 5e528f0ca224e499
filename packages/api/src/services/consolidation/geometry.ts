// Distances between a load's nodes: haversine on their areas' positions times a road factor; a node
// without a position is placed by its lane's transit time from the station (40 km/h).
/// A pool or a client inside a transaction.
export interface Queryable {
  query<R extends object>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}
import type { Row } from "@xiangda/db";
import { DEFAULT_ROAD_FACTOR, haversineKm } from "@xiangda/domain";

export const SPEED_KM_PER_MIN = 40 / 60;

/// A node with its area's position; `openingHours` ("HH:MM-HH:MM", Asia/Shanghai): milk runs call within it.
export type NodePlace = Row<"Node", "id" | "code" | "name" | "openingHours"> & Row<"AdminArea", "lat" | "lng">;

export async function loadPlaces(pool: Queryable, ids: string[]): Promise<Map<string, NodePlace>> {
  const r = await pool.query<NodePlace>(
    `SELECT n.id, n.code, n.name, a.lat, a.lng, n."openingHours" FROM "Node" n JOIN "AdminArea" a ON a.code = n."areaCode" WHERE n.id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(r.rows.map((x) => [x.id, x]));
}

/// km between two nodes; `fallback(nodeId)` is the km from the base node when a position is missing.
export function kmBetween(a: NodePlace | undefined, b: NodePlace | undefined, fallback: (id: string) => number): number {
  if (!a || !b || a.id === b.id) return 0;
  if (a.lat != null && a.lng != null && b.lat != null && b.lng != null)
    return haversineKm({ lat: a.lat, lng: a.lng }, { lat: b.lat, lng: b.lng }) * DEFAULT_ROAD_FACTOR;
  return fallback(a.id) + fallback(b.id);
}

/// Lane transit minutes from `base` to each node (either direction), as km at 40 km/h.
export async function transitKm(pool: Queryable, base: string): Promise<Map<string, number>> {
  const r = await pool.query<{ other: string; minutes: number }>(
    `SELECT CASE WHEN "fromNodeId" = $1 THEN "toNodeId" ELSE "fromNodeId" END AS other, min("transitMinutes") AS minutes
     FROM "Lane" WHERE "fromNodeId" = $1 OR "toNodeId" = $1 GROUP BY 1`,
    [base],
  );
  return new Map(r.rows.map((x) => [x.other, x.minutes * SPEED_KM_PER_MIN]));
}
