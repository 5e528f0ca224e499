import { loadRouting, replan } from "@xiangda/api";
import { parsePayload, shipmentsReplan } from "@xiangda/jobs";
import type { Processor } from "../types.ts";

/// A misrouted parcel gets a new route from the node where it was scanned.
export const processReplan: Processor = async (job, deps) => {
  const p = parsePayload(shipmentsReplan, job.data);
  const s = await deps.db.shipment.findUnique({ where: { id: p.shipmentId } });
  if (!s || !s.destNodeId || !s.currentNodeId || ["DELIVERED", "RETURNED", "CANCELLED"].includes(s.status)) return { skipped: true };
  // Idempotent: a retried job finds the plan it made already in the timeline.
  const done = await deps.db.shipmentEvent.findFirst({ where: { shipmentId: s.id, type: { in: ["REROUTED", "ROUTE_FAILED"] }, details: { path: ["scanId"], equals: p.scanId } } });
  if (done) return { skipped: true };
  const routing = await loadRouting(deps.db, s.countyCode);
  const out = await deps.db.$transaction((tx) =>
    replan(tx, routing, { shipmentId: s.id, fromNodeId: s.currentNodeId!, toNodeId: s.destNodeId!, readyAt: new Date(), temp: s.temp, reason: "REROUTED" }, new Date(), { scanId: p.scanId }),
  );
  return { ok: out.ok };
};
