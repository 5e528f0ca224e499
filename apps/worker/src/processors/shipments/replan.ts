import { loadRouting, replan } from "@xiangda/api";
import { writeOutbox } from "@xiangda/db";
import { consolidationAssign, outboxEvent, parsePayload, shipmentsReplan } from "@xiangda/jobs";
import type { Processor } from "../types.ts";

/// A misrouted parcel (or one that missed its load) gets a new route from where it is; its next
/// leg then joins a load.
export const processReplan: Processor = async (job, deps) => {
  const p = parsePayload(shipmentsReplan, job.data);
  const s = await deps.db.shipment.findUnique({ where: { id: p.shipmentId } });
  if (!s || !s.destNodeId || !s.currentNodeId || ["DELIVERED", "RETURNED", "CANCELLED"].includes(s.status)) return { skipped: true };
  // Idempotent: a retried job finds the plan it made already in the timeline.
  const done = await deps.db.shipmentEvent.findFirst({ where: { shipmentId: s.id, type: { in: ["REROUTED", "ROUTE_FAILED"] }, details: { path: ["scanId"], equals: p.scanId } } });
  if (done) return { skipped: true };
  const routing = await loadRouting(deps.db, s.countyCode);
  const now = new Date();
  const readyAt = p.readyAt && new Date(p.readyAt) > now ? new Date(p.readyAt) : now;
  const out = await deps.db.$transaction(async (tx) => {
    const r = await replan(tx, routing, { shipmentId: s.id, fromNodeId: s.currentNodeId!, toNodeId: s.destNodeId!, readyAt, temp: s.temp, reason: "REROUTED" }, now, { scanId: p.scanId });
    if (r.ok) await writeOutbox(tx, outboxEvent(consolidationAssign, { nodeIds: [s.currentNodeId!], key: `replan-${p.scanId}` }));
    return r;
  });
  return { ok: out.ok };
};
