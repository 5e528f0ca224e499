// Consolidation figures per day (Asia/Shanghai) and lane (or station milk run), from the planned
// loads' reports: loads, vehicles, fill rates, planned km, parcels per vehicle-km, and the same for
// the per-carrier baseline → trips and km saved, empty running. These feed the county dashboard.
import { pgPool, type Db } from "@xiangda/db";

export interface SavingsRow {
  day: string;
  lane: string;
  milkRun: boolean;
  loads: number;
  vehicles: number;
  parcels: number;
  fillWeight: number;
  fillVolume: number;
  plannedKm: number;
  parcelsPerVehicleKm: number;
  emptyRunningRate: number;
  baselineTrips: number;
  baselineKm: number;
  baselineParcelsPerVehicleKm: number;
  baselineFillWeight: number;
  baselineFillVolume: number;
  tripsSaved: number;
  kmSaved: number;
}

export async function savingsByDay(db: Db, q: { countyCode: string; from: Date; to: Date; nodeId?: string | null }): Promise<SavingsRow[]> {
  const r = await pgPool(db).query<SavingsRow>(
    `SELECT to_char(l."departAt" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day,
       coalesce(ln.code, 'milk run ' || n.code) AS lane, l."milkRun",
       count(*)::int AS loads,
       coalesce(sum((l.report->>'vehicles')::int), 0)::int AS vehicles,
       coalesce(sum((l.report->>'parcels')::int), 0)::int AS parcels,
       coalesce(avg((l.report->>'fillWeight')::float8) FILTER (WHERE (l.report->>'vehicles')::int > 0), 0) AS "fillWeight",
       coalesce(avg((l.report->>'fillVolume')::float8) FILTER (WHERE (l.report->>'vehicles')::int > 0), 0) AS "fillVolume",
       coalesce(sum((l.report->>'plannedKm')::float8), 0) AS "plannedKm",
       coalesce(sum((l.report->>'emptyKm')::float8), 0) AS "emptyKm",
       coalesce(sum((l.report->'baseline'->>'trips')::int), 0)::int AS "baselineTrips",
       coalesce(sum((l.report->'baseline'->>'km')::float8), 0) AS "baselineKm",
       coalesce(avg((l.report->'baseline'->>'fillWeight')::float8) FILTER (WHERE (l.report->'baseline'->>'trips')::int > 0), 0) AS "baselineFillWeight",
       coalesce(avg((l.report->'baseline'->>'fillVolume')::float8) FILTER (WHERE (l.report->'baseline'->>'trips')::int > 0), 0) AS "baselineFillVolume"
     FROM "Load" l LEFT JOIN "Lane" ln ON ln.id = l."laneId" JOIN "Node" n ON n.id = l."nodeId"
     WHERE l."countyCode" = $1 AND l."departAt" >= $2 AND l."departAt" < $3 AND l.status IN ('PLANNED', 'DEPARTED', 'ARRIVED')
       AND ($4::uuid IS NULL OR l."nodeId" = $4 OR l."toNodeId" = $4)
     GROUP BY 1, 2, 3 ORDER BY 1, 2`,
    [q.countyCode, q.from, q.to, q.nodeId ?? null],
  );
  return r.rows.map((x) => {
    const row = x as SavingsRow & { emptyKm: number };
    return {
      day: row.day,
      lane: row.lane,
      milkRun: row.milkRun,
      loads: row.loads,
      vehicles: row.vehicles,
      parcels: row.parcels,
      fillWeight: row.fillWeight,
      fillVolume: row.fillVolume,
      plannedKm: row.plannedKm,
      parcelsPerVehicleKm: row.plannedKm ? row.parcels / row.plannedKm : 0,
      emptyRunningRate: row.plannedKm ? row.emptyKm / row.plannedKm : 0,
      baselineTrips: row.baselineTrips,
      baselineKm: row.baselineKm,
      baselineParcelsPerVehicleKm: row.baselineKm ? row.parcels / row.baselineKm : 0,
      baselineFillWeight: row.baselineFillWeight,
      baselineFillVolume: row.baselineFillVolume,
      tripsSaved: row.baselineTrips - row.vehicles,
      kmSaved: row.baselineKm - row.plannedKm,
    };
  });
}
