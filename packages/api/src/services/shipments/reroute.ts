// Re-plans every open shipment whose remaining route uses a node or lane that was suspended or
// closed (or reopened). Idempotent: a shipment no longer affected is left alone.
import type { Db } from "@xiangda/db";
import { replan } from "./plan-route.ts";
import { loadRouting } from "./routing-network.ts";

export interface RerouteResult {
  affected: number;
  rerouted: number;
  noRoute: number;
}

const OPEN = ["CREATED", "ACCEPTED", "AT_NODE", "IN_TRANSIT", "EXCEPTION"] as const;

export async function rerouteAffected(
  db: Db,
  opts: {
    countyCode: string;
    nodeId?: string;
    laneId?: string;
    reopened?: boolean;
    now: Date;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<RerouteResult> {
  const touches = opts.nodeId
    ? { OR: [{ fromNodeId: opts.nodeId }, { toNodeId: opts.nodeId }] }
    : opts.laneId
      ? { laneId: opts.laneId }
      : {};
  // Shipments still to ride a leg through the node or lane, plus those waiting without a route.
  const affected = await db.shipment.findMany({
    where: {
      countyCode: opts.countyCode,
      status: { in: [...OPEN] },
      // A suspension can only take routes away; a reopening may give one to those without.
      OR: [{ legs: { some: { status: "PLANNED", ...touches } } }, ...(opts.reopened ? [{ routeError: { not: null } }] : [])],
    },
    select: { id: true, temp: true, destNodeId: true, currentNodeId: true, originNodeId: true },
  });
  const routing = await loadRouting(db, opts.countyCode);
  const result: RerouteResult = { affected: affected.length, rerouted: 0, noRoute: 0 };
  let done = 0;
  for (const s of affected) {
    if (!s.destNodeId) continue;
    await db.$transaction(async (tx) => {
      // A parcel on a vehicle re-plans from where that leg arrives; otherwise from where it is.
      const onBoard = await tx.shipmentLeg.findFirst({
        where: { shipmentId: s.id, status: "DEPARTED" },
        orderBy: [{ plan: "desc" }, { seq: "desc" }],
      });
      const from = onBoard ? onBoard.toNodeId : (s.currentNodeId ?? s.originNodeId);
      const readyAt = onBoard && onBoard.plannedArrive > opts.now ? onBoard.plannedArrive : opts.now;
      const out = await replan(
        tx,
        routing,
        { shipmentId: s.id, fromNodeId: from, toNodeId: s.destNodeId!, readyAt, temp: s.temp, reason: "REROUTED" },
        opts.now,
      );
      if (out.ok) result.rerouted++;
      else result.noRoute++;
    });
    done++;
    if (done % 50 === 0 || done === affected.length) opts.onProgress?.(done, affected.length);
  }
  return result;
}
