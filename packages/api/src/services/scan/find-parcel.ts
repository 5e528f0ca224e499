// What a scanned code names: our waybill (check digit verified), a carrier's waybill, or a shelf slot.
import type { Tx } from "@xiangda/db";
import { parseWaybill } from "@xiangda/domain";

export type Found = { shipmentId: string } | { unknown: string };

const SHELF = /^[A-Z]-\d{2}-\d{2}$/;

export async function findParcel(tx: Tx, countyCode: string, nodeId: string, rawCode: string): Promise<Found> {
  const code = rawCode.trim().toUpperCase();
  if (/^XD/.test(code)) {
    const p = parseWaybill(code);
    if (!p.ok) return { unknown: `not a valid waybill number: ${p.message}` };
    const s = await tx.shipment.findUnique({ where: { waybillNo: p.value }, select: { id: true, countyCode: true } });
    return s && s.countyCode === countyCode ? { shipmentId: s.id } : { unknown: `no parcel ${p.value} in this county` };
  }
  if (SHELF.test(code)) {
    const s = await tx.shipment.findFirst({ where: { currentNodeId: nodeId, shelfSlot: code, status: "AWAITING_PICKUP" }, select: { id: true } });
    return s ? { shipmentId: s.id } : { unknown: `shelf slot ${code} is empty` };
  }
  const list = await tx.shipment.findMany({ where: { countyCode, carrierWaybillNo: rawCode.trim() }, select: { id: true }, take: 2 });
  if (list.length === 1) return { shipmentId: list[0]!.id };
  if (list.length > 1) return { unknown: `${rawCode} is a waybill number of several carriers; scan the XD label` };
  return { unknown: `unknown code ${rawCode}` };
}
