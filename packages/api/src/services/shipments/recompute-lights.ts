// Recomputes the traffic light of every open shipment (of a county, or all) at `now`.
import type { Db, Prisma } from "@xiangda/db";
import { shipmentLight, yellowFraction, type TLight } from "@xiangda/domain";

const OPEN = ["CREATED", "ACCEPTED", "AT_NODE", "IN_TRANSIT", "EXCEPTION"] as const;

export interface LightsResult {
  checked: number;
  changed: number;
  byLight: Record<TLight, number>;
  newlyRed: string[];
}

export async function recomputeLights(
  db: Db,
  opts: { countyCode?: string; now: Date; fraction?: number; batch?: number },
): Promise<LightsResult> {
  const fraction = opts.fraction ?? yellowFraction();
  const batch = opts.batch ?? 2000;
  const result: LightsResult = { checked: 0, changed: 0, byLight: { GREEN: 0, YELLOW: 0, RED: 0 }, newlyRed: [] };
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.shipment.findMany({
      where: { status: { in: [...OPEN] }, ...(opts.countyCode ? { countyCode: opts.countyCode } : {}) },
      select: {
        id: true,
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
      orderBy: { id: "asc" },
      take: batch,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (rows.length === 0) break;
    cursor = rows[rows.length - 1]!.id;
    const changes = new Map<TLight, { ids: string[]; reasons: Map<string, string | null> }>();
    const events: Prisma.ShipmentEventCreateManyInput[] = [];
    for (const s of rows) {
      result.checked++;
      const r = shipmentLight(
        { status: s.status, routeError: s.routeError, promisedAt: s.promisedAt, finalArrival: null, legs: s.legs },
        opts.now,
        fraction,
      );
      result.byLight[r.light]++;
      if (r.light === s.light) continue;
      result.changed++;
      if (r.light === "RED") result.newlyRed.push(s.id);
      const c = changes.get(r.light) ?? { ids: [] as string[], reasons: new Map<string, string | null>() };
      c.ids.push(s.id);
      c.reasons.set(s.id, r.reason);
      changes.set(r.light, c);
      events.push({ shipmentId: s.id, at: opts.now, type: "LIGHT_CHANGED", details: { from: s.light, to: r.light, reason: r.reason } });
    }
    if (events.length) {
      await db.$transaction(async (tx) => {
        for (const [light, c] of changes) {
          // Only rows still holding the old light are changed: a concurrent run cannot flip them back.
          await tx.shipment.updateMany({
            where: { id: { in: c.ids }, light: { not: light } },
            data: { light, lightChangedAt: opts.now, lightReason: [...c.reasons.values()][0] ?? null },
          });
        }
        await tx.shipmentEvent.createMany({ data: events });
      });
    }
    if (rows.length < batch) break;
  }
  return result;
}
