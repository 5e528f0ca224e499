// Only legs still pending may be in an open load (issue 17, defect 1). A leg that a scan completed (handed over,
// departed, arrived, delivered, shelved, in exception) or a re-plan cancelled leaves its open load, and so does a second
// item of the same parcel: the item stays as REMOVED with a reason code, so the load shows what left it and why.
// Called where legs change (scans, re-plans), by the assignment sweep, and by the seal itself inside its transaction,
// which is what makes a sealed load hold only the legs pending when it was sealed.
import type { Row } from "@xiangda/db";
import type { Queryable } from "./geometry.ts";

/// Why an item left its load.
export const LOAD_ITEM_REMOVED_REASONS = [
  /// The leg was cancelled by a re-plan (or is not the parcel's current plan).
  "REPLANNED",
  /// Scanned out (DEPART, HANDOVER) outside the load.
  "LEG_DEPARTED",
  /// Scanned in at the leg's end (or beyond) without leaving with the load.
  "LEG_ARRIVED",
  /// The parcel is no longer where the leg starts (scanned elsewhere).
  "PARCEL_MOVED",
  /// A second item of a parcel already in the load.
  "DUPLICATE",
] as const;
/// Plus PARCEL_<status> for a parcel no longer waiting to leave: PARCEL_DELIVERED, PARCEL_AWAITING_PICKUP (on the
/// shelf), PARCEL_EXCEPTION, PARCEL_RETURNED, PARCEL_CANCELLED, PARCEL_LOST.
export type TLoadItemRemovedReason = (typeof LOAD_ITEM_REMOVED_REASONS)[number] | `PARCEL_${string}`;

/// The reason an ASSIGNED item of an open load is no longer pending, or NULL when it is. "Pending" is exactly what
/// the assignment sweep puts into a load (READY_SQL): the leg is PLANNED and of the parcel's latest plan, and the
/// parcel waits at the leg's start in a state that may leave.
const REASON = `CASE
    WHEN g.status = 'CANCELLED' OR g.plan < (SELECT max(x.plan) FROM "ShipmentLeg" x WHERE x."shipmentId" = g."shipmentId") THEN 'REPLANNED'
    WHEN s.status::text NOT IN ('CREATED', 'ACCEPTED', 'AT_NODE', 'IN_TRANSIT') THEN 'PARCEL_' || s.status::text
    WHEN g.status = 'DEPARTED' THEN 'LEG_DEPARTED'
    WHEN g.status = 'ARRIVED' THEN 'LEG_ARRIVED'
    WHEN s.status = 'IN_TRANSIT' OR s."currentNodeId" IS DISTINCT FROM g."fromNodeId" THEN 'PARCEL_MOVED'
  END`;

// $1 load ids (null: any), $2 now, $3 only these parcels' items (null: every item of the loads), $4 county (null: any).
// One statement: the open loads concerned are share-locked first (as the assignment does), so it waits for a seal in
// progress and then, the load no longer OPEN, leaves it alone; a seal waits for it.
const RELEASE_SQL = `
WITH open AS (
  SELECT l.id FROM "Load" l
  WHERE l.status = 'OPEN' AND ($1::uuid[] IS NULL OR l.id = ANY($1::uuid[])) AND ($4::varchar IS NULL OR l."countyCode" = $4)
    AND ($3::uuid[] IS NULL OR EXISTS (SELECT 1 FROM "LoadItem" i WHERE i."loadId" = l.id AND i."shipmentId" = ANY($3::uuid[]) AND i.status = 'ASSIGNED'))
  ORDER BY l.id FOR SHARE OF l
), cand AS (
  SELECT i.id, i."loadId", i."shipmentId", ${REASON} AS reason
  FROM "LoadItem" i
  JOIN open o ON o.id = i."loadId"
  JOIN "ShipmentLeg" g ON g.id = i."legId"
  JOIN "Shipment" s ON s.id = i."shipmentId"
  WHERE i.status = 'ASSIGNED' AND ($3::uuid[] IS NULL OR i."shipmentId" = ANY($3::uuid[]))
), judged AS (
  SELECT id, coalesce(reason,
    CASE WHEN row_number() OVER (PARTITION BY "loadId", "shipmentId", reason IS NULL ORDER BY id) > 1 THEN 'DUPLICATE' END) AS reason
  FROM cand
)
UPDATE "LoadItem" i SET status = 'REMOVED', "removedReason" = j.reason, "removedAt" = $2, "loadVehicleId" = NULL
FROM judged j WHERE i.id = j.id AND j.reason IS NOT NULL
RETURNING i.id::text AS id, i."loadId", i."shipmentId", i."legId", i."removedReason" AS reason`;

export type ReleasedItem = Row<"LoadItem", "id" | "loadId" | "shipmentId" | "legId"> & { reason: TLoadItemRemovedReason };

export interface ReleaseScope {
  /// Loads to check (a seal: its own load).
  loadIds?: string[] | null;
  /// Parcels whose legs just changed (a scan, a re-plan): only their items are checked.
  shipmentIds?: string[] | null;
  countyCode?: string | null;
}

/// Releases the items of open loads in scope whose legs are no longer pending, in one statement (a pool, a client in a
/// transaction, or Prisma's transaction through `prismaQueryable`). Returns the items released.
export async function releaseStaleItems(q: Queryable, scope: ReleaseScope, now: Date): Promise<ReleasedItem[]> {
  if (scope.shipmentIds && !scope.shipmentIds.length) return [];
  if (scope.loadIds && !scope.loadIds.length) return [];
  return (await q.query<ReleasedItem>(RELEASE_SQL, [scope.loadIds ?? null, now, scope.shipmentIds ?? null, scope.countyCode ?? null])).rows;
}

/// A Prisma transaction (or client) as a Queryable, for callers that hold one (re-planning).
export function prismaQueryable(tx: { $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T> }): Queryable {
  return {
    query: async <R extends object>(text: string, values: unknown[] = []) => ({ rows: await tx.$queryRawUnsafe<R[]>(text, ...values) }),
  };
}
