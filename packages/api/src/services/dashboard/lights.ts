// Live traffic lights of a county's open parcels, the RED ones grouped by the node responsible (from the SLA
// watcher's alerts), one node's panel, and the manager's "chase them" action.
import { pgPool, writeOutbox, type Db, type Row, type Tx } from "@xiangda/db";
import { AppError, maskPhone, type Actor } from "@xiangda/domain";
import { dashboardNotifyRed, outboxEvent } from "@xiangda/jobs";
import { shanghaiDay, shanghaiDayStart } from "../listings/days.ts";
import { nodeTownships, OPEN_STATUSES, SHIPMENT_END, SHIPMENT_TOWNSHIP } from "./sql.ts";
import type { TLightsFilter } from "./schemas.ts";

/// The RED list is for acting on, not for scrolling: the oldest promises first, at most this many parcels.
export const RED_LIST_LIMIT = 1000;

// $1 county, $2 open statuses, $3 township, $4 carrier, $5 direction (null: any).
const OPEN_WHERE = `s."countyCode" = $1 AND s.status = ANY($2::"ShipmentStatus"[])
  AND ($3::varchar IS NULL OR ${SHIPMENT_TOWNSHIP} = $3::varchar)
  AND ($4::uuid IS NULL OR s."carrierId" = $4::uuid)
  AND ($5::"Direction" IS NULL OR s.direction = $5::"Direction")`;
const openArgs = (f: TLightsFilter) => [f.countyCode, [...OPEN_STATUSES], f.townshipCode ?? null, f.carrierId ?? null, f.direction ?? null];

type RedRow = Row<"RedAlert", "nodeId" | "notifiedAt"> &
  Row<"Shipment", "waybillNo" | "promisedAt" | "status"> & { shipmentId: string; redSince: Date | null; reason: string | null };

const iso = (d: Date | null) => (d ? d.toISOString() : null);
/// Oldest promise first; a parcel without one (no route) is the most urgent of all.
const byPromise = (a: Date | null, b: Date | null) => (a?.getTime() ?? -Infinity) - (b?.getTime() ?? -Infinity);

export async function lights(db: Db, { now, ...f }: { now: Date } & TLightsFilter) {
  const pool = pgPool(db);
  const [counts, reds] = await Promise.all([
    // Open parcels only: the (countyCode, status) index, never finished history. Per node holding each (else the one
    // it started from), so the map can show where the RED ones are from the same pass.
    pool.query<{ nodeId: string; green: number; yellow: number; red: number }>(
      `WITH nt AS (${nodeTownships(`"countyCode" = $1`)})
       SELECT coalesce(s."currentNodeId", s."originNodeId") AS "nodeId",
              count(*) FILTER (WHERE s.light = 'GREEN')::int AS green, count(*) FILTER (WHERE s.light = 'YELLOW')::int AS yellow,
              count(*) FILTER (WHERE s.light = 'RED')::int AS red
         FROM "Shipment" s ${SHIPMENT_END} WHERE ${OPEN_WHERE} GROUP BY 1`,
      openArgs(f),
    ),
    // Unresolved alerts of parcels still RED and open: the watcher's record of who is responsible.
    pool.query<RedRow>(
      `WITH nt AS (${nodeTownships(`"countyCode" = $1`)})
       SELECT a."nodeId", s.id AS "shipmentId", s."waybillNo", s."promisedAt", coalesce(s."lightChangedAt", a."createdAt") AS "redSince",
              coalesce(s."lightReason", a.reason) AS reason, s.status::text AS status, a."notifiedAt"
         FROM "RedAlert" a JOIN "Shipment" s ON s.id = a."shipmentId" ${SHIPMENT_END}
        WHERE a."countyCode" = $1 AND a."resolvedAt" IS NULL AND s.light = 'RED' AND ${OPEN_WHERE}
        ORDER BY s."promisedAt" ASC NULLS FIRST, s."waybillNo" LIMIT ${RED_LIST_LIMIT}`,
      openArgs(f),
    ),
  ]);
  const c = { green: 0, yellow: 0, red: 0 };
  for (const r of counts.rows) {
    c.green += r.green;
    c.yellow += r.yellow;
    c.red += r.red;
  }
  const redAt = counts.rows
    .filter((r) => r.red > 0)
    .map((r) => ({ nodeId: r.nodeId, count: r.red }))
    .sort((a, b) => b.count - a.count || a.nodeId.localeCompare(b.nodeId));
  const nodeIds = [...new Set(reds.rows.map((r) => r.nodeId))];
  const [nodes, staff] = await Promise.all([
    db.node.findMany({
      where: { id: { in: nodeIds } },
      select: { id: true, code: true, name: true, tier: true, contactName: true, contactPhone: true },
    }),
    db.user.findMany({
      where: { nodeId: { in: nodeIds }, role: "STATION_STAFF", active: true },
      select: { nodeId: true, displayName: true },
      orderBy: { displayName: "asc" },
    }),
  ]);
  const nodeById = new Map(nodes.map((x) => [x.id, x]));
  const groups = new Map<string, RedRow[]>();
  for (const r of reds.rows) groups.set(r.nodeId, [...(groups.get(r.nodeId) ?? []), r]);
  const redByNode = [...groups.entries()]
    .map(([nodeId, rows]) => {
      const node = nodeById.get(nodeId);
      return {
        nodeId,
        nodeCode: node?.code ?? "",
        nodeName: node?.name ?? "",
        tier: node?.tier ?? null,
        contactName: node?.contactName ?? null,
        contactPhoneMasked: maskPhone(node?.contactPhone),
        staff: staff.filter((u) => u.nodeId === nodeId).map((u) => ({ displayName: u.displayName })),
        oldestPromisedAt: iso(rows[0]!.promisedAt),
        count: rows.length,
        parcels: rows.map((r) => ({
          shipmentId: r.shipmentId,
          waybillNo: r.waybillNo,
          promisedAt: iso(r.promisedAt),
          redSince: iso(r.redSince),
          reason: r.reason,
          status: r.status,
          notifiedAt: iso(r.notifiedAt),
        })),
      };
    })
    .sort(
      (a, b) =>
        byPromise(groups.get(a.nodeId)![0]!.promisedAt, groups.get(b.nodeId)![0]!.promisedAt) || a.nodeCode.localeCompare(b.nodeCode),
    );
  return { green: c.green, yellow: c.yellow, red: c.red, asOf: now.toISOString(), redByNode, redAt };
}

/// Marks the node's unresolved, not yet notified alerts and queues one message for them, in one transaction. A
/// second call with nothing new marks nothing and sends nothing.
export async function notifyRed(
  db: Db,
  { actor, now, ...q }: { actor: Actor; now: Date; countyCode: string; nodeId: string; requestId: string },
) {
  const node = await db.node.findFirst({ where: { id: q.nodeId, countyCode: q.countyCode }, select: { id: true } });
  if (!node)
    throw AppError.notFound(`nodeId: no such node in county ${q.countyCode}`, {
      issues: [{ path: "nodeId", message: "no such node in this county" }],
    });
  return db.$transaction((tx) => notifyNodeAlerts(tx, actor, q, now));
}

/// The notify action inside the caller's transaction (the exception queue's notify shares it): the node must be
/// the county's, checked by the caller.
export async function notifyNodeAlerts(tx: Tx, actor: Actor, q: { countyCode: string; nodeId: string; requestId: string }, now: Date) {
  const r = await tx.redAlert.updateMany({
    where: { nodeId: q.nodeId, countyCode: q.countyCode, resolvedAt: null, notifiedAt: null },
    data: { notifiedAt: now, notifiedById: actor.userId },
  });
  if (r.count)
    await writeOutbox(
      tx,
      outboxEvent(dashboardNotifyRed, {
        countyCode: q.countyCode,
        nodeId: q.nodeId,
        requestId: q.requestId,
        notifiedAt: now.toISOString(),
      }),
    );
  return { alerts: r.count };
}

/// Parcels per day moved by the node's loads (index-backed: loads by node and departure, milk-run items by load):
/// a lane load counts as departed at its origin and arrived at its end; a milk run's drops depart from its station
/// and arrive at their village point, its pickups the other way.
const NODE_VOLUMES = `
WITH lane AS (
  SELECT to_char(l."departAt" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day,
         coalesce(sum((l.report->>'parcels')::int) FILTER (WHERE l."nodeId" = $1), 0) AS departed,
         coalesce(sum((l.report->>'parcels')::int) FILTER (WHERE l."toNodeId" = $1), 0) AS arrived
    FROM "Load" l
   WHERE NOT l."milkRun" AND l.status IN ('PLANNED', 'DEPARTED', 'ARRIVED') AND l."departAt" >= $3 AND l."departAt" < $4
     AND (l."nodeId" = $1 OR (l."countyCode" = $5 AND l."toNodeId" = $1))
   GROUP BY 1),
milk AS (
  SELECT to_char(l."departAt" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day,
         count(*) FILTER (WHERE (l."nodeId" = $1 AND NOT i.pickup) OR (i."stopNodeId" = $1 AND i.pickup)) AS departed,
         count(*) FILTER (WHERE (l."nodeId" = $1 AND i.pickup) OR (i."stopNodeId" = $1 AND NOT i.pickup)) AS arrived
    FROM "Load" l JOIN "LoadItem" i ON i."loadId" = l.id AND i.status = 'ASSIGNED'
   WHERE l."milkRun" AND l.status IN ('PLANNED', 'DEPARTED', 'ARRIVED') AND l."departAt" >= $3 AND l."departAt" < $4
     AND l."nodeId" IN ($1, $2) AND (l."nodeId" = $1 OR i."stopNodeId" = $1)
   GROUP BY 1)
SELECT day, sum(departed)::int AS departed, sum(arrived)::int AS arrived FROM (SELECT * FROM lane UNION ALL SELECT * FROM milk) x GROUP BY day`;

export const NODE_VOLUME_DAYS = 30;

/// One node: who to call, what it moved in the last 30 days, and its late open parcels (at it or last sent from it).
export async function nodePanel(db: Db, { now, ...q }: { now: Date; countyCode: string; nodeId: string }) {
  const node = await db.node.findFirst({
    where: { id: q.nodeId, countyCode: q.countyCode },
    select: {
      id: true,
      code: true,
      name: true,
      tier: true,
      status: true,
      parentId: true,
      contactName: true,
      contactPhone: true,
      area: { select: { code: true, name: true, level: true, parentCode: true } },
    },
  });
  if (!node)
    throw AppError.notFound(`nodeId: no such node in county ${q.countyCode}`, {
      issues: [{ path: "nodeId", message: "no such node in this county" }],
    });
  const townshipCode = node.tier === "COUNTY_HUB" ? null : node.area.level === "TOWNSHIP" ? node.area.code : node.area.parentCode;
  const today = shanghaiDayStart(shanghaiDay(now));
  const start = new Date(today.getTime() - (NODE_VOLUME_DAYS - 1) * 86_400_000);
  const end = new Date(today.getTime() + 86_400_000);
  const pool = pgPool(db);
  const [township, vol, late] = await Promise.all([
    townshipCode ? db.adminArea.findUnique({ where: { code: townshipCode }, select: { code: true, name: true } }) : Promise.resolve(null),
    pool.query<{ day: string; departed: number; arrived: number }>(NODE_VOLUMES, [
      node.id,
      node.parentId ?? node.id,
      start,
      end,
      q.countyCode,
    ]),
    // Open and late: the (countyCode, status) index, then the node.
    pool.query<Row<"Shipment", "waybillNo" | "light" | "promisedAt" | "status"> & { shipmentId: string; reason: string | null }>(
      `SELECT s.id AS "shipmentId", s."waybillNo", s.light::text AS light, s."promisedAt", s.status::text AS status, s."lightReason" AS reason
         FROM "Shipment" s
        WHERE s."countyCode" = $1 AND s.status = ANY($2::"ShipmentStatus"[]) AND s.light <> 'GREEN' AND s."currentNodeId" = $3
        ORDER BY s."promisedAt" ASC NULLS FIRST, s."waybillNo" LIMIT 100`,
      [q.countyCode, [...OPEN_STATUSES], node.id],
    ),
  ]);
  const byDay = new Map(vol.rows.map((r) => [r.day, r]));
  const volumes = Array.from({ length: NODE_VOLUME_DAYS }, (_, k) => {
    const day = shanghaiDay(new Date(start.getTime() + k * 86_400_000));
    const r = byDay.get(day);
    return { day, arrived: r?.arrived ?? 0, departed: r?.departed ?? 0 };
  });
  return {
    node: {
      id: node.id,
      code: node.code,
      name: node.name,
      tier: node.tier,
      status: node.status,
      township,
      contactName: node.contactName,
      contactPhoneMasked: maskPhone(node.contactPhone),
    },
    volumes,
    late: late.rows.map((r) => ({ ...r, promisedAt: iso(r.promisedAt) })),
  };
}
