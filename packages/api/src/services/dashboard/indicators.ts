// The dashboard's indicators over a range of days, read from the daily roll-ups only (rollup.ts): volumes, on-time
// rates, consolidation savings, counter sales and the light history. Ratios are null when their denominator is 0.
import { loadEnv } from "@xiangda/config";
import { pgPool, type Db, type DB, type Row, type Selectable } from "@xiangda/db";
import type { TDashboardFilter, THistory } from "./schemas.ts";
import { ALL, townshipOf } from "./sql.ts";

type Num = string | number | null;
/// Sums of a roll-up's columns, named as the columns are.
type Sums<T extends keyof DB, K extends keyof Selectable<DB[T]>> = Record<K, Num>;
/// pg returns bigint sums as strings; our sums stay far below 2^53.
const n = (v: Num | undefined): number => Number(v ?? 0);
export const ratio = (part: number, whole: number): number | null => (whole ? Math.round((part / whole) * 10_000) / 10_000 : null);
const km = (v: number): number => Math.round(v * 1000) / 1000;

/// Every day from..to inclusive, as 'YYYY-MM-DD'.
export function eachDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`), end = Date.parse(`${to}T00:00:00Z`); t <= end; t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

// $1 county, $2 from, $3 to, $4 township, $5 carrier, $6 direction (null: any). The roll-ups hold detail rows and
// their cube ('*' for "all", rollup.ts); every read takes exactly one level so nothing is counted twice.
// LEVEL: the filtered township and carrier, or '*' for "all" (totals, per day, per direction, per leg kind).
const DIRECTION = `($6::"Direction" IS NULL OR direction = $6::"Direction")`;
// The days as an array, not a range: the primary key (countyCode, day, townshipCode, carrierId, …) then finds each
// day's few rows of the level by one descent instead of walking every row of the range (PostgreSQL 15 has no skip scan).
const EACH_DAY = `day = ANY(ARRAY(SELECT generate_series($2::date, $3::date, interval '1 day')::date))`;
const STAT_WHERE = `"countyCode" = $1 AND ${EACH_DAY}
  AND "townshipCode" = coalesce($4::varchar, '${ALL}') AND "carrierId" = coalesce($5::varchar, '${ALL}')
  AND ${DIRECTION}`;
/// Per township: the township rows (not '*') at the filtered carrier's level.
const TOWNSHIP_WHERE = `"countyCode" = $1 AND ${EACH_DAY}
  AND "townshipCode" <> '${ALL}' AND ($4::varchar IS NULL OR "townshipCode" = $4::varchar) AND "carrierId" = coalesce($5::varchar, '${ALL}')
  AND ${DIRECTION}`;
const statArgs = (f: TDashboardFilter) => [f.countyCode, f.from, f.to, f.townshipCode ?? null, f.carrierId ?? null, f.direction ?? null];
const DAY = `to_char(day, 'YYYY-MM-DD')`;

export async function volumes(db: Db, f: TDashboardFilter) {
  const rows = (
    await pgPool(db).query<{ day: string; downCreated: number; upCreated: number; downFinished: number; upFinished: number }>(
      `SELECT ${DAY} AS day,
              coalesce(sum(created) FILTER (WHERE direction = 'DOWN'), 0)::int AS "downCreated",
              coalesce(sum(created) FILTER (WHERE direction = 'UP'), 0)::int AS "upCreated",
              coalesce(sum(finished) FILTER (WHERE direction = 'DOWN'), 0)::int AS "downFinished",
              coalesce(sum(finished) FILTER (WHERE direction = 'UP'), 0)::int AS "upFinished"
         FROM "DailyShipmentStat" WHERE ${STAT_WHERE} GROUP BY day`,
      statArgs(f),
    )
  ).rows;
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const days = eachDay(f.from, f.to).map((day) => {
    const r = byDay.get(day);
    return {
      day,
      downCreated: r?.downCreated ?? 0,
      upCreated: r?.upCreated ?? 0,
      downFinished: r?.downFinished ?? 0,
      upFinished: r?.upFinished ?? 0,
    };
  });
  const totals = { downCreated: 0, upCreated: 0, downFinished: 0, upFinished: 0 };
  for (const d of days) {
    totals.downCreated += d.downCreated;
    totals.upCreated += d.upCreated;
    totals.downFinished += d.downFinished;
    totals.upFinished += d.upFinished;
  }
  return { days, totals };
}

type OnTimeRow = Row<"DailyShipmentStat", "finished" | "onTime"> & {
  g_day: number;
  g_dir: number;
  day: string | null;
  direction: Row<"DailyShipmentStat", "direction">["direction"] | null;
};

/// Parcels finished on time (by their promise) per direction, township and day, and legs on time per kind of leg.
export async function onTime(db: Db, f: TDashboardFilter) {
  const pool = pgPool(db);
  const [groups, towns, legs] = await Promise.all([
    pool.query<OnTimeRow>(
      `SELECT GROUPING(day) AS g_day, GROUPING(direction) AS g_dir,
              ${DAY} AS day, direction::text AS direction, sum(finished)::int AS finished, sum("onTime")::int AS "onTime"
         FROM "DailyShipmentStat" WHERE ${STAT_WHERE} AND finished > 0
        GROUP BY GROUPING SETS ((), (day), (direction))`,
      statArgs(f),
    ),
    pool.query<{ townshipCode: string; finished: number; onTime: number }>(
      `SELECT "townshipCode", sum(finished)::int AS finished, sum("onTime")::int AS "onTime"
         FROM "DailyShipmentStat" WHERE ${TOWNSHIP_WHERE} AND finished > 0
        GROUP BY "townshipCode"`,
      statArgs(f),
    ),
    pool.query<{ legKind: string; arrived: number; onTime: number }>(
      `SELECT "legKind", sum(arrived)::int AS arrived, sum("onTime")::int AS "onTime"
         FROM "DailyLegStat" WHERE ${STAT_WHERE} GROUP BY "legKind" ORDER BY "legKind"`,
      statArgs(f),
    ),
  ]);
  const rows = groups.rows;
  const total = rows.find((r) => r.g_day && r.g_dir);
  const perDay = new Map(rows.filter((r) => !r.g_day).map((r) => [r.day!, r]));
  const perDir = new Map(rows.filter((r) => !r.g_dir).map((r) => [r.direction!, r]));
  const perTown = towns.rows.sort((a, b) => a.townshipCode.localeCompare(b.townshipCode));
  const names = await townshipNames(
    db,
    perTown.map((r) => r.townshipCode),
  );
  const finished = total?.finished ?? 0;
  const on = total?.onTime ?? 0;
  const directions = f.direction ? [f.direction] : (["DOWN", "UP"] as const);
  return {
    finished,
    onTime: on,
    rate: ratio(on, finished),
    byDirection: directions.map((direction) => {
      const r = perDir.get(direction);
      return { direction, finished: r?.finished ?? 0, onTime: r?.onTime ?? 0, rate: ratio(r?.onTime ?? 0, r?.finished ?? 0) };
    }),
    byLegKind: legs.rows.map((r) => ({ legKind: r.legKind, arrived: r.arrived, onTime: r.onTime, rate: ratio(r.onTime, r.arrived) })),
    byTownship: perTown.map((r) => ({
      townshipCode: r.townshipCode,
      townshipName: names.get(r.townshipCode) ?? null,
      finished: r.finished,
      onTime: r.onTime,
      rate: ratio(r.onTime, r.finished),
    })),
    days: eachDay(f.from, f.to).map((day) => {
      const r = perDay.get(day);
      return { day, finished: r?.finished ?? 0, onTime: r?.onTime ?? 0, rate: ratio(r?.onTime ?? 0, r?.finished ?? 0) };
    }),
  };
}

/// Names of townships by code; '' (the county hub) has none.
async function townshipNames(db: Db, codes: string[]): Promise<Map<string, string>> {
  const wanted = codes.filter((c) => c !== "");
  if (!wanted.length) return new Map();
  const rows = await db.adminArea.findMany({ where: { code: { in: wanted } }, select: { code: true, name: true } });
  return new Map(rows.map((r) => [r.code, r.name]));
}

/// Cost of a trip: a fixed part per vehicle trip and a part per km (integer fen, from the environment).
export function costModel(env = loadEnv()): { perTripFen: number; perKmFen: number } {
  return { perTripFen: env.XD_COST_PER_TRIP_FEN, perKmFen: env.XD_COST_PER_KM_FEN };
}

type ConsolidationRow = { g: number; day: string | null } & Sums<
  "DailyConsolidationStat",
  | "loads"
  | "vehicles"
  | "parcels"
  | "fillWeightSum"
  | "fillVolumeSum"
  | "loadsWithVehicles"
  | "plannedKm"
  | "emptyKm"
  | "baselineTrips"
  | "baselineKm"
>;

/// Loads, vehicles, fill, km against the per-carrier baseline, and an estimated cost per parcel. Carrier and
/// direction do not apply: a consolidated load carries every carrier's parcels both ways.
export async function consolidation(db: Db, f: TDashboardFilter) {
  const rows = (
    await pgPool(db).query<ConsolidationRow>(
      `SELECT GROUPING(day) AS g, ${DAY} AS day, sum(loads) AS loads, sum(vehicles) AS vehicles, sum(parcels) AS parcels,
              sum("fillWeightSum") AS "fillWeightSum", sum("fillVolumeSum") AS "fillVolumeSum", sum("loadsWithVehicles") AS "loadsWithVehicles",
              sum("plannedKm") AS "plannedKm", sum("emptyKm") AS "emptyKm", sum("baselineTrips") AS "baselineTrips", sum("baselineKm") AS "baselineKm"
         FROM "DailyConsolidationStat"
        WHERE "countyCode" = $1 AND day BETWEEN $2::date AND $3::date AND ($4::varchar IS NULL OR "townshipCode" = $4::varchar)
        GROUP BY GROUPING SETS ((), (day))`,
      [f.countyCode, f.from, f.to, f.townshipCode ?? null],
    )
  ).rows;
  const t = rows.find((r) => r.g === 1);
  const cost = costModel();
  const vehicles = n(t?.vehicles);
  const parcels = n(t?.parcels);
  const plannedKm = n(t?.plannedKm);
  const baselineTrips = n(t?.baselineTrips);
  const baselineKm = n(t?.baselineKm);
  const withVehicles = n(t?.loadsWithVehicles);
  const perParcel = (trips: number, kms: number) =>
    parcels ? Math.round((trips * cost.perTripFen + kms * cost.perKmFen) / parcels) : null;
  const perDay = new Map(rows.filter((r) => r.g === 0).map((r) => [r.day!, r]));
  return {
    loads: n(t?.loads),
    vehicles,
    parcels,
    fillWeight: ratio(n(t?.fillWeightSum), withVehicles),
    fillVolume: ratio(n(t?.fillVolumeSum), withVehicles),
    plannedKm: km(plannedKm),
    emptyKm: km(n(t?.emptyKm)),
    emptyRunningRate: ratio(n(t?.emptyKm), plannedKm),
    baselineTrips,
    baselineKm: km(baselineKm),
    tripsSaved: baselineTrips - vehicles,
    kmSaved: km(baselineKm - plannedKm),
    costPerParcelFen: perParcel(vehicles, plannedKm),
    baselineCostPerParcelFen: perParcel(baselineTrips, baselineKm),
    days: eachDay(f.from, f.to).map((day) => {
      const r = perDay.get(day);
      const v = n(r?.vehicles);
      const bt = n(r?.baselineTrips);
      return {
        day,
        loads: n(r?.loads),
        vehicles: v,
        parcels: n(r?.parcels),
        plannedKm: km(n(r?.plannedKm)),
        baselineKm: km(n(r?.baselineKm)),
        tripsSaved: bt - v,
        kmSaved: km(n(r?.baselineKm) - n(r?.plannedKm)),
      };
    }),
  };
}

type SalesRow = Sums<"DailySalesStat", "quantity" | "amountFen" | "sales"> & {
  g_venue: number;
  g_day: number;
  venueType: Row<"DailySalesStat", "venueType">["venueType"] | null;
  day: string | null;
  poorFen: Num;
};

/// Counter sales: by venue type, top products and the income reaching poor villages. A township keeps the counters
/// whose restocking node is in it; carrier and direction do not apply.
export async function counters(db: Db, f: TDashboardFilter) {
  const pool = pgPool(db);
  const where = `d."countyCode" = $1 AND d.day BETWEEN $2::date AND $3::date
    AND ($4::varchar IS NULL OR d."counterId" IN (
      SELECT c.id FROM "Counter" c JOIN "Node" n ON n.id = c."nodeId"
       WHERE c."countyCode" = $1 AND (CASE WHEN n.tier = 'COUNTY_HUB' THEN '' ELSE ${townshipOf(`n."areaCode"`)} END) = $4::varchar))`;
  const args = [f.countyCode, f.from, f.to, f.townshipCode ?? null];
  const [groups, top] = await Promise.all([
    pool.query<SalesRow>(
      `SELECT GROUPING(d."venueType") AS g_venue, GROUPING(d.day) AS g_day, d."venueType"::text AS "venueType", to_char(d.day, 'YYYY-MM-DD') AS day,
              sum(d.quantity) AS quantity, sum(d."amountFen") AS "amountFen", sum(d.sales) AS sales,
              coalesce(sum(d."amountFen") FILTER (WHERE d."poorVillage"), 0) AS "poorFen"
         FROM "DailySalesStat" d WHERE ${where}
        GROUP BY GROUPING SETS ((), (d."venueType"), (d.day))`,
      args,
    ),
    pool.query<{ productId: string; name: string; merchantName: string; amountFen: Num; quantity: Num }>(
      `SELECT d."productId", p.name, m.name AS "merchantName", sum(d."amountFen") AS "amountFen", sum(d.quantity) AS quantity
         FROM "DailySalesStat" d JOIN "Product" p ON p.id = d."productId" JOIN "Merchant" m ON m.id = p."merchantId"
        WHERE ${where}
        GROUP BY d."productId", p.name, m.name ORDER BY sum(d."amountFen") DESC, p.name LIMIT 10`,
      args,
    ),
  ]);
  const rows = groups.rows;
  const t = rows.find((r) => r.g_venue === 1 && r.g_day === 1);
  const totalFen = n(t?.amountFen);
  const poorFen = n(t?.poorFen);
  const perDay = new Map(rows.filter((r) => r.g_day === 0).map((r) => [r.day!, n(r.amountFen)]));
  return {
    totalFen,
    quantity: n(t?.quantity),
    poorVillageIncomeFen: poorFen,
    poorShare: ratio(poorFen, totalFen),
    byVenue: rows
      .filter((r) => r.g_venue === 0)
      .map((r) => ({ venueType: r.venueType!, amountFen: n(r.amountFen), quantity: n(r.quantity), sales: n(r.sales) }))
      .sort((a, b) => b.amountFen - a.amountFen || a.venueType.localeCompare(b.venueType)),
    topProducts: top.rows.map((r) => ({
      productId: r.productId,
      name: r.name,
      merchantName: r.merchantName,
      amountFen: n(r.amountFen),
      quantity: n(r.quantity),
    })),
    days: eachDay(f.from, f.to).map((day) => ({ day, amountFen: perDay.get(day) ?? 0 })),
  };
}

/// Open parcels by light as the SLA watcher saw them each day (its last snapshot of the day); days it did not run
/// are left out rather than shown as zero.
export async function lightHistory(db: Db, q: THistory) {
  const rows = (
    await pgPool(db).query<{ day: string; green: number; yellow: number; red: number }>(
      `SELECT ${DAY} AS day, sum(green)::int AS green, sum(yellow)::int AS yellow, sum(red)::int AS red
         FROM "DailyLightSnapshot"
        WHERE "countyCode" = $1 AND day BETWEEN $2::date AND $3::date AND ($4::varchar IS NULL OR "townshipCode" = $4::varchar)
        GROUP BY day ORDER BY day`,
      [q.countyCode, q.from, q.to, q.townshipCode ?? null],
    )
  ).rows;
  return { days: rows };
}
