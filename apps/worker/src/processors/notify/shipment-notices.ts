import { notifyDelivered, notifyException, parsePayload } from "@xiangda/jobs";
import { isFinalAttempt } from "../../notify/sender.ts";
import type { Processor } from "../types.ts";

/// "Your parcel was delivered / picked up at …": after the DELIVER or PICKUP scan.
export const processDelivered: Processor = async (job, deps) => {
  const p = parsePayload(notifyDelivered, job.data);
  const s = await deps.db.shipment.findUnique({
    where: { id: p.shipmentId },
    select: { waybillNo: true, carrierWaybillNo: true, recipientPhone: true, status: true, currentNodeId: true },
  });
  if (!s || s.status !== "DELIVERED") return { skipped: true };
  const node = s.currentNodeId ? await deps.db.node.findUnique({ where: { id: s.currentNodeId }, select: { name: true } }) : null;
  await deps.sender.send({
    jobId: job.id ?? notifyDelivered.jobId(p),
    finalAttempt: isFinalAttempt(job),
    channel: "SMS",
    recipient: s.recipientPhone,
    template: "shipment.delivered",
    payload: { waybillNo: s.carrierWaybillNo ?? s.waybillNo, node: node?.name ?? "" },
  });
  return { notified: true };
};

/// "There is a problem with your parcel: …": after the EXCEPTION scan, with its reason.
export const processException: Processor = async (job, deps) => {
  const p = parsePayload(notifyException, job.data);
  const s = await deps.db.shipment.findUnique({
    where: { id: p.shipmentId },
    select: { waybillNo: true, carrierWaybillNo: true, recipientPhone: true, status: true, exceptionReason: true },
  });
  if (!s || s.status !== "EXCEPTION") return { skipped: true };
  await deps.sender.send({
    jobId: job.id ?? notifyException.jobId(p),
    finalAttempt: isFinalAttempt(job),
    channel: "SMS",
    recipient: s.recipientPhone,
    template: "shipment.exception",
    payload: { waybillNo: s.carrierWaybillNo ?? s.waybillNo, reason: s.exceptionReason ?? "" },
  });
  return { notified: true };
};
