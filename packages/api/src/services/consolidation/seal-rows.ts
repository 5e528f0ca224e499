// What sealing a load reads and writes, on the client of its transaction: the load (locked), its items, the home
// node's free vehicles (locked), and the vehicles, rolled items and their timeline entries it records.
import { qb, runQuery, sql, writeOutbox, type PgClient } from "@xiangda/db";
import type { PackedVehicle, TRolledReason } from "@xiangda/domain";
import { outboxEvent, shipmentsReplan } from "@xiangda/jobs";

/// The load being sealed, locked, with its lane's mode and transit time and its node's name.
export async function lockLoad(c: PgClient, loadId: string) {
  const [load] = await runQuery(
    c,
    qb
      .selectFrom("Load as l")
      .leftJoin("Lane as ln", "ln.id", "l.laneId")
      .innerJoin("Node as n", "n.id", "l.nodeId")
      .select([
        "l.id",
        "l.code",
        "l.status",
        "l.milkRun",
        "l.laneId",
        "l.nodeId",
        "l.toNodeId",
        "l.departAt",
        "l.cutoffAt",
        "l.sealLateSeconds",
      ])
      .select(["ln.mode", "ln.transitMinutes", "n.name as nodeName"])
      .where("l.id", "=", loadId)
      .forUpdate("l"),
  );
  if (!load) throw new Error(`no load ${loadId}`);
  return load;
}
export type SealLoadRow = Awaited<ReturnType<typeof lockLoad>>;

/// A load sealed before: its vehicles and how many items it has of each status.
export async function sealedBefore(c: PgClient, loadId: string) {
  const vehicles = await runQuery(c, qb.selectFrom("LoadVehicle").select(["id", "vehicleId"]).where("loadId", "=", loadId).orderBy("seq"));
  const counts = await runQuery(
    c,
    qb
      .selectFrom("LoadItem")
      .select(["status", sql<number>`count(*)::int`.as("n")])
      .where("loadId", "=", loadId)
      .groupBy("status"),
  );
  const count = (status: string) => counts.find((x) => x.status === status)?.n ?? 0;
  return { vehicles, assigned: count("ASSIGNED"), rolled: count("ROLLED"), removed: count("REMOVED") };
}

/// The items assigned to the load, in id order.
export function assignedItems(c: PgClient, loadId: string) {
  return runQuery(
    c,
    qb
      .selectFrom("LoadItem")
      .select(["id", "shipmentId", "legId", "weightG", "volumeCm3", "temp", "stopNodeId", "pickup"])
      .where("loadId", "=", loadId)
      .where("status", "=", "ASSIGNED")
      .orderBy("id"),
  );
}
export type SealItemRow = Awaited<ReturnType<typeof assignedItems>>[number];

/// Active vehicles of the node, locked (two seals there never take the same one), less those on another trip that
/// overlaps [departAt, until).
export async function freeVehicles(c: PgClient, load: { id: string; nodeId: string; departAt: Date }, until: Date) {
  const all = await runQuery(
    c,
    qb
      .selectFrom("Vehicle")
      .select(["id", "capacityKg", "capacityL", "cold"])
      .where("homeNodeId", "=", load.nodeId)
      .where("status", "=", "ACTIVE")
      .orderBy("id")
      .forUpdate(),
  );
  const busy = await runQuery(
    c,
    qb
      .selectFrom("LoadVehicle as lv")
      .innerJoin("Load as l", "l.id", "lv.loadId")
      .select("lv.vehicleId")
      .distinct()
      .where("lv.vehicleId", "=", (eb) => eb.fn.any(eb.val(all.map((v) => v.id))))
      .where("l.id", "<>", load.id)
      .where("l.departAt", "<", until)
      .where("lv.busyUntil", ">", load.departAt),
  );
  const taken = new Set(busy.map((r) => r.vehicleId));
  return all.filter((v) => !taken.has(v.id));
}
export type SealVehicleRow = Awaited<ReturnType<typeof freeVehicles>>[number];

/// A vehicle the seal puts on the load, with the items it carries and its figures.
export interface SealVehicle extends PackedVehicle {
  id: string;
  busyUntil: Date;
  stops: unknown;
}

/// The load's vehicles, and each item on its vehicle.
export async function writeVehicles(c: PgClient, loadId: string, out: SealVehicle[]) {
  if (!out.length) return;
  const col = <T>(f: (o: SealVehicle, i: number) => T) => out.map(f);
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

/// Items that did not fit: rolled with their reason, their promised times planned again from after this departure
/// (a replan job each), and a ROLLED timeline entry on each parcel.
export async function rollItems(
  c: PgClient,
  load: SealLoadRow,
  byId: Map<string, SealItemRow>,
  rolled: { id: string; reason: TRolledReason }[],
  now: Date,
) {
  if (!rolled.length) return;
  await c.query(
    `UPDATE "LoadItem" i SET status = 'ROLLED', "rolledReason" = u.r FROM unnest($1::bigint[], $2::text[]) AS u(id, r) WHERE i.id = u.id`,
    [rolled.map((r) => r.id), rolled.map((r) => r.reason)],
  );
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
