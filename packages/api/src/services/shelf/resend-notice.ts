// Sends a parcel's pickup notice (SMS with shelf and code) again, through the same outbox job as the first one.
// Idempotent by the client's id (the job id derives from it); at most one resend per parcel in RESEND_INTERVAL_MS.
import { writeOutbox, type Db } from "@xiangda/db";
import { AppError } from "@xiangda/domain";
import { notifyPickupReady, outboxEvent } from "@xiangda/jobs";
import type { TResendNotice } from "./schemas.ts";

export const RESEND_INTERVAL_MS = 10 * 60_000;
const EVENT = "PICKUP_NOTICE_RESENT";

export async function resendPickupNotice(
  db: Db,
  { actorId, node, now, ...input }: { actorId: string | null; node: { id: string }; now: Date } & TResendNotice,
) {
  const code = input.waybillNo.trim();
  return db.$transaction(async (tx) => {
    const s = await tx.shipment.findFirst({
      where: { currentNodeId: node.id, OR: [{ waybillNo: code.toUpperCase() }, { carrierWaybillNo: code }] },
      select: { id: true, waybillNo: true, status: true },
    });
    if (!s || s.status !== "AWAITING_PICKUP")
      throw new AppError("NOT_FOUND", `${code} is not on this node's shelf`, { details: { reason: "NOT_ON_SHELF", params: { code } } });
    const job = outboxEvent(notifyPickupReady, { shipmentId: s.id, scanId: input.clientId });
    // One resend at a time per parcel: the row lock orders racing requests, so the interval holds.
    await tx.$queryRaw`SELECT id FROM "Shipment" WHERE id = ${s.id}::uuid FOR UPDATE`;
    if (await tx.outboxEvent.findUnique({ where: { jobId: job.jobId }, select: { id: true } }))
      return { waybillNo: s.waybillNo, sent: true, duplicate: true };
    const last = await tx.shipmentEvent.findFirst({
      where: { shipmentId: s.id, type: EVENT },
      orderBy: { at: "desc" },
      select: { at: true },
    });
    if (last && now.getTime() - last.at.getTime() < RESEND_INTERVAL_MS) {
      const retryAfterSeconds = Math.ceil((RESEND_INTERVAL_MS - (now.getTime() - last.at.getTime())) / 1000);
      throw new AppError("RATE_LIMITED", `The notice was sent again less than ${RESEND_INTERVAL_MS / 60_000} minutes ago`, {
        details: { reason: "NOTICE_TOO_SOON", params: { minutes: Math.ceil(retryAfterSeconds / 60) }, retryAfterSeconds },
      });
    }
    await writeOutbox(tx, job);
    await tx.shipmentEvent.create({
      data: { shipmentId: s.id, at: now, type: EVENT, nodeId: node.id, actorId, details: {} },
    });
    return { waybillNo: s.waybillNo, sent: true, duplicate: false };
  });
}
