// The organisation's day in the county (Asia/Shanghai): parcels pre-advised (created), received at the county hub,
// delivered (to the door or picked up) and gone wrong (exceptions, misroutes, overdue pickups, losses).
import type { Db, Prisma } from "@xiangda/db";
import { clientEvents, clientShipments, type TPortalClient } from "./client-scope.ts";
import { shanghaiDayBounds } from "./list-loads.ts";

/// Feed kinds (scan actions, timeline entries) that count as an exception of the day.
const EXCEPTION_KINDS = ["EXCEPTION", "MISROUTED", "RETURN_FLAGGED", "LOST"];

export async function getCarrierDailySummary(db: Db, { client, day }: { client: TPortalClient; day: string }) {
  const { from, to } = shanghaiDayBounds(day);
  const at = { gte: from, lt: to };
  const hubs = await db.node.findMany({ where: { countyCode: client.countyCode, tier: "COUNTY_HUB" }, select: { id: true } });
  /// Distinct parcels with a feed event of the day matching `where`.
  const parcelsWith = async (where: Prisma.ApiEventWhereInput) =>
    (
      await db.apiEvent.findMany({
        where: { AND: [clientEvents(client), { at }, where] },
        distinct: ["shipmentId"],
        select: { shipmentId: true },
      })
    ).length;
  const [preAdvised, received, delivered, exceptions] = await Promise.all([
    db.shipment.count({ where: { AND: [clientShipments(client), { createdAt: at }] } }),
    parcelsWith({ OR: [{ kind: "MANIFEST_ARRIVAL" }, { kind: "ARRIVE", nodeId: { in: hubs.map((h) => h.id) } }] }),
    db.shipment.count({ where: { AND: [clientShipments(client), { status: "DELIVERED", finishedAt: at }] } }),
    parcelsWith({ kind: { in: EXCEPTION_KINDS } }),
  ]);
  return { day, preAdvised, received, delivered, exceptions };
}
