// Daily roll-ups of a county (Asia/Shanghai days): parcels created and finished, legs, loads and counter sales,
// recomputed set-based from the base tables so the dashboard's indicators never read raw history.
import { withPgTransaction, type Db, type PgClient } from "@xiangda/db";
import { AppError } from "@xiangda/domain";
import { shanghaiDay, shanghaiDaysRange } from "../listings/days.ts";
import { ALL, nodeTownships, shanghaiDate, SHIPMENT_END, SHIPMENT_TOWNSHIP } from "./sql.ts";

export interface RollupRange {
  countyCode: string;
  /// Asia/Shanghai days, both inclusive.
  from: string;
  to: string;
}

export interface RollupResult {
  days: number;
  ms: number;
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const realDay = (d: string) => DAY_RE.test(d) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

const NODE_TOWNSHIPS = nodeTownships(`"countyCode" = $1::varchar`);
const SH_DAY = shanghaiDate;

// $1::varchar county, $2 first instant, $3 end instant (exclusive).

/// Created (by createdAt: the BRIN) and finished (by finishedAt: the partial index) per day. A parcel without a
/// promise (never routed) broke no promise, so it counts as on time; late minutes are rounded up.
const SHIPMENT_STATS = `
WITH nt AS (${NODE_TOWNSHIPS}),
created AS (
  SELECT ${SH_DAY(`s."createdAt"`)} AS day, ${SHIPMENT_TOWNSHIP} AS township, coalesce(s."carrierId"::text, '') AS carrier, s.direction,
         count(*) AS created, sum(s."weightG") AS weight,
         0 AS finished, 0 AS on_time, 0 AS late, 0 AS late_minutes, 0 AS returned
    FROM "Shipment" s ${SHIPMENT_END}
   WHERE s."countyCode" = $1::varchar AND s."createdAt" >= $2 AND s."createdAt" < $3
   GROUP BY 1, 2, 3, 4),
finished AS (
  SELECT ${SH_DAY(`s."finishedAt"`)} AS day, ${SHIPMENT_TOWNSHIP} AS township, coalesce(s."carrierId"::text, '') AS carrier, s.direction,
         0 AS created, 0 AS weight,
         count(*) AS finished,
         count(*) FILTER (WHERE s."promisedAt" IS NULL OR s."finishedAt" <= s."promisedAt") AS on_time,
         count(*) FILTER (WHERE s."finishedAt" > s."promisedAt") AS late,
         coalesce(sum(ceil(extract(epoch FROM s."finishedAt" - s."promisedAt") / 60)) FILTER (WHERE s."finishedAt" > s."promisedAt"), 0) AS late_minutes,
         count(*) FILTER (WHERE s.status = 'RETURNED') AS returned
    FROM "Shipment" s ${SHIPMENT_END}
   WHERE s."countyCode" = $1::varchar AND s."finishedAt" >= $2 AND s."finishedAt" < $3
   GROUP BY 1, 2, 3, 4)
INSERT INTO "DailyShipmentStat" ("countyCode", day, "townshipCode", "carrierId", direction, created, "weightG", finished, "onTime", late, "lateMinutes", returned, "updatedAt")
SELECT $1::varchar, day, township, carrier, direction, sum(created)::int, sum(weight)::bigint, sum(finished)::int, sum(on_time)::int, sum(late)::int,
       sum(late_minutes)::bigint, sum(returned)::int, now()
  FROM (SELECT * FROM created UNION ALL SELECT * FROM finished) x
 GROUP BY day, township, carrier, direction`;

/// Legs of the parcels finished that day, each on the day its parcel finished. Every ARRIVED leg counts, whatever its
/// plan: a re-plan cancels only the legs not yet travelled, so earlier plans keep the legs the parcel really made.
/// Legs closed without their own arrival scan (skipped) have no actualArrive and are left out.
const LEG_STATS = `
WITH nt AS (${NODE_TOWNSHIPS})
INSERT INTO "DailyLegStat" ("countyCode", day, "townshipCode", "carrierId", direction, "legKind", arrived, "onTime", "lateMinutes", "updatedAt")
SELECT $1::varchar, ${SH_DAY(`s."finishedAt"`)}, ${SHIPMENT_TOWNSHIP}, coalesce(s."carrierId"::text, ''), s.direction,
       fn.tier::text || '>' || tn.tier::text,
       count(*)::int,
       count(*) FILTER (WHERE l."actualArrive" <= l."plannedArrive")::int,
       coalesce(sum(ceil(extract(epoch FROM l."actualArrive" - l."plannedArrive") / 60)) FILTER (WHERE l."actualArrive" > l."plannedArrive"), 0)::bigint,
       now()
  FROM "Shipment" s
  JOIN "ShipmentLeg" l ON l."shipmentId" = s.id AND l.status = 'ARRIVED' AND l."actualArrive" IS NOT NULL
  JOIN "Node" fn ON fn.id = l."fromNodeId"
  JOIN "Node" tn ON tn.id = l."toNodeId"
  ${SHIPMENT_END}
 WHERE s."countyCode" = $1::varchar AND s."finishedAt" >= $2 AND s."finishedAt" < $3
 GROUP BY 2, 3, 4, 5, 6`;

/// Planned loads by departure day, from their reports (see consolidation/plan.ts finishLoad). The township is the
/// station end: a milk run's station, a lane's end that is not the hub.
const CONSOLIDATION_STATS = `
WITH nt AS (${NODE_TOWNSHIPS}),
ld AS (
  SELECT ${SH_DAY(`l."departAt"`)} AS day, l."milkRun",
         CASE WHEN l."milkRun" OR fn.tier <> 'COUNTY_HUB' THEN fn.township ELSE coalesce(tn.township, '') END AS township,
         coalesce((l.report->>'vehicles')::int, 0) AS vehicles,
         coalesce((l.report->>'parcels')::int, 0) AS parcels,
         coalesce((l.report->>'fillWeight')::float8, 0) AS fill_weight,
         coalesce((l.report->>'fillVolume')::float8, 0) AS fill_volume,
         coalesce((l.report->>'plannedKm')::float8, 0) AS planned_km,
         coalesce((l.report->>'emptyKm')::float8, 0) AS empty_km,
         coalesce((l.report->'baseline'->>'trips')::int, 0) AS baseline_trips,
         coalesce((l.report->'baseline'->>'km')::float8, 0) AS baseline_km
    FROM "Load" l
    JOIN nt fn ON fn.id = l."nodeId"
    LEFT JOIN nt tn ON tn.id = l."toNodeId"
   WHERE l."countyCode" = $1::varchar AND l."departAt" >= $2 AND l."departAt" < $3 AND l.status IN ('PLANNED', 'DEPARTED', 'ARRIVED'))
INSERT INTO "DailyConsolidationStat" ("countyCode", day, "townshipCode", "milkRun", loads, vehicles, parcels, "fillWeightSum", "fillVolumeSum",
       "loadsWithVehicles", "plannedKm", "emptyKm", "baselineTrips", "baselineKm", "updatedAt")
SELECT $1::varchar, day, township, "milkRun", count(*)::int, sum(vehicles)::int, sum(parcels)::int,
       coalesce(sum(fill_weight) FILTER (WHERE vehicles > 0), 0), coalesce(sum(fill_volume) FILTER (WHERE vehicles > 0), 0),
       count(*) FILTER (WHERE vehicles > 0)::int, sum(planned_km), sum(empty_km), sum(baseline_trips)::int, sum(baseline_km), now()
  FROM ld
 GROUP BY day, township, "milkRun"`;

/// Counter sales by day, counter and product (the CounterSale (counterId, soldAt) index). A product is from a poor
/// village when its merchant's origin village is marked poor: the roll-up's key has no room for a batch's own origin.
const SALES_STATS = `
INSERT INTO "DailySalesStat" ("countyCode", day, "counterId", "venueType", "productId", "poorVillage", quantity, "amountFen", sales, "updatedAt")
SELECT $1::varchar, ${SH_DAY(`cs."soldAt"`)}, c.id, c."venueType", li."productId", bool_or(coalesce(a."isPoor", false)),
       sum(cs.quantity)::int, sum(cs."amountFen")::bigint, count(*)::int, now()
  FROM "Counter" c
  JOIN "CounterSale" cs ON cs."counterId" = c.id AND cs."soldAt" >= $2 AND cs."soldAt" < $3
  JOIN "Listing" li ON li.id = cs."listingId"
  JOIN "Product" p ON p.id = li."productId"
  JOIN "Merchant" m ON m.id = p."merchantId"
  LEFT JOIN "AdminArea" a ON a.code = m."originAreaCode"
 WHERE c."countyCode" = $1::varchar
 GROUP BY 2, c.id, li."productId"`;

/// The cube of a county's days (after the detail rows above): the same figures pre-summed with the sentinel '*' for
/// "all" at three levels per direction (and leg kind): (township, '*'), ('*', carrier) and ('*', '*'). '' stays "none"
/// (the hub, no carrier), so '*' never collides with a real key. The indicators read exactly one level each
/// (indicators.ts), so nothing is counted twice. $1 county, $2 first day, $3 last day.
const CUBE_SETS = `GROUPING SETS ((day, direction, "townshipCode"), (day, direction, "carrierId"), (day, direction))`;
const CUBE_KEY = `CASE WHEN GROUPING("townshipCode") = 1 THEN '${ALL}' ELSE "townshipCode" END,
       CASE WHEN GROUPING("carrierId") = 1 THEN '${ALL}' ELSE "carrierId" END`;
const DETAIL_ONLY = `"countyCode" = $1::varchar AND day BETWEEN $2::date AND $3::date AND "townshipCode" <> '${ALL}' AND "carrierId" <> '${ALL}'`;
const SHIPMENT_CUBE = `
INSERT INTO "DailyShipmentStat" ("countyCode", day, "townshipCode", "carrierId", direction, created, "weightG", finished, "onTime", late, "lateMinutes", returned, "updatedAt")
SELECT $1::varchar, day, ${CUBE_KEY}, direction, sum(created)::int, sum("weightG")::bigint, sum(finished)::int, sum("onTime")::int, sum(late)::int,
       sum("lateMinutes")::bigint, sum(returned)::int, now()
  FROM "DailyShipmentStat"
 WHERE ${DETAIL_ONLY}
 GROUP BY ${CUBE_SETS}`;
const LEG_CUBE = `
INSERT INTO "DailyLegStat" ("countyCode", day, "townshipCode", "carrierId", direction, "legKind", arrived, "onTime", "lateMinutes", "updatedAt")
SELECT $1::varchar, day, ${CUBE_KEY}, direction, "legKind", sum(arrived)::int, sum("onTime")::int, sum("lateMinutes")::bigint, now()
  FROM "DailyLegStat"
 WHERE ${DETAIL_ONLY}
 GROUP BY ${CUBE_SETS.replace(/direction/g, `direction, "legKind"`)}`;

const TABLES = ["DailyShipmentStat", "DailyLegStat", "DailyConsolidationStat", "DailySalesStat"] as const;

function checkRange(q: RollupRange): void {
  if (!/^\d{6}$/.test(q.countyCode)) throw AppError.at("countyCode", "COUNTY_CODE_DIGITS");
  if (!realDay(q.from)) throw AppError.at("from", "DATE_YYYY_MM_DD");
  if (!realDay(q.to)) throw AppError.at("to", "DATE_YYYY_MM_DD");
  if (q.from > q.to) throw AppError.at("from", "FROM_AFTER_TO");
}

async function rebuildInTx(c: PgClient, q: RollupRange): Promise<void> {
  // One rebuild of a county at a time: two would each delete, then collide on the keys the other inserted.
  await c.query(`SELECT pg_advisory_xact_lock(hashtext('dashboard.rollup'), hashtext($1))`, [q.countyCode]);
  const { start, end } = shanghaiDaysRange(q.from, q.to);
  for (const t of TABLES)
    await c.query(`DELETE FROM "${t}" WHERE "countyCode" = $1 AND day BETWEEN $2::date AND $3::date`, [q.countyCode, q.from, q.to]);
  const args = [q.countyCode, start, end];
  for (const sql of [SHIPMENT_STATS, LEG_STATS, CONSOLIDATION_STATS, SALES_STATS]) await c.query(sql, args);
  for (const sql of [SHIPMENT_CUBE, LEG_CUBE]) await c.query(sql, [q.countyCode, q.from, q.to]);
}

/// Replaces the county's roll-up rows of the days from..to (inclusive) in one transaction; idempotent.
export async function rebuildRollups(db: Db, q: RollupRange): Promise<RollupResult> {
  checkRange(q);
  const t0 = performance.now();
  await withPgTransaction(db, (client) => rebuildInTx(client, q));
  const days = Math.round((Date.parse(`${q.to}T00:00:00Z`) - Date.parse(`${q.from}T00:00:00Z`)) / 86_400_000) + 1;
  return { days, ms: Math.round(performance.now() - t0) };
}

/// One day of one county: what the `dashboard.rollup` job runs after events.
export async function rollupDay(db: Db, q: { countyCode: string; day: string }): Promise<RollupResult> {
  return rebuildRollups(db, { countyCode: q.countyCode, from: q.day, to: q.day });
}

/// The nightly rebuild: the last `days` Asia/Shanghai days up to the one containing `at`, of one county or of every
/// county, one county (one transaction) at a time.
export async function rebuildRecent(
  db: Db,
  q: { days: number; at: Date; countyCode?: string },
): Promise<(RollupResult & { countyCode: string })[]> {
  const to = shanghaiDay(q.at);
  const from = shanghaiDay(new Date(q.at.getTime() - (q.days - 1) * 86_400_000));
  const counties = q.countyCode
    ? [q.countyCode]
    : (await db.county.findMany({ select: { code: true }, orderBy: { code: "asc" } })).map((c) => c.code);
  const out: (RollupResult & { countyCode: string })[] = [];
  for (const countyCode of counties) out.push({ countyCode, ...(await rebuildRollups(db, { countyCode, from, to })) });
  return out;
}
