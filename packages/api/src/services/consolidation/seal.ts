// Sealing a load at its cut-off: lock it, choose vehicles of its home node that are free for the
// trip (vehicles of the node are locked, so two seals there never take the same vehicle), pack the
// parcels (lanes: first-fit decreasing; milk runs: the routing solver over the station's village
// points), roll what does not fit to a later departure with the reason (re-planned by a job), and
// record vehicles and fill rates — all in one transaction. Sealing twice changes nothing.
import { randomUUID } from "node:crypto";
import { packLoad, type TColdClass, type TRolledReason } from "@xiangda/domain";
import { withPgTransaction, writeOutbox, type Db, type PgClient } from "@xiangda/db";
import { outboxEvent, shipmentsReplan } from "@xiangda/jobs";
import { loadPlaces, transitKm } from "./geometry.ts";
import { DEFAULT_MILK_RUN, loopFigures, planMilkRun, type MilkRunOptions } from "./milk-run.ts";
import { releaseStaleItems } from "./release.ts";
import { sealGraceSeconds } from "./seal-grace.ts";

export interface SealResult {
  loadId: string;
  /// False when it was sealed before (a retry): nothing changed.
  sealedNow: boolean;
  status: string;
  vehicles: { id: string; vehicleId: string }[];
  assigned: number;
  rolled: number;
  /// Items that left the load at sealing because their legs were no longer pending (handed over, delivered, re-planned …).
  removed: number;
  /// Seconds past the cut-off when sealed later than the allowed grace (the late-seal alert); null otherwise.
  sealLateSeconds: number | null;
}

export interface SealOptions {
  milk?: MilkRunOptions;
  /// How late after the cut-off a seal may be before it is recorded as late (default XD_SEAL_GRACE_SECONDS, 60 s).
  graceSeconds?: number;
}

interface LoadRow {
  id: string;
  code: string;
  status: string;
  milkRun: boolean;
  laneId: string | null;
  nodeId: string;
  toNodeId: string | null;
  departAt: Date;
  cutoffAt: Date;
  sealLateSeconds: number | null;
  mode: string | null;
  transitMinutes: number | null;
  nodeName: string;
}

interface ItemRow {
  id: string;
  shipmentId: string;
  legId: string;
  weightG: number;
  volumeCm3: number;
  temp: "AMBIENT" | "CHILLED" | "FROZEN";
  stopNodeId: string;
  pickup: boolean;
}

interface VehicleRow {
  id: string;
  capacityKg: number;
  capacityL: number;
  cold: TColdClass;
}

/// Minutes a lane trip keeps its vehicle: out, back, and half an hour to turn round.
const laneBusyMinutes = (transit: number) => 2 * transit + 30;

/// `opts` may be the milk-run options alone (as before) or SealOptions.
export async function sealLoad(db: Db, loadId: string, now: Date, opts: MilkRunOptions | SealOptions = {}): Promise<SealResult> {
  const o: SealOptions = "serviceMinutes" in opts ? { milk: opts } : opts;
  return withPgTransaction(db, (client) => sealInTx(client, loadId, now, o.milk ?? DEFAULT_MILK_RUN, o.graceSeconds ?? sealGraceSeconds()));
}

async function sealInTx(c: PgClient, loadId: string, now: Date, milk: MilkRunOptions, graceSeconds: number): Promise<SealResult> {
  const load = (
    await c.query<LoadRow>(
      `SELECT l.id, l.code, l.status::text AS status, l."milkRun", l."laneId", l."nodeId", l."toNodeId", l."departAt", l."cutoffAt", l."sealLateSeconds",
              ln.mode::text AS mode, ln."transitMinutes", n.name AS "nodeName"
       FROM "Load" l LEFT JOIN "Lane" ln ON ln.id = l."laneId" JOIN "Node" n ON n.id = l."nodeId" WHERE l.id = $1 FOR UPDATE OF l`,
      [loadId],
    )
  ).rows[0];
  if (!load) throw new Error(`no load ${loadId}`);
  if (load.status !== "OPEN") {
    const vs = (
      await c.query<{ id: string; vehicleId: string }>(`SELECT id, "vehicleId" FROM "LoadVehicle" WHERE "loadId" = $1 ORDER BY seq`, [
        loadId,
      ])
    ).rows;
    const counts = (
      await c.query<{ status: string; n: number }>(
        `SELECT status::text AS status, count(*)::int AS n FROM "LoadItem" WHERE "loadId" = $1 GROUP BY 1`,
        [loadId],
      )
    ).rows;
    return {
      loadId,
      sealedNow: false,
      status: load.status,
      vehicles: vs,
      assigned: counts.find((x) => x.status === "ASSIGNED")?.n ?? 0,
      rolled: counts.find((x) => x.status === "ROLLED")?.n ?? 0,
      removed: counts.find((x) => x.status === "REMOVED")?.n ?? 0,
      sealLateSeconds: load.sealLateSeconds,
    };
  }
  // Only the legs still pending now ride: the others leave the load first (with their reasons), so the vehicles,
  // stops, weights and km below are computed from what is really waiting here.
  const removed = await releaseStaleItems(c, { loadIds: [loadId] }, now);
  const lateMs = now.getTime() - load.cutoffAt.getTime();
  const sealLateSeconds = lateMs > graceSeconds * 1000 ? Math.round(lateMs / 1000) : null;
  const items = (
    await c.query<ItemRow>(
      `SELECT id::text, "shipmentId", "legId", "weightG", "volumeCm3", temp::text AS temp, "stopNodeId", pickup FROM "LoadItem" WHERE "loadId" = $1 AND status = 'ASSIGNED' ORDER BY id`,
      [loadId],
    )
  ).rows;

  // Vehicles of the home node, locked; those on another trip overlapping this one are busy.
  const estMinutes = load.milkRun ? milk.maxMinutes : laneBusyMinutes(load.transitMinutes ?? 60);
  const until = new Date(load.departAt.getTime() + estMinutes * 60_000);
  const all = (
    await c.query<VehicleRow>(
      `SELECT id, "capacityKg", "capacityL", cold::text AS cold FROM "Vehicle" WHERE "homeNodeId" = $1 AND status = 'ACTIVE' ORDER BY id FOR UPDATE`,
      [load.nodeId],
    )
  ).rows;
  const busy = new Set(
    (
      await c.query<{ vehicleId: string }>(
        `SELECT DISTINCT lv."vehicleId" FROM "LoadVehicle" lv JOIN "Load" l ON l.id = lv."loadId"
         WHERE lv."vehicleId" = ANY($1::uuid[]) AND l.id <> $2 AND l."departAt" < $3 AND lv."busyUntil" > $4`,
        [all.map((v) => v.id), loadId, until, load.departAt],
      )
    ).rows.map((r) => r.vehicleId),
  );
  const free = all.filter((v) => !busy.has(v.id));

  type Out = {
    id: string;
    vehicleId: string;
    items: string[];
    weightG: number;
    volumeCm3: number;
    fillWeight: number;
    fillVolume: number;
    busyUntil: Date;
    stops: unknown;
  };
  const out: Out[] = [];
  const rolled: { id: string; reason: TRolledReason }[] = [];
  let report: Record<string, unknown>;
  const byId = new Map(items.map((i) => [i.id, i]));

  if (load.mode === "BUS") {
    // Parcels ride the passenger bus (客货邮融合): no vehicle of ours.
    report = { mode: "BUS", parcels: items.length, weightKg: items.reduce((s, i) => s + i.weightG, 0) / 1000, vehicles: 0 };
  } else if (!load.milkRun) {
    const packed = packLoad(items, free);
    for (const b of packed.vehicles) {
      out.push({
        id: randomUUID(),
        vehicleId: b.vehicleId,
        items: b.items,
        weightG: b.weightG,
        volumeCm3: b.volumeCm3,
        fillWeight: b.fillWeight,
        fillVolume: b.fillVolume,
        busyUntil: until,
        stops: null,
      });
    }
    rolled.push(...packed.rolled);
    report = {
      mode: load.mode,
      parcels: items.length - rolled.length,
      rolled: rolled.length,
      vehicles: out.length,
      freeVehicles: free.length,
    };
  } else {
    const places = await loadPlaces(c, [load.nodeId, ...items.map((i) => i.stopNodeId)]);
    const fallback = await transitKm(c, load.nodeId);
    const station = places.get(load.nodeId)!;
    const plan = planMilkRun(station, places, (id) => fallback.get(id) ?? 10, items, free, {
      ...milk,
      seed: seedOf(loadId),
      departAt: load.departAt,
    });
    for (const r of plan.solution.routes) {
      const v = free[r.vehicle]!;
      const ids = r.stops.flatMap((s) => plan.stopItems[s]!);
      const list = ids.map((id) => byId.get(id)!);
      const f = loopFigures(plan.problem, r.stops, milk.serviceMinutes);
      // Peak load along the loop: everything to drop on board at the start, pick-ups added as it goes.
      let w = list.filter((i) => !i.pickup).reduce((s, i) => s + i.weightG, 0);
      let vol = list.filter((i) => !i.pickup).reduce((s, i) => s + i.volumeCm3, 0);
      let peakW = w;
      let peakV = vol;
      for (const s of r.stops) {
        for (const id of plan.stopItems[s]!) {
          const it = byId.get(id)!;
          const sign = it.pickup ? 1 : -1;
          w += sign * it.weightG;
          vol += sign * it.volumeCm3;
        }
        peakW = Math.max(peakW, w);
        peakV = Math.max(peakV, vol);
      }
      out.push({
        id: randomUUID(),
        vehicleId: v.id,
        items: ids,
        weightG: list.reduce((s, i) => s + i.weightG, 0),
        volumeCm3: list.reduce((s, i) => s + i.volumeCm3, 0),
        fillWeight: peakW / (v.capacityKg * 1000),
        fillVolume: peakV / (v.capacityL * 1000),
        busyUntil: new Date(load.departAt.getTime() + Math.ceil(f.minutes) * 60_000),
        stops: r.stops.map((s) => ({ nodeId: plan.stopNode[s] })),
      });
    }
    for (const s of plan.solution.unassigned) {
      // A code, shown in the reader's language with the load's node (rolled-reasons.ts in @xiangda/domain).
      const reason: TRolledReason = free.length ? "LOOP_FULL" : "NO_VEHICLE";
      for (const id of plan.stopItems[s]!) rolled.push({ id, reason });
    }
    report = {
      mode: "MILK_RUN",
      parcels: items.length - rolled.length,
      rolled: rolled.length,
      vehicles: out.length,
      freeVehicles: free.length,
      solver: { cost: plan.solution.cost, iterations: plan.solution.iterations, timeMs: plan.solution.timeMs },
    };
  }

  if (out.length) {
    const col = <T>(f: (o: Out, i: number) => T) => out.map(f);
    await c.query(
      `INSERT INTO "LoadVehicle" (id, "loadId", "vehicleId", seq, parcels, "weightG", "volumeCm3", "fillWeight", "fillVolume", "busyUntil", stops)
       SELECT a, $1, b, c, d, e, f, g, h, i, j FROM unnest($2::uuid[], $3::uuid[], $4::int[], $5::int[], $6::int[], $7::int[], $8::float8[], $9::float8[], $10::timestamptz[], $11::jsonb[]) AS u(a, b, c, d, e, f, g, h, i, j)`,
      [
        loadId,
        col((o) => o.id),
        col((o) => o.vehicleId),
        col((_, i) => i + 1),
        col((o) => o.items.length),
        col((o) => o.weightG),
        col((o) => o.volumeCm3),
        col((o) => o.fillWeight),
        col((o) => o.fillVolume),
        col((o) => o.busyUntil),
        col((o) => (o.stops ? JSON.stringify(o.stops) : null)),
      ],
    );
    const pairs = out.flatMap((o) => o.items.map((id) => [id, o.id] as const));
    await c.query(`UPDATE "LoadItem" i SET "loadVehicleId" = u.v FROM unnest($1::bigint[], $2::uuid[]) AS u(id, v) WHERE i.id = u.id`, [
      pairs.map((p) => p[0]),
      pairs.map((p) => p[1]),
    ]);
  }
  if (rolled.length) {
    await c.query(
      `UPDATE "LoadItem" i SET status = 'ROLLED', "rolledReason" = u.r FROM unnest($1::bigint[], $2::text[]) AS u(id, r) WHERE i.id = u.id`,
      [rolled.map((r) => r.id), rolled.map((r) => r.reason)],
    );
    // Their promised times are planned again, from after this departure.
    const readyAt = new Date(Math.max(now.getTime(), load.departAt.getTime() + 60_000)).toISOString();
    const rows = rolled.map((r) =>
      outboxEvent(shipmentsReplan, { shipmentId: byId.get(r.id)!.shipmentId, scanId: byId.get(r.id)!.legId, readyAt }),
    );
    await writeOutbox(c, rows);
    await c.query(
      `INSERT INTO "ShipmentEvent" ("shipmentId", at, type, "nodeId", details) SELECT a, $1, 'ROLLED', $2, b FROM unnest($3::uuid[], $4::jsonb[]) AS u(a, b)`,
      [
        now,
        load.nodeId,
        rolled.map((r) => byId.get(r.id)!.shipmentId),
        rolled.map((r) => JSON.stringify({ load: load.code, reason: r.reason })),
      ],
    );
  }
  const fill = (k: "fillWeight" | "fillVolume") => (out.length ? out.reduce((s, o) => s + o[k], 0) / out.length : 0);
  report = {
    ...report,
    fillWeight: fill("fillWeight"),
    fillVolume: fill("fillVolume"),
    rolledReasons: [...new Set(rolled.map((r) => r.reason))],
  };
  await c.query(
    `UPDATE "Load" SET status = 'SEALED', "sealedAt" = $2, report = $3, "sealLateSeconds" = $4, "updatedAt" = $2 WHERE id = $1`,
    [loadId, now, JSON.stringify(report), sealLateSeconds],
  );
  return {
    loadId,
    sealedNow: true,
    status: "SEALED",
    vehicles: out.map((o) => ({ id: o.id, vehicleId: o.vehicleId })),
    assigned: items.length - rolled.length,
    rolled: rolled.length,
    removed: removed.length,
    sealLateSeconds,
  };
}

/// A stable seed per load: the same load is planned the same way on any worker.
export function seedOf(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h >>> 0;
}
