// Parcels left on the shelf longer than their node's hold period are flagged for return.
import type { Db } from "@xiangda/db";

export async function flagUncollected(db: Db, now: Date): Promise<{ flagged: number }> {
  const waiting = await db.shipment.findMany({
    where: { status: "AWAITING_PICKUP", returnFlaggedAt: null, readyForPickupAt: { not: null } },
    select: { id: true, readyForPickupAt: true, currentNodeId: true },
  });
  const nodes = new Map(
    (
      await db.node.findMany({
        where: { id: { in: [...new Set(waiting.map((w) => w.currentNodeId!).filter(Boolean))] } },
        select: { id: true, pickupHoldDays: true },
      })
    ).map((n) => [n.id, n.pickupHoldDays]),
  );
  const due = waiting.filter((w) => now.getTime() - w.readyForPickupAt!.getTime() > (nodes.get(w.currentNodeId ?? "") ?? 7) * 86_400_000);
  if (due.length === 0) return { flagged: 0 };
  await db.$transaction(async (tx) => {
    await tx.shipment.updateMany({ where: { id: { in: due.map((d) => d.id) }, returnFlaggedAt: null }, data: { returnFlaggedAt: now } });
    await tx.shipmentEvent.createMany({
      data: due.map((d) => ({
        shipmentId: d.id,
        at: now,
        type: "RETURN_FLAGGED",
        nodeId: d.currentNodeId,
        details: { reason: "not collected in time" },
      })),
    });
  });
  return { flagged: due.length };
}
