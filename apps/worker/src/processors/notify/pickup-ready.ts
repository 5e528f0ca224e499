import { notifyPickupReady, parsePayload } from "@xiangda/jobs";
import { isFinalAttempt } from "../../notify/sender.ts";
import type { Processor } from "../types.ts";

/// "Your parcel is at 高屯村服务点, shelf A-01-03, pickup code 123456" — through the sender interface.
export const processPickupReady: Processor = async (job, deps) => {
  const p = parsePayload(notifyPickupReady, job.data);
  const s = await deps.db.shipment.findUnique({ where: { id: p.shipmentId } });
  if (!s || s.status !== "AWAITING_PICKUP" || !s.currentNodeId) return { skipped: true };
  const node = await deps.db.node.findUnique({ where: { id: s.currentNodeId }, select: { name: true, openingHours: true } });
  await deps.sender.send({
    jobId: job.id ?? notifyPickupReady.jobId(p),
    finalAttempt: isFinalAttempt(job),
    channel: "SMS",
    recipient: s.recipientPhone,
    template: "pickup.ready",
    payload: {
      waybillNo: s.waybillNo,
      node: node?.name ?? "",
      openingHours: node?.openingHours ?? null,
      shelfSlot: s.shelfSlot,
      pickupCode: s.pickupCode,
    },
  });
  return { notified: true };
};
