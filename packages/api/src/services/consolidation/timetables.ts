// The county's lanes as the consolidation rules need them (tiers of both ends, timetables).
import type { Queryable } from "./geometry.ts";
import type { SealLane } from "@xiangda/domain";

export interface LaneRow extends SealLane {
  code: string;
  countyCode: string;
  transitMinutes: number;
  cold: boolean;
  status: string;
}

export async function loadLanes(pool: Queryable, countyCode: string | null, activeOnly = true): Promise<LaneRow[]> {
  const r = await pool.query<LaneRow>(
    `SELECT l.id, l.code, l."countyCode", l.mode::text AS mode, l."fromNodeId", l."toNodeId", f.tier::text AS "fromTier", t.tier::text AS "toTier",
       l.departures, l.weekdays, l."cutoffMinutes", l."transitMinutes", l.cold, l.status::text AS status
     FROM "Lane" l JOIN "Node" f ON f.id = l."fromNodeId" JOIN "Node" t ON t.id = l."toNodeId"
     WHERE ($1::varchar IS NULL OR l."countyCode" = $1) AND (NOT $2 OR l.status = 'ACTIVE')
     ORDER BY l.id`,
    [countyCode, activeOnly],
  );
  return r.rows;
}
