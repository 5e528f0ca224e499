// Parcels announced at a node and not yet handed in (a confirmed restock order's, say): the desk's list of what to
// expect, oldest first. A registered merchant's name is shown (an organisation); a person's name is masked.
import type { Db } from "@xiangda/db";
import { maskName } from "@xiangda/domain";

export async function awaitingAcceptance(db: Db, { nodeId, limit }: { nodeId: string; limit: number }) {
  const rows = await db.shipment.findMany({
    where: { currentNodeId: nodeId, status: "CREATED", direction: "UP" },
    orderBy: [{ createdAt: "asc" }, { waybillNo: "asc" }],
    take: limit,
    select: {
      id: true,
      waybillNo: true,
      senderName: true,
      senderOrgCode: true,
      senderIdHash: true,
      contentsCategory: true,
      weightG: true,
      temp: true,
      light: true,
      promisedAt: true,
      createdAt: true,
    },
  });
  const orders = new Map(
    (
      await db.restockShipment.findMany({
        where: { shipmentId: { in: rows.map((r) => r.id) } },
        select: { shipmentId: true, order: { select: { orderNo: true } } },
      })
    ).map((r) => [r.shipmentId, r.order.orderNo]),
  );
  return rows.map((r) => ({
    waybillNo: r.waybillNo,
    senderName: r.senderName ? (r.senderOrgCode ? r.senderName : maskName(r.senderName)) : null,
    /// The sender's real name is on record (a registered merchant, or an ID given before): no ID needed at the desk.
    realNameOnRecord: !!(r.senderOrgCode || r.senderIdHash),
    contentsCategory: r.contentsCategory,
    weightG: r.weightG,
    temp: r.temp,
    light: r.light,
    promisedAt: r.promisedAt?.toISOString() ?? null,
    announcedAt: r.createdAt.toISOString(),
    restockOrderNo: orders.get(r.id) ?? null,
  }));
}
