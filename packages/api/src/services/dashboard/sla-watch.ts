// The SLA watcher (scheduled every minute): lights follow the clock, each RED episode is recorded once as an alert
// for the node responsible, alerts of parcels no longer RED are resolved, and today's light snapshot is kept.
import { withPgTransaction, type Db } from "@xiangda/db";
import type { TLight } from "@xiangda/domain";
import { shanghaiDay } from "../listings/days.ts";
import { recomputeLights } from "../shipments/recompute-lights.ts";
import { nodeTownships, OPEN_STATUSES, SHIPMENT_END, SHIPMENT_TOWNSHIP } from "./sql.ts";

export interface SlaWatchResult {
  checked: number;
  changed: number;
  byLight: Record<TLight, number>;
  alertsCreated: number;
  alertsResolved: number;
  snapshotRows: number;
}

// $1 county or null (all), $2 now, $3 open statuses.
const COUNTY = (col: string) => `($1::varchar IS NULL OR ${col} = $1::varchar)`;

/// A RED episode's identity: the parcel and when it turned RED (what two watchers racing agree on).
const EPISODE_KEY = `s.id::text || ':' || coalesce(to_char(s."lightChangedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'unknown')`;

/// Kept while the parcel stays RED, even if a failed re-plan stamps a new lightChangedAt: one alert per episode.
const RESOLVE = `
UPDATE "RedAlert" a SET "resolvedAt" = $2
  FROM "Shipment" s
 WHERE s.id = a."shipmentId" AND a."resolvedAt" IS NULL AND ${COUNTY(`a."countyCode"`)}
   AND (s.light <> 'RED' OR s.status <> ALL($3::"ShipmentStatus"[]))`;

/// Responsible: the from-node of the first leg of the current plan not yet arrived (it holds the parcel or sent it
/// off), else where the parcel is, else where it started.
const CREATE = `
INSERT INTO "RedAlert" (id, "countyCode", "shipmentId", "nodeId", key, reason, "promisedAt", "createdAt")
SELECT gen_random_uuid(), s."countyCode", s.id, coalesce(leg."fromNodeId", s."currentNodeId", s."originNodeId"), ${EPISODE_KEY},
       s."lightReason", s."promisedAt", $2
  FROM "Shipment" s
  LEFT JOIN LATERAL (
    SELECT l."fromNodeId" FROM "ShipmentLeg" l
     WHERE l."shipmentId" = s.id AND l.status IN ('PLANNED', 'DEPARTED')
       AND l.plan = (SELECT max(l2.plan) FROM "ShipmentLeg" l2 WHERE l2."shipmentId" = s.id AND l2.status <> 'CANCELLED')
     ORDER BY l.seq LIMIT 1) leg ON true
 WHERE s.light = 'RED' AND s.status = ANY($3::"ShipmentStatus"[]) AND ${COUNTY(`s."countyCode"`)}
   AND NOT EXISTS (SELECT 1 FROM "RedAlert" a WHERE a."shipmentId" = s.id AND a."resolvedAt" IS NULL)
ON CONFLICT (key) DO NOTHING`;

// $4 today (Asia/Shanghai).
const SNAPSHOT = `
WITH nt AS (${nodeTownships(COUNTY(`"countyCode"`))}),
counts AS (
  SELECT s."countyCode", ${SHIPMENT_TOWNSHIP} AS township,
         count(*) FILTER (WHERE s.light = 'GREEN')::int AS green,
         count(*) FILTER (WHERE s.light = 'YELLOW')::int AS yellow,
         count(*) FILTER (WHERE s.light = 'RED')::int AS red
    FROM "Shipment" s ${SHIPMENT_END}
   WHERE s.status = ANY($3::"ShipmentStatus"[]) AND ${COUNTY(`s."countyCode"`)}
   GROUP BY 1, 2)
INSERT INTO "DailyLightSnapshot" ("countyCode", day, "townshipCode", green, yellow, red, "takenAt")
SELECT "countyCode", $4::date, township, green, yellow, red, $2 FROM counts
ON CONFLICT ("countyCode", day, "townshipCode")
DO UPDATE SET green = EXCLUDED.green, yellow = EXCLUDED.yellow, red = EXCLUDED.red, "takenAt" = EXCLUDED."takenAt"`;

/// Townships snapshotted earlier today that have no open parcel left now ($3 today).
const SNAPSHOT_EMPTIED = `
UPDATE "DailyLightSnapshot" SET green = 0, yellow = 0, red = 0, "takenAt" = $2
 WHERE day = $3::date AND "takenAt" < $2 AND ${COUNTY(`"countyCode"`)}`;

export async function watchSla(db: Db, opts: { countyCode?: string; now: Date }): Promise<SlaWatchResult> {
  const lights = await recomputeLights(db, { ...(opts.countyCode ? { countyCode: opts.countyCode } : {}), now: opts.now });
  return withPgTransaction(db, async (client) => {
    // Watchers run one at a time past this point: a second one then sees the first one's alerts and snapshot.
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('dashboard.slaWatch'))`);
    const args = [opts.countyCode ?? null, opts.now, [...OPEN_STATUSES]];
    const resolved = await client.query(RESOLVE, args);
    const created = await client.query(CREATE, args);
    const day = shanghaiDay(opts.now);
    const snap = await client.query(SNAPSHOT, [...args, day]);
    await client.query(SNAPSHOT_EMPTIED, [opts.countyCode ?? null, opts.now, day]);
    return {
      checked: lights.checked,
      changed: lights.changed,
      byLight: lights.byLight,
      alertsCreated: created.rowCount ?? 0,
      alertsResolved: resolved.rowCount ?? 0,
      snapshotRows: snap.rowCount ?? 0,
    };
  });
}
