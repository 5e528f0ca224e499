// The exception queue of a county: open parcels reported as an exception, RED, or without a route, each with the node
// to call about it and every action already taken on it (who did what when).
import { pgPool, type Db } from "@xiangda/db";
import { maskPhone } from "@xiangda/domain";
import { OPEN_STATUSES } from "../dashboard/sql.ts";
import type { TExceptionCause } from "@xiangda/domain";
import type { TExceptionList } from "./schemas.ts";

/// A queue is for acting on: the oldest promises first, at most this many parcels.
export const EXCEPTION_LIST_LIMIT = 500;

interface Row {
  shipmentId: string;
  waybillNo: string;
  direction: string;
  status: string;
  light: string;
  lightReason: string | null;
  routeError: string | null;
  exceptionReason: string | null;
  promisedAt: Date | null;
  since: Date | null;
  nodeId: string | null;
  currentNodeId: string | null;
}

const CAUSE_SQL: Record<TExceptionCause, string> = {
  EXCEPTION: `s.status = 'EXCEPTION'`,
  RED: `s.light = 'RED' AND s."routeError" IS NULL`,
  UNROUTABLE: `s."routeError" IS NOT NULL`,
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/// Why a parcel is queued, most pressing first.
function causesOf(r: Pick<Row, "status" | "light" | "routeError">): TExceptionCause[] {
  const out: TExceptionCause[] = [];
  if (r.routeError) out.push("UNROUTABLE");
  if (r.status === "EXCEPTION") out.push("EXCEPTION");
  if (r.light === "RED" && !r.routeError) out.push("RED");
  return out;
}

export async function listExceptions(db: Db, q: TExceptionList) {
  const pool = pgPool(db);
  // Open parcels only (the (countyCode, status) index); the responsible node is the SLA watcher's (an unresolved
  // alert), else where the parcel is, else where it started.
  const where = q.cause ? CAUSE_SQL[q.cause] : `(${Object.values(CAUSE_SQL).join(") OR (")})`;
  const [rows, counts] = await Promise.all([
    pool.query<Row>(
      `SELECT s.id AS "shipmentId", s."waybillNo", s.direction::text AS direction, s.status::text AS status, s.light::text AS light,
              s."lightReason", s."routeError", s."exceptionReason", s."promisedAt", coalesce(s."lightChangedAt", s."updatedAt") AS since,
              coalesce(a."nodeId", s."currentNodeId", s."originNodeId") AS "nodeId", s."currentNodeId"
         FROM "Shipment" s
         LEFT JOIN (SELECT DISTINCT ON ("shipmentId") "shipmentId", "nodeId" FROM "RedAlert"
                     WHERE "countyCode" = $1 AND "resolvedAt" IS NULL ORDER BY "shipmentId", "createdAt" DESC) a ON a."shipmentId" = s.id
        WHERE s."countyCode" = $1 AND s.status = ANY($2::"ShipmentStatus"[]) AND (${where})
        ORDER BY s."promisedAt" ASC NULLS FIRST, s."waybillNo" LIMIT ${EXCEPTION_LIST_LIMIT}`,
      [q.countyCode, [...OPEN_STATUSES]],
    ),
    pool.query<{ exception: number; red: number; unroutable: number; total: number }>(
      `SELECT count(*) FILTER (WHERE ${CAUSE_SQL.EXCEPTION})::int AS exception, count(*) FILTER (WHERE ${CAUSE_SQL.RED})::int AS red,
              count(*) FILTER (WHERE ${CAUSE_SQL.UNROUTABLE})::int AS unroutable, count(*)::int AS total
         FROM "Shipment" s
        WHERE s."countyCode" = $1 AND s.status = ANY($2::"ShipmentStatus"[])
          AND (s.status = 'EXCEPTION' OR s.light = 'RED' OR s."routeError" IS NOT NULL)`,
      [q.countyCode, [...OPEN_STATUSES]],
    ),
  ]);
  const ids = rows.rows.map((r) => r.shipmentId);
  const nodeIds = [...new Set(rows.rows.flatMap((r) => [r.nodeId, r.currentNodeId]).filter((x): x is string => !!x))];
  const [nodes, actions] = await Promise.all([
    db.node.findMany({
      where: { id: { in: nodeIds } },
      select: { id: true, code: true, name: true, tier: true, contactName: true, contactPhone: true },
    }),
    db.exceptionAction.findMany({
      where: { shipmentId: { in: ids } },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      select: { id: true, shipmentId: true, kind: true, actorName: true, at: true, result: true },
    }),
  ]);
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const nodeOut = (id: string | null) => {
    const n = id ? nodeById.get(id) : undefined;
    return n
      ? { id: n.id, code: n.code, name: n.name, tier: n.tier, contactName: n.contactName, contactPhoneMasked: maskPhone(n.contactPhone) }
      : null;
  };
  const actionsOf = new Map<string, typeof actions>();
  for (const a of actions) actionsOf.set(a.shipmentId, [...(actionsOf.get(a.shipmentId) ?? []), a]);
  const c = counts.rows[0] ?? { exception: 0, red: 0, unroutable: 0, total: 0 };
  return {
    counts: c,
    limit: EXCEPTION_LIST_LIMIT,
    items: rows.rows.map((r) => ({
      shipmentId: r.shipmentId,
      waybillNo: r.waybillNo,
      direction: r.direction,
      status: r.status,
      light: r.light,
      causes: causesOf(r),
      lightReason: r.lightReason,
      routeError: r.routeError,
      exceptionReason: r.exceptionReason,
      promisedAt: iso(r.promisedAt),
      since: iso(r.since),
      node: nodeOut(r.nodeId),
      at: nodeOut(r.currentNodeId),
      actions: (actionsOf.get(r.shipmentId) ?? []).map((a) => ({
        id: a.id,
        kind: a.kind,
        actorName: a.actorName,
        at: a.at.toISOString(),
        result: a.result as Record<string, unknown> | null,
      })),
    })),
  };
}
