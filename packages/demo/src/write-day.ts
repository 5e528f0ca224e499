// One demo day in one transaction: the day's earlier demo data goes (parcels created that day with their legs,
// scans, load items and alerts; loads leaving that day; that day's demo sales), the new parcels, legs and scans go
// in, then the loads leaving that day (their parcels are all in the database by now: none leaves before it is
// created), the sales and the day's light snapshot. A run interrupted between days is simply run again.
import { inPgTransaction, type PgClient } from "@xiangda/db";
import { makeWaybill } from "@xiangda/domain";
import { nodeTownships, SHIPMENT_END, SHIPMENT_TOWNSHIP, type Queryable } from "@xiangda/api";
import { buildLoads, type Busy } from "./build-loads.ts";
import { addDays, dayNumber, dayStartMs } from "./calendar.ts";
import type { DemoContext } from "./context.ts";
import { Rng } from "./random.ts";
import { buildRows, type DayRows } from "./rows.ts";
import { saleRefPrefix, writeSales, type SaleListing } from "./sales.ts";
import { simulateDay, type SimDay } from "./simulate.ts";
import { insertJson, withTimes } from "./sql.ts";

/// ImportRun.kind of a generated day; its id is the manifestId of the day's parcels.
export const DEMO_RUN_KIND = "demo-generate";
const DAY_MS = 86_400_000;
/// Parcels are created at most this many days before a departure they ride (routes are a day or two long).
export const LOOKBACK_DAYS = 6;

export interface DaySummary {
  day: string;
  parcels: number;
  down: number;
  up: number;
  unrouted: number;
  legs: number;
  scans: number;
  loads: number;
  loadItems: number;
  sales: number;
  ms: number;
}

/// The county's demo runs by day (one per generated day).
export async function demoRuns(c: PgClient, countyCode: string): Promise<Map<string, string[]>> {
  const rows = (
    await c.query<{ id: string; day: string }>(`SELECT id, params->>'day' AS day FROM "ImportRun" WHERE "countyCode" = $1 AND kind = $2`, [
      countyCode,
      DEMO_RUN_KIND,
    ])
  ).rows;
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.day, [...(out.get(r.day) ?? []), r.id]);
  return out;
}

async function deleteDay(c: PgClient, ctx: DemoContext, day: string, runIds: string[]): Promise<void> {
  const start = new Date(dayStartMs(day));
  const end = new Date(dayStartMs(day) + DAY_MS);
  if (runIds.length) {
    const ids = (
      await c.query<{ id: string }>(
        `SELECT id FROM "Shipment" WHERE "countyCode" = $1 AND "createdAt" >= $2 AND "createdAt" < $3 AND "manifestId" = ANY($4::uuid[])`,
        [ctx.countyCode, start, end, runIds],
      )
    ).rows.map((r) => r.id);
    if (ids.length) {
      // Tables that point at parcels without a foreign key go first; legs and timeline follow the parcel (cascade).
      await c.query(`DELETE FROM "LoadItem" WHERE "shipmentId" = ANY($1::uuid[])`, [ids]);
      await c.query(`DELETE FROM "ScanEvent" WHERE "shipmentId" = ANY($1::uuid[])`, [ids]);
      await c.query(`DELETE FROM "RedAlert" WHERE "countyCode" = $1 AND "shipmentId" = ANY($2::uuid[])`, [ctx.countyCode, ids]);
      await c.query(`DELETE FROM "Shipment" WHERE id = ANY($1::uuid[])`, [ids]);
    }
    await c.query(`DELETE FROM "ImportRun" WHERE id = ANY($1::uuid[])`, [runIds]);
  }
  await c.query(`DELETE FROM "Load" WHERE "countyCode" = $1 AND "departAt" >= $2 AND "departAt" < $3 AND key LIKE 'demo:%'`, [
    ctx.countyCode,
    start,
    end,
  ]);
  await c.query(
    `DELETE FROM "CounterSale" WHERE "counterId" IN (SELECT id FROM "Counter" WHERE "countyCode" = $1) AND "soldAt" >= $2 AND "soldAt" < $3 AND "clientRef" LIKE $4`,
    [ctx.countyCode, start, end, `${saleRefPrefix(day)}%`],
  );
}

/// Carrier numbers: the carrier's layout around an 11-digit serial (day number, then the count that day), so they
/// never repeat for a carrier; a number another parcel of that carrier already has (not this county's demo) is left out.
async function carrierNumbers(
  pool: Queryable,
  ctx: DemoContext,
  day: string,
  sim: SimDay,
  demoRunIds: string[],
): Promise<(string | null)[]> {
  const counters = new Map<string, number>();
  const nos = sim.parcels.map((p) => {
    if (!p.carrier.id || !p.carrier.number) return null;
    const k = (counters.get(p.carrier.id) ?? 0) + 1;
    counters.set(p.carrier.id, k);
    return p.carrier.number(dayNumber(day) * 1_000_000 + k);
  });
  const asked = sim.parcels
    .map((p, i) => [nos[i], p.carrier.id] as const)
    .filter((x): x is readonly [string, string] => x[0] !== null && x[1] !== null);
  if (!asked.length) return nos;
  const taken = new Set(
    (
      await pool.query<{ k: string }>(
        // LATERAL … LIMIT 1: a lookup per number on the unique index, never a scan of every parcel.
        `SELECT u.n || '|' || u.c AS k FROM unnest($1::text[], $2::uuid[]) AS u(n, c)
           JOIN LATERAL (SELECT 1 FROM "Shipment" s WHERE s."carrierWaybillNo" = u.n AND s."carrierId" = u.c
                            AND NOT (s."countyCode" = $3 AND s."manifestId" = ANY($4::uuid[])) LIMIT 1) x ON true`,
        [asked.map((x) => x[0]), asked.map((x) => x[1]), ctx.countyCode, demoRunIds],
      )
    ).rows.map((r) => r.k),
  );
  return nos.map((n, i) => (n !== null && taken.has(`${n}|${sim.parcels[i]!.carrier.id}`) ? null : n));
}

/// A day ready to write: simulated, numbered (waybill serials are drawn outside the day's transaction: a sequence
/// never rolls back anyway) and turned into rows, while the previous day is still being written.
export interface PreparedDay {
  day: string;
  runId: string;
  rows: DayRows;
  parcels: number;
  down: number;
  unrouted: number;
}

export async function prepareDay(pool: Queryable, ctx: DemoContext, day: string, asOf: number, demoRunIds: string[]): Promise<PreparedDay> {
  const sim = await simulateDay(ctx, day, asOf);
  const n = sim.parcels.length;
  const serials = (
    await pool.query<{ v: string }>(`SELECT nextval('waybill_serial')::text AS v FROM generate_series(1, $1::int)`, [n])
  ).rows
    .map((r) => BigInt(r.v))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const carrierNos = await carrierNumbers(pool, ctx, day, sim, demoRunIds);
  const rows = await buildRows(ctx, sim.parcels, { waybills: serials.map((x) => makeWaybill(x)), carrierNos }, asOf);
  return {
    day,
    runId: new Rng(ctx.seed, ctx.countyCode, "run", day).uuid7(dayStartMs(day)),
    rows,
    parcels: n,
    down: sim.parcels.filter((p) => p.direction === "DOWN").length,
    unrouted: sim.unrouted,
  };
}

const SHIPMENT_SQL = withTimes(`
INSERT INTO "Shipment" (id, "countyCode", "waybillNo", "carrierId", "carrierWaybillNo", direction, "originNodeId", "destNodeId", "destAreaCode",
  "outboundCity", "selfPickup", "recipientName", "recipientPhone", "recipientAddress", "senderName", "senderPhone", "weightG", "volumeCm3", temp,
  "contentsCategory", "declaredValueFen", status, "currentNodeId", "promisedAt", light, "lightReason", "lightChangedAt", inspection, "pickupCode",
  "readyForPickupAt", "returnFlaggedAt", "exceptionReason", "lastScanAt", "acceptedAt", "finishedAt", "manifestId", "createdAt", "updatedAt")
SELECT i, $2, w, c, cw, d, o, t, ta, oc, sp, rn, rp, ra, sn, sph, wg, v, tp, cc, dv, st, cur, ts(pr), l, lr, ts(lc), insp, pc,
       ts(rfp), ts(rf), ex, ts(ls), ts(ac), ts(f), $3, ts(ca), ts(u)
  FROM json_to_recordset($1::json) AS x(i uuid, w text, c uuid, cw text, d "Direction", o uuid, t uuid, ta varchar, oc text, sp bool, rn text,
       rp text, ra text, sn text, sph text, wg int, v int, tp "TempClass", cc text, dv int, st "ShipmentStatus", cur uuid, pr float8, l "Light",
       lr text, lc float8, insp jsonb, pc text, rfp float8, rf float8, ex text, ls float8, ac float8, f float8, ca float8, u float8)`);

const LEG_SQL = withTimes(`
INSERT INTO "ShipmentLeg" (id, "shipmentId", plan, seq, "laneId", "laneCode", "fromNodeId", "toNodeId", "plannedDepart", "plannedArrive",
  "actualDepart", "actualArrive", status, light)
SELECT i, s, 1, q, ln, lc, f, t, ts(pd), ts(pa), ts(ad), ts(aa), st, l
  FROM json_to_recordset($1::json) AS x(i uuid, s uuid, q int, ln uuid, lc text, f uuid, t uuid, pd float8, pa float8, ad float8, aa float8,
       st "LegStatus", l "Light")`);

/// Scans come from the station staff's handhelds: no user of ours, received a second after the device time.
const SCAN_SQL = withTimes(`
INSERT INTO "ScanEvent" ("clientScanId", "nodeId", code, action, "deviceAt", "receivedAt", outcome, message, "shipmentId", result)
SELECT i, n, c, a, ts(t), ts(t) + interval '1 second', 'OK', m, s, r
  FROM json_to_recordset($1::json) AS x(i uuid, n uuid, c text, a text, t float8, m text, s uuid, r jsonb)`);

/// Open parcels at the end of the day by light and township, as the SLA watcher's last snapshot of the day would
/// count them; the light is read from the legs at that instant ($4: the YELLOW fraction).
const SNAPSHOT_SQL = `
WITH nt AS (${nodeTownships(`"countyCode" = $1`)}),
open AS (
  SELECT s.id, s.direction, s."destNodeId", s."originNodeId", s."destAreaCode", s."promisedAt" FROM "Shipment" s
   WHERE s."countyCode" = $1 AND s."createdAt" >= $2 AND s."createdAt" <= $3 AND (s."finishedAt" IS NULL OR s."finishedAt" > $3)
     AND s.status <> 'CANCELLED'),
lit AS (
  SELECT o.*, CASE WHEN c."plannedArrive" IS NULL THEN CASE WHEN o."promisedAt" < $3 THEN 'RED' ELSE 'GREEN' END
                   WHEN $3 > c."plannedArrive" THEN 'RED'
                   WHEN $3 >= c."plannedArrive" - $4::float8 * (c."plannedArrive" - c."plannedDepart") THEN 'YELLOW' ELSE 'GREEN' END AS light
    FROM open o LEFT JOIN LATERAL (
      SELECT l."plannedDepart", l."plannedArrive" FROM "ShipmentLeg" l
       WHERE l."shipmentId" = o.id AND l.status <> 'CANCELLED' AND (l."actualArrive" IS NULL OR l."actualArrive" > $3)
       ORDER BY l.plan DESC, l.seq LIMIT 1) c ON true)
INSERT INTO "DailyLightSnapshot" ("countyCode", day, "townshipCode", green, yellow, red, "takenAt")
SELECT $1, $5::date, ${SHIPMENT_TOWNSHIP}, count(*) FILTER (WHERE light = 'GREEN')::int, count(*) FILTER (WHERE light = 'YELLOW')::int,
       count(*) FILTER (WHERE light = 'RED')::int, $3
  FROM lit s ${SHIPMENT_END}
 GROUP BY 3`;

export async function writeSnapshot(c: PgClient, ctx: DemoContext, day: string, at: number, fraction: number): Promise<void> {
  await c.query(`DELETE FROM "DailyLightSnapshot" WHERE "countyCode" = $1 AND day = $2::date`, [ctx.countyCode, day]);
  await c.query(SNAPSHOT_SQL, [ctx.countyCode, new Date(at - 12 * DAY_MS), new Date(at), fraction, day]);
}

export async function writeDay(
  c: PgClient,
  ctx: DemoContext,
  prep: PreparedDay,
  opts: { asOf: number; busy: Busy; listings: SaleListing[]; runs: Map<string, string[]>; fraction: number },
): Promise<DaySummary> {
  const t0 = performance.now();
  const { day, runId, rows } = prep;
  const written = await inPgTransaction(c, async () => {
    // One day's transaction is large; losing the last one in a crash only means generating that day again.
    await c.query("SET LOCAL synchronous_commit = off");
    await deleteDay(c, ctx, day, opts.runs.get(day) ?? []);
    opts.runs.set(day, [runId]);
    const summary = {
      down: prep.down,
      up: prep.parcels - prep.down,
      unrouted: prep.unrouted,
      legs: rows.legs.length,
      scans: rows.scans.length,
    };
    await c.query(
      `INSERT INTO "ImportRun" (id, "countyCode", kind, params, "fileName", status, total, done, summary, "createdAt", "updatedAt", "finishedAt")
       VALUES ($1, $2, $3, $4, $3, 'DONE', $5, $5, $6, now(), now(), now())`,
      [runId, ctx.countyCode, DEMO_RUN_KIND, { day, seed: ctx.seed, perDay: ctx.perDay }, prep.parcels, summary],
    );
    await insertJson(c, SHIPMENT_SQL, rows.shipments, 4000, [ctx.countyCode, runId]);
    await insertJson(c, LEG_SQL, rows.legs, 12_000);
    await insertJson(c, SCAN_SQL, rows.scans, 8000);

    const start = dayStartMs(day);
    const recent = [...opts.runs].filter(([d]) => d >= addDays(day, -LOOKBACK_DAYS) && d <= day).flatMap(([, ids]) => ids);
    const loads = await buildLoads(c, ctx, {
      from: start,
      to: start + DAY_MS,
      createdFrom: start - LOOKBACK_DAYS * DAY_MS,
      runIds: recent,
      asOf: opts.asOf,
      busy: opts.busy,
      label: day,
    });
    const sales = await writeSales(c, ctx, opts.listings, day, opts.asOf);
    await writeSnapshot(c, ctx, day, Math.min(start + DAY_MS - 1, opts.asOf), opts.fraction);
    return { summary, loads, sales };
  });
  return {
    day,
    parcels: prep.parcels,
    ...written.summary,
    loads: written.loads.loads,
    loadItems: written.loads.items,
    sales: written.sales,
    // Timed after COMMIT: a day's time includes its commit.
    ms: Math.round(performance.now() - t0),
  };
}
