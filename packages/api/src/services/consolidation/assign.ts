// Assignment: every parcel ready to leave a node joins the open load of its next leg's lane
// departure (or its station's milk run), all carriers together. Set-based and idempotent: loads are
// created once per key (unique), a leg is in at most one load (unique legId), and items go only into
// loads still OPEN (share-locked against a concurrent seal). Legs whose load was already sealed missed
// it: they are re-planned for a later departure.
import { makeLoadCode, milkRunTimetables, loadSlotFor, parcelVolumeCm3, type LoadSlot, type SlotLeg } from "@xiangda/domain";
import { inPgTransaction, pgPool, withPgClient, writeOutbox, type Db, type PgClient, type Row } from "@xiangda/db";
import { outboxEvent, shipmentsReplan, type OutboxRow } from "@xiangda/jobs";
import type { Queryable } from "./geometry.ts";
import { releaseStaleItems } from "./release.ts";
import { loadLanes } from "./timetables.ts";

export interface AssignOptions {
  countyCode?: string | null;
  nodeIds?: string[] | null;
  /// Only legs on these lanes (a seal's sweep for its own load's stragglers): read from the lanes' planned legs
  /// rather than every parcel waiting at the nodes.
  laneIds?: string[] | null;
  now: Date;
  /// Rows per write statement.
  chunk?: number;
}

export interface AssignResult {
  assigned: number;
  missed: number;
  loads: number;
  /// Items of open loads that left them (legs no longer pending).
  released: number;
}

/// A leg ready to load, with the parcel's figures (READY_SQL's row).
type ReadyLeg = SlotLeg & { legId: string } & Row<"ShipmentLeg", "shipmentId"> &
  Row<"Shipment", "countyCode" | "carrierId" | "weightG" | "volumeCm3" | "lengthMm" | "widthMm" | "heightMm" | "temp">;

/// Parcels at a node whose current plan's next leg leaves from there, not yet in a load. Written as
/// hash joins and a window (no per-row subqueries), so it stays fast without table statistics.
export const READY_SQL = `
WITH ready AS (
  SELECT id, "countyCode", "currentNodeId", "carrierId", "weightG", "volumeCm3", "lengthMm", "widthMm", "heightMm", temp
  FROM "Shipment"
  WHERE status IN ('CREATED', 'ACCEPTED', 'AT_NODE')
    AND ($1::varchar IS NULL OR "countyCode" = $1)
    AND ($2::uuid[] IS NULL OR "currentNodeId" = ANY($2::uuid[]))
), legs AS (
  SELECT l.*, max(l.plan) OVER (PARTITION BY l."shipmentId") AS "maxPlan"
  FROM "ShipmentLeg" l JOIN ready r ON r.id = l."shipmentId"
)
SELECT l.id AS "legId", l."shipmentId", s."countyCode", l."laneId", ln.mode::text AS mode, l."fromNodeId", l."toNodeId",
  f.tier::text AS "fromTier", t.tier::text AS "toTier", l."plannedDepart", ln."cutoffMinutes",
  s."carrierId", s."weightG", s."volumeCm3", s."lengthMm", s."widthMm", s."heightMm", s.temp::text AS temp
FROM legs l
JOIN "Shipment" s ON s.id = l."shipmentId" AND l."fromNodeId" = s."currentNodeId"
JOIN "Lane" ln ON ln.id = l."laneId"
JOIN "Node" f ON f.id = l."fromNodeId"
JOIN "Node" t ON t.id = l."toNodeId"
WHERE l.status = 'PLANNED' AND l.plan = l."maxPlan"
  AND NOT EXISTS (SELECT 1 FROM "LoadItem" i WHERE i."legId" = l.id AND i.status <> 'REMOVED')
ORDER BY l.id`;

/// The same rows for the planned legs on given lanes only (through the legs' lane index): a seal's sweep costs
/// what its own lanes hold, not what the whole county has waiting.
export const READY_BY_LANE_SQL = `
WITH legs AS (
  SELECT l.*, (SELECT max(x.plan) FROM "ShipmentLeg" x WHERE x."shipmentId" = l."shipmentId") AS "maxPlan"
  FROM "ShipmentLeg" l
  WHERE l."laneId" = ANY($2::uuid[]) AND l.status = 'PLANNED'
    AND NOT EXISTS (SELECT 1 FROM "LoadItem" i WHERE i."legId" = l.id AND i.status <> 'REMOVED')
)
SELECT l.id AS "legId", l."shipmentId", s."countyCode", l."laneId", ln.mode::text AS mode, l."fromNodeId", l."toNodeId",
  f.tier::text AS "fromTier", t.tier::text AS "toTier", l."plannedDepart", ln."cutoffMinutes",
  s."carrierId", s."weightG", s."volumeCm3", s."lengthMm", s."widthMm", s."heightMm", s.temp::text AS temp
FROM legs l
JOIN "Shipment" s ON s.id = l."shipmentId" AND l."fromNodeId" = s."currentNodeId"
  AND s.status IN ('CREATED', 'ACCEPTED', 'AT_NODE') AND ($1::varchar IS NULL OR s."countyCode" = $1)
JOIN "Lane" ln ON ln.id = l."laneId"
JOIN "Node" f ON f.id = l."fromNodeId"
JOIN "Node" t ON t.id = l."toNodeId"
WHERE l.plan = l."maxPlan"
ORDER BY l.id`;

/// Creates the loads named by `slots` that do not exist yet; returns key → { id, status }.
export async function ensureLoads(
  pool: Queryable,
  slots: (LoadSlot & { countyCode: string })[],
): Promise<Map<string, { id: string; status: string }>> {
  const keys = [...new Set(slots.map((s) => s.key))];
  const find = async () =>
    new Map(
      (
        await pool.query<{ key: string; id: string; status: string }>(
          `SELECT key, id, status::text AS status FROM "Load" WHERE key = ANY($1::text[])`,
          [keys],
        )
      ).rows.map((r) => [r.key, { id: r.id, status: r.status }]),
    );
  let found = await find();
  const missing = [...new Map(slots.filter((s) => !found.has(s.key)).map((s) => [s.key, s])).values()];
  if (missing.length) {
    const serials = (
      await pool.query<{ v: string }>(`SELECT nextval('load_serial')::text AS v FROM generate_series(1, $1::int)`, [missing.length])
    ).rows.map((r) => BigInt(r.v));
    const col = <T>(f: (s: (typeof missing)[number]) => T) => missing.map(f);
    await pool.query(
      `INSERT INTO "Load" (id, "countyCode", key, code, "milkRun", "laneId", "nodeId", "toNodeId", "departAt", "cutoffAt", "updatedAt")
       SELECT gen_random_uuid(), a, b, c, d, e, f, g, h, i, now()
       FROM unnest($1::varchar[], $2::text[], $3::text[], $4::bool[], $5::uuid[], $6::uuid[], $7::uuid[], $8::timestamptz[], $9::timestamptz[]) AS u(a, b, c, d, e, f, g, h, i)
       ON CONFLICT (key) DO NOTHING`,
      [
        col((s) => s.countyCode),
        col((s) => s.key),
        missing.map((_, i) => makeLoadCode(serials[i]!)),
        col((s) => s.milkRun),
        col((s) => s.laneId),
        col((s) => s.nodeId),
        col((s) => s.toNodeId),
        col((s) => s.departAt),
        col((s) => s.cutoffAt),
      ],
    );
    found = await find();
  }
  return found;
}

/// Sweeps of one county run one at a time across all processes (a session advisory lock per county, released if the
/// process dies): racing sweeps would only fight over the same rows; queued behind one another, each finds what the
/// one before left. Counties never share a load, so sweeps of different counties run side by side. A sweep without a
/// county (the every-minute one) or of nodes goes county by county, each under that county's lock.
export async function assignReady(db: Db, opts: AssignOptions): Promise<AssignResult> {
  const pool = pgPool(db);
  const counties = opts.countyCode
    ? [opts.countyCode]
    : opts.nodeIds?.length
      ? (
          await pool.query<{ code: string }>(`SELECT DISTINCT "countyCode" AS code FROM "Node" WHERE id = ANY($1::uuid[]) ORDER BY 1`, [
            opts.nodeIds,
          ])
        ).rows.map((r) => r.code)
      : (await pool.query<{ code: string }>(`SELECT code FROM "County" ORDER BY code`)).rows.map((r) => r.code);
  const total: AssignResult = { assigned: 0, missed: 0, loads: 0, released: 0 };
  return withPgClient(db, async (client) => {
    for (const countyCode of counties) {
      await client.query(`SELECT pg_advisory_lock(hashtext('xd.consolidation.assign'), hashtext($1))`, [countyCode]);
      try {
        const r = await assignLocked(client, { ...opts, countyCode });
        total.assigned += r.assigned;
        total.missed += r.missed;
        total.loads += r.loads;
        total.released += r.released;
      } finally {
        await client
          .query(`SELECT pg_advisory_unlock(hashtext('xd.consolidation.assign'), hashtext($1))`, [countyCode])
          .catch(() => undefined);
      }
    }
    return total;
  });
}

/// Everything on the one connection holding the lock (another from the pool could be a wait for a
/// connection held by a sweep waiting for this lock).
async function assignLocked(client: PgClient, opts: AssignOptions): Promise<AssignResult> {
  // First what no longer belongs: legs completed or re-planned since they joined their open loads leave them (a scan
  // or re-plan already did this; this catches what a crash between the two writes left behind).
  const released = opts.laneIds ? [] : await releaseStaleItems(client, { countyCode: opts.countyCode ?? null }, opts.now);
  const ready = (
    opts.laneIds
      ? await client.query<ReadyLeg>(READY_BY_LANE_SQL, [opts.countyCode ?? null, opts.laneIds])
      : await client.query<ReadyLeg>(READY_SQL, [opts.countyCode ?? null, opts.nodeIds?.length ? opts.nodeIds : null])
  ).rows;
  if (!ready.length) return { assigned: 0, missed: 0, loads: 0, released: released.length };
  const counties = [...new Set(ready.map((r) => r.countyCode))];
  const runs = new Map<string, ReturnType<typeof milkRunTimetables>>();
  for (const c of counties) runs.set(c, milkRunTimetables(await loadLanes(client, c)));

  const slotted = ready.map((r) => ({
    leg: r,
    slot: { ...loadSlotFor(r, (station) => runs.get(r.countyCode)?.get(station)), countyCode: r.countyCode },
  }));
  const loads = await ensureLoads(
    client,
    slotted.map((x) => x.slot),
  );

  let assigned = 0;
  const missedRows: OutboxRow[] = [];
  const chunk = opts.chunk ?? 5000;
  for (let i = 0; i < slotted.length; i += chunk) {
    const part = slotted.slice(i, i + chunk);
    const n = await inPgTransaction(client, async () => {
      // A seal of one of these loads waits for us, or we for it (and then see it sealed).
      const loadIds = [...new Set(part.map((x) => loads.get(x.slot.key)!.id))].sort();
      const open = new Set(
        (
          await client.query<{ id: string }>(`SELECT id FROM "Load" WHERE id = ANY($1::uuid[]) AND status = 'OPEN' ORDER BY id FOR SHARE`, [
            loadIds,
          ])
        ).rows.map((r) => r.id),
      );
      const into = part.filter((x) => open.has(loads.get(x.slot.key)!.id));
      for (const x of part) {
        if (!open.has(loads.get(x.slot.key)!.id)) {
          missedRows.push(
            outboxEvent(shipmentsReplan, {
              shipmentId: x.leg.shipmentId,
              scanId: x.leg.legId,
              readyAt: new Date(Math.max(opts.now.getTime(), x.slot.departAt.getTime() + 60_000)).toISOString(),
            }),
          );
        }
      }
      if (into.length) {
        const c = <T>(f: (x: (typeof into)[number]) => T) => into.map(f);
        const r = await client.query(
          `INSERT INTO "LoadItem" ("loadId", "shipmentId", "legId", "carrierId", "weightG", "volumeCm3", temp, "stopNodeId", pickup)
           SELECT a, b, c, d, e, f, g::"TempClass", h, i
           FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::int[], $6::int[], $7::text[], $8::uuid[], $9::bool[]) AS u(a, b, c, d, e, f, g, h, i)
           ON CONFLICT ("legId") DO UPDATE SET "loadId" = EXCLUDED."loadId", "carrierId" = EXCLUDED."carrierId", "weightG" = EXCLUDED."weightG",
             "volumeCm3" = EXCLUDED."volumeCm3", temp = EXCLUDED.temp, "stopNodeId" = EXCLUDED."stopNodeId", pickup = EXCLUDED.pickup,
             status = 'ASSIGNED', "removedReason" = NULL, "removedAt" = NULL, "loadVehicleId" = NULL
           WHERE "LoadItem".status = 'REMOVED'`,
          [
            c((x) => loads.get(x.slot.key)!.id),
            c((x) => x.leg.shipmentId),
            c((x) => x.leg.legId),
            c((x) => x.leg.carrierId),
            c((x) => x.leg.weightG),
            c((x) => parcelVolumeCm3(x.leg)),
            c((x) => x.leg.temp),
            c((x) => x.slot.stopNodeId),
            c((x) => x.slot.pickup),
          ],
        );
        return r.rowCount ?? 0;
      }
      return 0;
    });
    assigned += n;
  }
  await writeOutbox(client, missedRows);
  return { assigned, missed: missedRows.length, loads: loads.size, released: released.length };
}
