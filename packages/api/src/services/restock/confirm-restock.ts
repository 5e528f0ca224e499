// Confirming a restock order turns it into upward parcels from the merchant's village point to the
// counter's receiving node, routed on the timetable with each product's temperature class. Every parcel
// is planned first (a line that cannot be routed fails the confirm before anything is written), then
// the status change, parcels and links are written in one transaction. Its guard (UPDATE … WHERE
// status = 'DRAFT') makes a second or concurrent confirm a no-op that answers with the first one's parcels.
import type { Db, Prisma, Tx } from "@xiangda/db";
import { type Actor, AppError, planParcels } from "@xiangda/domain";
import { planShipment, writeShipments } from "../shipments/create-shipment.ts";
import { resolveDestination } from "../shipments/resolve-destination.ts";
import { loadRouting } from "../shipments/routing-network.ts";
import { nextWaybills } from "../shipments/waybill-numbers.ts";
import { sortLines } from "./restock-views.ts";

const CONFIRM_SELECT = {
  status: true,
  orderNo: true,
  countyCode: true,
  counter: {
    select: {
      name: true,
      operatorName: true,
      address: true,
      city: true,
      node: { select: { id: true, countyCode: true, contactPhone: true } },
    },
  },
  merchant: { select: { name: true, contactPhone: true, countyCode: true, originAreaCode: true, creditCode: true } },
  lines: {
    select: {
      id: true,
      quantity: true,
      batchId: true,
      batch: { select: { batchNo: true } },
      listing: { select: { priceFen: true, product: { select: { name: true, unitWeightG: true, temp: true } } } },
    },
  },
} satisfies Prisma.RestockOrderSelect;

/// Where the merchant's goods start: the active village point of its origin village, else its township station.
async function originNode(tx: Tx, merchant: { countyCode: string; originAreaCode: string | null }): Promise<string> {
  const code = merchant.originAreaCode;
  if (!code) throw AppError.at("originAreaCode", "RESTOCK_MERCHANT_NO_ORIGIN");
  const area = await tx.adminArea.findUnique({ where: { code }, select: { level: true, countyCode: true, removedAt: true } });
  if (!area || area.level !== "VILLAGE" || area.countyCode !== merchant.countyCode || area.removedAt)
    throw AppError.at("originAreaCode", "MERCHANT_ORIGIN_NOT_VILLAGE", { area: code, county: merchant.countyCode });
  return (await resolveDestination(tx, merchant.countyCode, code, "originAreaCode")).nodeId;
}

/// Plans every parcel (reads and pure routing, nothing written): fails on the first line that cannot be routed.
async function planParcelsOf(db: Db, actor: Actor, o: Prisma.RestockOrderGetPayload<{ select: typeof CONFIRM_SELECT }>, now: Date) {
  if (o.counter.node.countyCode !== o.countyCode) throw AppError.at("counterId", "COUNTER_NODE_OTHER_COUNTY");
  const from = await originNode(db, o.merchant);
  const r = await loadRouting(db, o.countyCode);
  const lines = sortLines(o.lines);
  const parcels = planParcels(lines.map((l) => ({ unitWeightG: l.listing.product.unitWeightG, quantity: l.quantity })));
  const waybills = await nextWaybills(db, parcels.length);
  return parcels.map((p, k) => {
    const l = lines[p.line]!;
    const product = l.listing.product;
    const s = planShipment(
      r,
      {
        countyCode: o.countyCode,
        direction: "UP",
        originNodeId: from,
        dest: { nodeId: o.counter.node.id, areaCode: null, selfPickup: false },
        readyAt: now,
        temp: product.temp,
        weightG: p.weightG,
        contentsCategory: product.name.slice(0, 40),
        declaredValueFen: l.listing.priceFen * p.units,
        recipientName: o.counter.name,
        recipientPhone: o.counter.node.contactPhone ?? "",
        recipientAddress: [o.counter.operatorName, o.counter.address].filter(Boolean).join(" "),
        senderName: o.merchant.name,
        senderPhone: o.merchant.contactPhone,
        // A registered co-operative or enterprise is a contract sender: its credit code is the real-name record.
        senderOrgCode: o.merchant.creditCode,
        outboundCity: o.counter.city,
        createdDetails: { restockOrderNo: o.orderNo, units: p.units, batchNo: l.batch?.batchNo ?? null },
      },
      waybills[k]!,
      actor,
      now,
    );
    if (!s.plan.ok)
      throw AppError.at(`lines.${p.line}`, "RESTOCK_LINE_NO_ROUTE", {
        product: product.name,
        temp: product.temp.toLowerCase(),
        route: s.plan.routeError ?? "no route",
      });
    return { s, units: p.units, lineId: l.id, batchId: l.batchId };
  });
}

export async function confirmRestock(db: Db, { actor, orderId, now }: { actor: Actor; orderId: string; now: Date }): Promise<void> {
  const o = await db.restockOrder.findUniqueOrThrow({ where: { id: orderId }, select: CONFIRM_SELECT });
  if (o.status === "CONFIRMED") return;
  if (o.status === "CANCELLED") throw AppError.of("INVALID_TRANSITION", "RESTOCK_CANCELLED");
  const planned = await planParcelsOf(db, actor, o, now);
  const confirmed = await db.$transaction(
    async (tx) => {
      // Only the call that moves the order out of DRAFT writes parcels; a racing one waits here, then finds none to move.
      const guard = await tx.restockOrder.updateMany({
        where: { id: orderId, status: "DRAFT" },
        data: { status: "CONFIRMED", confirmedAt: now, confirmedById: actor.userId },
      });
      if (guard.count === 0) return false;
      await writeShipments(
        tx,
        planned.map((x) => x.s),
      );
      await tx.restockShipment.createMany({
        data: planned.map((x) => ({ shipmentId: x.s.id, orderId, lineId: x.lineId, batchId: x.batchId, units: x.units })),
      });
      return true;
    },
    { timeout: 30_000 },
  );
  if (confirmed) return;
  const after = await db.restockOrder.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } });
  if (after.status === "CANCELLED") throw AppError.of("INVALID_TRANSITION", "RESTOCK_CANCELLED");
}

export async function cancelRestock(db: Db, { orderId, now }: { orderId: string; now: Date }): Promise<void> {
  const r = await db.restockOrder.updateMany({ where: { id: orderId, status: "DRAFT" }, data: { status: "CANCELLED", cancelledAt: now } });
  if (r.count) return;
  const o = await db.restockOrder.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } });
  if (o.status === "CONFIRMED") throw AppError.of("INVALID_TRANSITION", "RESTOCK_UNDER_WAY");
}
