// What a delivery attempt leaves in the log: delivered, or failed with the next attempt's time; and, past the give-up
// time, the subscription disabled with a notice to the organisation.
import type { Db } from "@xiangda/db";
import type { SendResult } from "@xiangda/api";
import type { DelivererOptions } from "./options.ts";

export async function recordSuccess(db: Db, deliveryId: bigint, result: SendResult, now: Date): Promise<void> {
  await db.webhookDelivery.update({
    where: { id: deliveryId },
    data: {
      status: "DELIVERED",
      attempts: { increment: 1 },
      responseStatus: result.status,
      latencyMs: result.latencyMs,
      lastError: null,
      lastAttemptAt: now,
      deliveredAt: now,
    },
  });
}

/// Records a failed attempt; returns false when it disabled the subscription (failing for longer than the limit).
export async function recordFailure(
  db: Db,
  subscriptionId: string,
  url: string,
  head: { id: bigint; attempts: number; firstFailedAt: Date | null },
  result: SendResult,
  now: Date,
  opts: Pick<DelivererOptions, "backoffMs" | "disableAfterMs">,
): Promise<boolean> {
  const failures = head.attempts + 1;
  const firstFailedAt = head.firstFailedAt ?? now;
  await db.webhookDelivery.update({
    where: { id: head.id },
    data: {
      attempts: failures,
      firstFailedAt,
      lastAttemptAt: now,
      responseStatus: result.status,
      latencyMs: result.latencyMs,
      lastError: result.error,
      nextAttemptAt: new Date(now.getTime() + opts.backoffMs(failures)),
    },
  });
  if (now.getTime() - firstFailedAt.getTime() < opts.disableAfterMs) return true;
  // A code the portal words in its language (FAILING_24H and the last failure's code, send.ts).
  const reason = `FAILING_24H:${result.error ?? "NETWORK:UNKNOWN"}`;
  await db.$transaction(async (tx) => {
    const off = await tx.webhookSubscription.updateMany({
      where: { id: subscriptionId, status: "ACTIVE" },
      data: { status: "DISABLED", disabledAt: now, disabledReason: reason },
    });
    if (off.count === 0) return;
    const sub = await tx.webhookSubscription.findUniqueOrThrow({ where: { id: subscriptionId }, select: { clientId: true } });
    const details = { subscriptionId, clientId: sub.clientId, url, reason, firstFailedAt: firstFailedAt.toISOString(), attempts: failures };
    // The notice: an in-app message to the organisation (its portal lists them) and a line in the audit log.
    await tx.notification.create({
      data: {
        jobId: `webhooks.disabled-${subscriptionId}-${now.getTime()}`,
        channel: "IN_APP",
        recipient: sub.clientId,
        template: "webhooks.disabled",
        payload: details,
        status: "SENT",
        provider: "IN_APP",
        sentAt: now,
      },
    });
    await tx.auditLog.create({
      data: { at: now, action: "webhooks.disabled", target: subscriptionId, outcome: "OK", details },
    });
  });
  return false;
}
