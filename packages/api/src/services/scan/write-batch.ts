// A scan batch's one write: parcels, legs, timeline, outbox and scan records in one statement, atomic on its own and
// refused as a whole when a parcel read has changed since.
import type { PgPool } from "@xiangda/db";
import type { Actor } from "@xiangda/domain";
import type { OutboxRow } from "@xiangda/jobs";
import type { EventRow, LegRow, ParcelRow } from "./batch-rows.ts";
import type { TScan } from "./schemas.ts";
import type { ScanResult } from "./scan-result.ts";

/// A scan as stored (ScanEvent): the scan, its result and the parcel it found.
export type ScanRow = { s: TScan; result: ScanResult; shipmentId: string | null };

export interface Writes {
  /// Row version (xmin) of every parcel read: the decisions hold only if none has changed since.
  versions: Map<string, string>;
  parcels: ParcelRow[];
  legs: LegRow[];
  events: EventRow[];
  outbox: OutboxRow[];
  scanRows: ScanRow[];
  /// Parcels delivered by this batch.
  delivered: string[];
}

/// Everything the batch changed in one statement: parcels, legs, timeline, outbox, scan records, and the stock of
/// listings whose restock parcels were delivered.
/// When a parcel read has changed since (another scan, a re-plan), the last line divides by zero:
/// the statement fails as a whole, nothing is written, and the call runs again. Parcels it updates are
/// checked by the update itself (only rows still at the version read are updated, and all must be);
/// parcels it only read (refused scans) are checked by `changed`.
export const WRITE_SQL = `
WITH sh AS (
  UPDATE "Shipment" s SET status = u.status::"ShipmentStatus", "currentNodeId" = u.cur, "lastScanAt" = u.last, "loadedVehicleId" = u.veh,
    "exceptionReason" = u.exc, "shelfSlot" = u.slot, "pickupCode" = u.pcode, "readyForPickupAt" = u.ready,
    light = u.light::"Light", "lightReason" = u.lreason, "lightChangedAt" = u.lat, "finishedAt" = u.fin, "updatedAt" = $1
  FROM json_to_recordset($2::json) AS u(id uuid, status text, cur uuid, last timestamptz, veh uuid, exc text, slot text, pcode text,
    ready timestamptz, light text, lreason text, lat timestamptz, fin timestamptz, v text)
  WHERE s.id = u.id AND s.xmin::text = u.v RETURNING 1
), lg AS (
  UPDATE "ShipmentLeg" l SET status = u.status::"LegStatus", "actualDepart" = u.dep, "actualArrive" = u.arr
  FROM json_to_recordset($3::json) AS u(id uuid, status text, dep timestamptz, arr timestamptz) WHERE l.id = u.id RETURNING 1
), ev AS (
  INSERT INTO "ShipmentEvent" ("shipmentId", at, type, "nodeId", "actorId", details)
  SELECT a, b, c, d, e, f FROM ROWS FROM (json_to_recordset($4::json) AS (a uuid, b timestamptz, c text, d uuid, e uuid, f jsonb)) WITH ORDINALITY AS u(a, b, c, d, e, f, n) ORDER BY n
  RETURNING 1
), ob AS (
  INSERT INTO "OutboxEvent" (queue, name, "jobId", payload)
  SELECT a, b, c, d FROM ROWS FROM (json_to_recordset($5::json) AS (a text, b text, c text, d jsonb)) WITH ORDINALITY AS u(a, b, c, d, n) ORDER BY n
  ON CONFLICT ("jobId") DO NOTHING RETURNING 1
), sc AS (
  INSERT INTO "ScanEvent" ("clientScanId", "userId", "nodeId", code, action, "vehicleId", "deviceAt", "receivedAt", outcome, message, "shipmentId", result)
  SELECT a, $6::uuid, b, c, d, e, f, $1, g, h, i, j
  FROM ROWS FROM (json_to_recordset($7::json) AS (a uuid, b uuid, c text, d text, e uuid, f timestamptz, g text, h text, i uuid, j jsonb)) WITH ORDINALITY AS u(a, b, c, d, e, f, g, h, i, j, n) ORDER BY n
  RETURNING 1
), rs AS (
  -- A restock parcel delivered at the counter's node: its units join the listing's stock, once (stockedAt).
  UPDATE "RestockShipment" r SET "stockedAt" = $1
  WHERE r."shipmentId" = ANY($9::uuid[]) AND r."stockedAt" IS NULL AND r."lineId" IS NOT NULL
  RETURNING r."lineId", r.units
), st AS (
  UPDATE "Listing" li SET stock = li.stock + x.units, "updatedAt" = $1
  FROM (SELECT l."listingId", sum(rs.units)::int AS units FROM rs JOIN "RestockLine" l ON l.id = rs."lineId" GROUP BY 1) x
  WHERE li.id = x."listingId" RETURNING 1
), changed AS (
  SELECT count(*) AS n FROM "Shipment" s JOIN json_to_recordset($8::json) AS g(id uuid, v text) ON s.id = g.id WHERE s.xmin::text <> g.v
)
SELECT 1 / (CASE WHEN (SELECT n FROM changed) = 0 AND (SELECT count(*) FROM sh) = json_array_length($2::json) THEN 1 ELSE 0 END) AS ok,
  (SELECT count(*) FROM lg) + (SELECT count(*) FROM ev) + (SELECT count(*) FROM ob) + (SELECT count(*) FROM sc) + (SELECT count(*) FROM st) AS rows`;

export async function writeAll(c: PgPool, actor: Actor, now: Date, w: Writes): Promise<void> {
  if (!w.scanRows.length) return;
  const { parcels: p, legs: l, events: e, outbox: o, scanRows: r } = w;
  const updated = new Set(p.map((x) => x.id));
  // Each table's rows travel as one JSON array (json_to_recordset): far cheaper to build than 40 array parameters.
  await c.query({
    name: "xd_scan_write",
    text: WRITE_SQL,
    values: [
      now,
      JSON.stringify(
        p.map((x) => ({
          id: x.id,
          status: x.status,
          cur: x.currentNodeId,
          last: x.lastScanAt,
          veh: x.loadedVehicleId,
          exc: x.exceptionReason,
          slot: x.shelfSlot,
          pcode: x.pickupCode,
          ready: x.readyForPickupAt,
          light: x.light,
          lreason: x.lightReason,
          lat: x.lightChangedAt,
          fin: x.finishedAt,
          v: w.versions.get(x.id)!,
        })),
      ),
      JSON.stringify(l.map((x) => ({ id: x.id, status: x.status, dep: x.actualDepart, arr: x.actualArrive }))),
      JSON.stringify(e.map((x) => ({ a: x.shipmentId, b: x.at, c: x.type, d: x.nodeId, e: x.actorId, f: x.details }))),
      JSON.stringify(o.map((x) => ({ a: x.queue, b: x.name, c: x.jobId, d: x.payload }))),
      actor.userId,
      JSON.stringify(
        r.map((x) => ({
          a: x.s.clientScanId,
          b: x.s.nodeId,
          c: x.s.code.slice(0, 64),
          // An action the server could not infer is stored as AUTO (no action was applied).
          d: x.result.action ?? x.s.action ?? "AUTO",
          e: x.s.vehicleId ?? null,
          f: x.s.at,
          g: x.result.outcome,
          h: x.result.message,
          i: x.shipmentId,
          j: x.result,
        })),
      ),
      JSON.stringify([...w.versions].filter(([id]) => !updated.has(id)).map(([id, v]) => ({ id, v }))),
      w.delivered,
    ],
  });
}
