// Builds label data for shipments: sort codes from the destination's place in the tiers.
import type { Db } from "@xiangda/db";
import { maskName, maskPhone } from "@xiangda/domain";
import type { LabelData } from "./render-labels.ts";

export async function labelData(db: Db, { shipmentIds, publicUrl }: { shipmentIds: string[]; publicUrl: string }): Promise<LabelData[]> {
  const ships = await db.shipment.findMany({ where: { id: { in: shipmentIds } } });
  const nodeIds = [...new Set(ships.map((s) => s.destNodeId).filter((x): x is string => !!x))];
  const nodes = await db.node.findMany({ where: { id: { in: nodeIds } }, include: { parent: true } });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const carriers = new Map((await db.carrier.findMany({ select: { id: true, name: true } })).map((c) => [c.id, c.name]));
  const order = new Map(shipmentIds.map((id, i) => [id, i]));
  return ships
    .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
    .map((s) => {
      const dest = s.destNodeId ? byId.get(s.destNodeId) : undefined;
      const township = dest?.tier === "VILLAGE_POINT" ? (dest.parent?.code ?? null) : dest?.tier === "TOWNSHIP_STATION" ? dest.code : null;
      const village = dest?.tier === "VILLAGE_POINT" ? dest.code : null;
      return {
        waybillNo: s.waybillNo,
        carrierName: s.carrierId ? (carriers.get(s.carrierId) ?? null) : null,
        carrierWaybillNo: s.carrierWaybillNo,
        sort: {
          county: s.countyCode,
          township,
          village,
          // Out of the county (upward, or a destination outside it): the hub's outbound gate and the city it goes to.
          hub: dest?.tier === "COUNTY_HUB" ? dest.code : null,
          outbound: dest?.tier === "COUNTY_HUB" ? (s.outboundCity ?? null) : null,
        },
        destinationName: s.direction === "UP" ? (s.outboundCity ?? dest?.name ?? null) : (dest?.name ?? null),
        recipientName: maskName(s.recipientName),
        recipientPhone: maskPhone(s.recipientPhone),
        temp: s.temp,
        weightG: s.weightG,
        selfPickup: s.selfPickup,
        trackingUrl: `${publicUrl.replace(/\/$/, "")}/track?waybill=${s.waybillNo}`,
      };
    });
}
