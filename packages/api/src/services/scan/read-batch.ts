// A scan batch's reads: the vehicles its scans name, then every parcel its codes name with their legs, last scans,
// stored results and nodes in one statement (one snapshot); nodes and shelf slots it turns out to need, on demand.
import { qb, runQuery, type PgPool, type Row } from "@xiangda/db";
import { parseWaybill, type Actor } from "@xiangda/domain";
import {
  LEG_COLS,
  NODE_COLS,
  PARCEL_COLS,
  SHELF,
  type LegRow,
  type NodeRow,
  type Parcel,
  type ParcelRow,
  type WorkScan,
} from "./batch-rows.ts";
import type { TScan } from "./schemas.ts";
import { canonical, type ScanResult } from "./scan-result.ts";

/// Resolves every code and reads the parcels (with their row versions), their legs, last scans,
/// stored results and nodes, in one statement and so one snapshot.
export const READ_SQL = `
WITH cand AS (
  SELECT id FROM "Shipment" WHERE "waybillNo" = ANY($1::text[]) AND ($5::varchar IS NULL OR "countyCode" = $5)
  UNION SELECT id FROM "Shipment" WHERE "carrierWaybillNo" = ANY($2::text[]) AND ($5::varchar IS NULL OR "countyCode" = $5)
  UNION SELECT s.id FROM "Shipment" s JOIN unnest($3::uuid[], $4::text[]) AS q(node, slot) ON s."currentNodeId" = q.node AND s."shelfSlot" = q.slot
    WHERE s.status = 'AWAITING_PICKUP'
),
locked AS (SELECT xmin::text AS v, ${PARCEL_COLS.sql} FROM "Shipment" WHERE id IN (SELECT id FROM cand)),
legs AS (
  SELECT ${LEG_COLS.sql} FROM "ShipmentLeg" WHERE "shipmentId" IN (SELECT id FROM cand)
),
last AS (
  SELECT DISTINCT ON ("shipmentId") "shipmentId", action, "nodeId" FROM "ScanEvent"
  WHERE "shipmentId" IN (SELECT id FROM cand) AND outcome = 'OK' ORDER BY "shipmentId", id DESC
),
nodes AS (
  SELECT ${NODE_COLS.sql} FROM "Node"
  WHERE id = ANY($6::uuid[]) OR id IN (SELECT "fromNodeId" FROM legs UNION SELECT "toNodeId" FROM legs UNION SELECT "destNodeId" FROM locked UNION SELECT "currentNodeId" FROM locked)
)
SELECT
  (SELECT coalesce(json_agg(x), '[]') FROM locked x) AS parcels,
  (SELECT coalesce(json_agg(x ORDER BY "shipmentId", plan, seq), '[]') FROM legs x) AS legs,
  (SELECT coalesce(json_agg(x), '[]') FROM last x) AS last,
  (SELECT coalesce(json_agg(json_build_object('clientScanId', "clientScanId", 'result', result, 'action', action)), '[]') FROM "ScanEvent" WHERE "clientScanId" = ANY($7::uuid[])) AS replays,
  (SELECT coalesce(json_agg(x), '[]') FROM nodes x) AS nodes`;

/// READ_SQL's one row: each CTE as a JSON array (times arrive as strings, made dates again by toParcels).
interface ReadRow {
  parcels: (ParcelRow & { v: string })[];
  legs: LegRow[];
  last: (Row<"ScanEvent", "action" | "nodeId"> & { shipmentId: string })[];
  replays: (Row<"ScanEvent", "clientScanId" | "action"> & { result: ScanResult })[];
  nodes: NodeRow[];
}

/// What the batch read: stored results by clientScanId, nodes, parcels (by id and by waybill) and their row versions.
export interface BatchRead {
  done: Map<string, ScanResult>;
  nodes: Map<string, NodeRow>;
  parcels: Map<string, Parcel>;
  byWaybill: Map<string, Parcel>;
  /// Row version (xmin) of every parcel read: the decisions hold only if none has changed since.
  versions: Map<string, string>;
}

// JSON carries times as strings.
const date = (x: Date | string | null): Date | null => (x === null ? null : new Date(x));

/// Vehicles named by id, number or plate (`vehicle`), within each scanning node's county: the scans with the id filled
/// in, and the ids of scans naming no vehicle there (refused UNKNOWN_VEHICLE).
export async function resolveVehicles(c: PgPool, input: TScan[], mayTry: (s: TScan) => boolean) {
  const unknown = new Set<string>();
  const want = input.map((s, i) => ({ s, i })).filter(({ s }) => mayTry(s) && !s.vehicleId && s.vehicle);
  if (!want.length) return { scans: input, unknown };
  const key = (v: string) => v.replace(/\s+/g, "").toUpperCase();
  const r = await c.query<Row<"Vehicle", "id"> & { i: number; rank: number }>(
    `SELECT q.i, v.id, CASE WHEN v.id::text = lower(q.key) THEN 0 WHEN upper(regexp_replace(v.number, '\\s', '', 'g')) = q.key THEN 1 ELSE 2 END AS rank
     FROM unnest($1::int[], $2::uuid[], $3::text[]) AS q(i, node, key)
     JOIN "Node" n ON n.id = q.node
     JOIN "Vehicle" v ON v."countyCode" = n."countyCode"
       AND (v.id::text = lower(q.key) OR upper(regexp_replace(v.number, '\\s', '', 'g')) = q.key OR upper(regexp_replace(v.plate, '\\s', '', 'g')) = q.key)
     ORDER BY q.i, rank`,
    [want.map((w) => w.i), want.map((w) => w.s.nodeId), want.map((w) => key(w.s.vehicle!))],
  );
  const found = new Map<number, string>();
  for (const x of r.rows) if (!found.has(x.i)) found.set(x.i, x.id);
  const scans = input.map((s, i) => {
    const id = found.get(i);
    if (id) return { ...s, vehicleId: id };
    if (want.some((w) => w.i === i)) unknown.add(s.clientScanId);
    return s;
  });
  return { scans, unknown };
}

/// The one read of the batch (READ_SQL), for the codes of the scans the actor may try.
export async function readBatch(c: PgPool, actor: Actor, scans: WorkScan[], mayTry: (s: TScan) => boolean): Promise<BatchRead> {
  const waybills = new Set<string>();
  const carrierCodes = new Set<string>();
  const shelves: { nodeId: string; slot: string }[] = [];
  for (const s of scans) {
    if (!mayTry(s)) continue;
    const code = s.code.trim().toUpperCase();
    if (code.startsWith("XD")) {
      const p = parseWaybill(code);
      if (p.ok) waybills.add(p.value);
    } else if (SHELF.test(code)) shelves.push({ nodeId: s.nodeId, slot: code });
    else carrierCodes.add(s.code.trim());
  }
  const county = actor.role === "ADMIN" ? null : actor.countyCode;
  const params = [
    [...waybills],
    [...carrierCodes],
    shelves.map((x) => x.nodeId),
    shelves.map((x) => x.slot),
    county,
    [...new Set(scans.map((s) => s.nodeId))],
    [...new Set(scans.map((s) => s.clientScanId))],
  ];
  const read = (await c.query<ReadRow>({ name: "xd_scan_read", text: READ_SQL, values: params })).rows[0]!;

  const done = new Map(read.replays.map((x) => [x.clientScanId, canonical(x.result, x.action)]));
  const nodes = new Map(read.nodes.map((n) => [n.id, n]));
  const { parcels, versions } = toParcels(read);
  const byWaybill = new Map([...parcels.values()].map((p) => [p.row.waybillNo, p]));
  return { done, nodes, parcels, byWaybill, versions };
}

/// The parcels read, their times made dates again, each with its legs (in plan and seq order), its latest plan and
/// last OK scan.
function toParcels(read: ReadRow) {
  const parcels = new Map<string, Parcel>();
  const lastBy = new Map(read.last.map((r) => [r.shipmentId, r]));
  const versions = new Map<string, string>();
  for (const { v, ...x } of read.parcels) {
    versions.set(x.id, v);
    const row: ParcelRow = {
      ...x,
      readyForPickupAt: date(x.readyForPickupAt),
      lastScanAt: date(x.lastScanAt),
      promisedAt: date(x.promisedAt),
      lightChangedAt: date(x.lightChangedAt),
      finishedAt: date(x.finishedAt),
      returnFlaggedAt: date(x.returnFlaggedAt),
    };
    parcels.set(row.id, {
      row,
      legs: [],
      plan: 0,
      lastAction: lastBy.get(row.id)?.action ?? null,
      lastNodeId: lastBy.get(row.id)?.nodeId ?? null,
      dirty: false,
    });
  }
  for (const x of read.legs) {
    const p = parcels.get(x.shipmentId);
    if (!p) continue;
    p.legs.push({
      ...x,
      plannedDepart: date(x.plannedDepart)!,
      plannedArrive: date(x.plannedArrive)!,
      actualDepart: date(x.actualDepart),
      actualArrive: date(x.actualArrive),
    });
    p.plan = Math.max(p.plan, x.plan);
  }
  return { parcels, versions };
}

/// Reads the nodes among `want` not read yet (a next hop or expected node off the parcels' routes) into `nodes`.
export function nodeLoader(c: PgPool, nodes: Map<string, NodeRow>) {
  return async (want: (string | null | undefined)[]) => {
    const missing = [...new Set(want.filter((x): x is string => !!x && !nodes.has(x)))];
    if (!missing.length) return;
    const r = await c.query<NodeRow>(`SELECT ${NODE_COLS.sql} FROM "Node" WHERE id = ANY($1::uuid[])`, [missing]);
    for (const n of r.rows) nodes.set(n.id, n);
  };
}

/// Shelf slots taken per node, read once per node that needs one. A slot freed in this batch is
/// not handed out again in it (one UPDATE writes all parcels, and the unique index checks row by row).
export function shelfSlots(c: PgPool, parcels: Map<string, Parcel>) {
  const taken = new Map<string, Set<string>>();
  return async (nodeId: string) => {
    let set = taken.get(nodeId);
    if (!set) {
      const rows = await runQuery(
        c,
        qb
          .selectFrom("Shipment")
          .select("shelfSlot")
          .where("currentNodeId", "=", nodeId)
          .where("status", "=", "AWAITING_PICKUP")
          .where("shelfSlot", "is not", null)
          .$narrowType<{ shelfSlot: string }>(),
      );
      set = new Set(rows.map((x) => x.shelfSlot));
      for (const p of parcels.values()) if (p.row.currentNodeId === nodeId && p.row.shelfSlot) set.add(p.row.shelfSlot);
      taken.set(nodeId, set);
    }
    return set;
  };
}
