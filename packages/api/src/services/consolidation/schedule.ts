// Seal schedulers (BullMQ job schedulers, cron at each departure's cut-off in Asia/Shanghai) kept in
// step with the lane timetables, and the loads a fired scheduler (or the sweep) seals.
import type { Queue } from "@xiangda/jobs";
import { departureToSeal, milkRunTimetables, sealSchedules, type SealTarget } from "@xiangda/domain";
import { pgPool, qb, runQuery, withPgClient, type Db, type PgClient } from "@xiangda/db";
import { consolidationSeal, DEFAULT_JOB_OPTIONS } from "@xiangda/jobs";
import { loadLanes } from "./timetables.ts";

export const SEAL_TZ = "Asia/Shanghai";

/// Upserts the schedulers every active lane needs and removes the ones no lane needs any more. Syncs run one at a
/// time across all workers (a session advisory lock): two running side by side, one having read the lanes before a
/// change the other saw, would remove the scheduler the other had just added, and that departure would be sealed late
/// by the sweep instead of at its cut-off.
export async function syncSealSchedulers(db: Db, queue: Queue): Promise<{ kept: number; removed: number }> {
  return withPgClient(db, async (client) => {
    await client.query(`SELECT pg_advisory_lock(hashtext('xd.consolidation.syncSchedulers'))`);
    try {
      return await syncLocked(client, queue);
    } finally {
      await client.query(`SELECT pg_advisory_unlock(hashtext('xd.consolidation.syncSchedulers'))`).catch(() => undefined);
    }
  });
}

async function syncLocked(client: PgClient, queue: Queue): Promise<{ kept: number; removed: number }> {
  const lanes = await loadLanes(client, null);
  const wanted = sealSchedules(lanes);
  for (const s of wanted) {
    await queue.upsertJobScheduler(
      s.id,
      { pattern: s.pattern, tz: SEAL_TZ },
      {
        name: consolidationSeal.name,
        data: s.target,
        opts: { ...DEFAULT_JOB_OPTIONS, attempts: 5 },
      },
    );
  }
  const ids = new Set(wanted.map((s) => s.id));
  let removed = 0;
  const existing = await queue.getJobSchedulers(0, -1);
  for (const e of existing) {
    const id = e.key;
    if (id.startsWith("seal-") && !ids.has(id)) {
      await queue.removeJobScheduler(id);
      removed++;
    }
  }
  return { kept: wanted.length, removed };
}

/// The load a fired scheduler means: its lane's (or station's milk run's) departure nearest to now + cut-off.
export async function loadForTarget(db: Db, target: SealTarget, now: Date): Promise<{ id: string; departAt: Date } | null> {
  const pool = pgPool(db);
  let key: string;
  let departAt: Date;
  if (target.kind === "lane") {
    const [lane] = await runQuery(pool, qb.selectFrom("Lane").select("cutoffMinutes").where("id", "=", target.laneId));
    if (!lane) return null;
    departAt = departureToSeal(target.departure, lane.cutoffMinutes, now);
    key = `lane:${target.laneId}:${departAt.toISOString()}`;
  } else {
    const [county] = await runQuery(pool, qb.selectFrom("Node").select("countyCode").where("id", "=", target.stationId));
    if (!county) return null;
    const runs = milkRunTimetables(await loadLanes(pool, county.countyCode)).get(target.stationId);
    departAt = departureToSeal(target.departure, runs?.cutoffMinutes ?? 0, now);
    key = `milk:${target.stationId}:${departAt.toISOString()}`;
  }
  const [row] = await runQuery(pool, qb.selectFrom("Load").select("id").where("key", "=", key));
  return row ? { id: row.id, departAt } : null;
}

/// Open loads past their cut-off (a scheduler that did not fire, a worker that was down).
export async function overdueLoads(db: Db, now: Date, limit = 500): Promise<string[]> {
  const rows = await runQuery(
    pgPool(db),
    qb.selectFrom("Load").select("id").where("status", "=", "OPEN").where("cutoffAt", "<=", now).orderBy("cutoffAt").limit(limit),
  );
  return rows.map((x) => x.id);
}

/// Sealed loads whose flow never finished (e.g. the process died between seal and flow).
export async function stuckSealedLoads(db: Db, olderThan: Date, limit = 200): Promise<string[]> {
  const rows = await runQuery(
    pgPool(db),
    qb.selectFrom("Load").select("id").where("status", "=", "SEALED").where("sealedAt", "<=", olderThan).orderBy("sealedAt").limit(limit),
  );
  return rows.map((x) => x.id);
}
