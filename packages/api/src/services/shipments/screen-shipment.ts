// 过机安检 (security screening, one of the three rules) recorded at a node, for the parcels that node may screen.
import type { Db, Prisma } from "@xiangda/db";
import { AppError, type Actor } from "@xiangda/domain";

/// Statuses after which there is nothing left to screen.
const FINISHED = ["DELIVERED", "RETURNED", "CANCELLED", "LOST"] as const;

/// Which parcel a node may screen: one it holds (there, not departed on a leg, not finished), or, at the county hub,
/// an upward parcel of its county not yet finished (the hub's machine screens what leaves the county and may record it
/// ahead of the parcel's arrival there). Never another node's parcel because it is in the same county.
function screenable(node: { id: string; countyCode: string; tier: string }, waybillNo: string): Prisma.ShipmentWhereInput {
  return {
    waybillNo,
    countyCode: node.countyCode,
    status: { notIn: [...FINISHED] },
    OR: [{ currentNodeId: node.id, status: { not: "IN_TRANSIT" } }, ...(node.tier === "COUNTY_HUB" ? [{ direction: "UP" as const }] : [])],
  };
}

/// Records the screening and returns the parcel's id. One answer (NOT_FOUND) for "no such parcel" and "not yours to
/// screen", so a node learns nothing of other nodes' parcels; the rule is checked again by the write itself, so a
/// parcel that leaves meanwhile is not screened.
export async function screenShipment(
  db: Db,
  {
    actor,
    node,
    now,
    ...input
  }: {
    actor: Actor;
    node: { id: string; countyCode: string; tier: string };
    now: Date;
    waybillNo: string;
    screened: boolean;
    device?: string | undefined;
  },
): Promise<string> {
  const where = screenable(node, input.waybillNo.trim().toUpperCase());
  const notHere = AppError.notFound("No such shipment to screen at this node");
  const s = await db.shipment.findFirst({ where, select: { id: true } });
  if (!s) throw notHere;
  await db.$transaction(async (tx) => {
    const r = await tx.shipment.updateMany({
      where: { ...where, id: s.id },
      data: { screening: { screened: input.screened, device: input.device ?? null, by: actor.userId, at: now.toISOString() } },
    });
    if (r.count === 0) throw notHere;
    await tx.shipmentEvent.create({
      data: {
        shipmentId: s.id,
        at: now,
        type: "SCREENED",
        nodeId: node.id,
        actorId: actor.userId,
        details: { screened: input.screened, device: input.device ?? null },
      },
    });
  });
  return s.id;
}
