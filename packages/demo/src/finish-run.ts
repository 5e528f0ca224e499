// After the last generated day: the loads of departures still to come (parcels of the last days wait for them,
// OPEN until their cut-off) and shelf slots for the demo parcels waiting for pickup at the generator's clock.
import { inPgTransaction, type PgClient } from "@xiangda/db";
import { allSlots } from "@xiangda/api";
import { buildLoads, type Busy } from "./build-loads.ts";
import { addDays, dayStartMs } from "./calendar.ts";
import type { DemoContext } from "./context.ts";
import { insertJson } from "./sql.ts";
import { LOOKBACK_DAYS } from "./write-day.ts";

const DAY_MS = 86_400_000;
/// Far enough for any departure a demo parcel can still be waiting for.
const HORIZON_MS = 400 * DAY_MS;

async function futureLoads(c: PgClient, ctx: DemoContext, endDay: string, asOf: number, busy: Busy, runs: Map<string, string[]>) {
  const from = dayStartMs(addDays(endDay, 1));
  await c.query(`DELETE FROM "Load" WHERE "countyCode" = $1 AND "departAt" >= $2 AND key LIKE 'demo:%'`, [ctx.countyCode, new Date(from)]);
  // Demo days after endDay (an earlier, longer run) keep their parcels: their departures are rebuilt here as well.
  const ids = [...runs].filter(([d]) => d >= addDays(endDay, -LOOKBACK_DAYS)).flatMap(([, x]) => x);
  if (!ids.length) return { loads: 0, items: 0, vehicles: 0 };
  return buildLoads(c, ctx, {
    from,
    to: from + HORIZON_MS,
    createdFrom: from - (LOOKBACK_DAYS + 1) * DAY_MS,
    runIds: ids,
    asOf,
    busy,
    label: `after-${endDay}`,
  });
}

/// Slots are handed out afresh to every demo parcel on a shelf now (the unique index allows one parcel per slot),
/// around those the node's real parcels hold.
async function shelveWaiting(c: PgClient, ctx: DemoContext, runIds: string[]): Promise<number> {
  await c.query(
    `UPDATE "Shipment" SET "shelfSlot" = NULL WHERE "countyCode" = $1 AND status = 'AWAITING_PICKUP' AND "manifestId" = ANY($2::uuid[]) AND "shelfSlot" IS NOT NULL`,
    [ctx.countyCode, runIds],
  );
  const waiting = (
    await c.query<{ id: string; node: string }>(
      `SELECT id, "currentNodeId" AS node FROM "Shipment" WHERE "countyCode" = $1 AND status = 'AWAITING_PICKUP' AND "manifestId" = ANY($2::uuid[])
       ORDER BY "readyForPickupAt", id`,
      [ctx.countyCode, runIds],
    )
  ).rows;
  if (!waiting.length) return 0;
  const nodes = [...new Set(waiting.map((w) => w.node))];
  const shelves = (
    await c.query<{ id: string; shelfZones: string; shelfRacks: number; shelfPositions: number; taken: string[] | null }>(
      `SELECT n.id, n."shelfZones", n."shelfRacks", n."shelfPositions",
              (SELECT array_agg(s."shelfSlot") FROM "Shipment" s WHERE s."currentNodeId" = n.id AND s.status = 'AWAITING_PICKUP' AND s."shelfSlot" IS NOT NULL) AS taken
         FROM "Node" n WHERE n.id = ANY($1::uuid[])`,
      [nodes],
    )
  ).rows;
  const free = new Map(
    shelves.map((s) => [s.id, allSlots(s.shelfZones, s.shelfRacks, s.shelfPositions).filter((x) => !(s.taken ?? []).includes(x))]),
  );
  const rows: { i: string; s: string }[] = [];
  for (const w of waiting) {
    const slot = free.get(w.node)?.shift();
    if (slot) rows.push({ i: w.id, s: slot });
  }
  return insertJson(
    c,
    `UPDATE "Shipment" s SET "shelfSlot" = x.s FROM json_to_recordset($1::json) AS x(i uuid, s text) WHERE s.id = x.i`,
    rows,
    5000,
  );
}

export async function finishRun(
  c: PgClient,
  ctx: DemoContext,
  q: { endDay: string; asOf: number; busy: Busy; runs: Map<string, string[]> },
) {
  return inPgTransaction(c, async () => {
    const loads = await futureLoads(c, ctx, q.endDay, q.asOf, q.busy, q.runs);
    const shelved = await shelveWaiting(c, ctx, [...q.runs.values()].flat());
    return { loads, shelved };
  });
}
