// Recomputes one shipment's light right after an event changed it (scans, re-plans), in the
// caller's transaction; the scheduled job covers the passing of time.
import type { Tx } from "@xiangda/db";
import { shipmentLight, yellowFraction } from "@xiangda/domain";

export async function refreshLight(tx: Tx, shipmentId: string, now: Date): Promise<void> {
  const s = await tx.shipment.findUnique({
    where: { id: shipmentId },
    select: {
      status: true,
      light: true,
      routeError: true,
      promisedAt: true,
      legs: {
        where: { status: { not: "CANCELLED" } },
        orderBy: [{ plan: "asc" }, { seq: "asc" }],
        select: { status: true, plannedDepart: true, plannedArrive: true, actualArrive: true },
      },
    },
  });
  if (!s) return;
  const lastArrival = [...s.legs].reverse().find((l) => l.actualArrive)?.actualArrive ?? null;
  const r = shipmentLight(
    { status: s.status, routeError: s.routeError, promisedAt: s.promisedAt, finalArrival: lastArrival, legs: s.legs },
    now,
    yellowFraction(),
  );
  if (r.light === s.light) return;
  await tx.shipment.update({ where: { id: shipmentId }, data: { light: r.light, lightReason: r.reason, lightChangedAt: now } });
  await tx.shipmentEvent.create({
    data: { shipmentId, at: now, type: "LIGHT_CHANGED", details: { from: s.light, to: r.light, reason: r.reason } },
  });
}
