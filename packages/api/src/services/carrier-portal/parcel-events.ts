// One parcel of the organisation, with its events from the feed (ApiEvent, by sequence) in the standard codes and
// words, and the loads and vehicles it travelled on. Another organisation's parcel answers as a missing one.
import { z } from "zod";
import type { Db } from "@xiangda/db";
import { AppError, maskName, maskPhone } from "@xiangda/domain";
import { shipmentStandardEvents } from "../platform/shipment-events.ts";
import { clientShipments, type TPortalClient } from "./client-scope.ts";

export const ZCarrierParcelSchema = z.object({
  /// Our waybill number (XD…) or the carrier's own.
  waybillNo: z.string().trim().min(1, "required").max(40, "at most 40 characters"),
});

export async function getCarrierParcel(db: Db, { client, waybillNo }: { client: TPortalClient; waybillNo: string }) {
  const s = await db.shipment.findFirst({
    where: { AND: [clientShipments(client), { OR: [{ waybillNo: waybillNo.toUpperCase() }, { carrierWaybillNo: waybillNo }] }] },
    select: {
      id: true,
      waybillNo: true,
      carrierWaybillNo: true,
      direction: true,
      status: true,
      light: true,
      promisedAt: true,
      recipientName: true,
      recipientPhone: true,
      destNodeId: true,
      createdAt: true,
    },
  });
  if (!s) throw AppError.of("NOT_FOUND", "NO_SUCH_SHIPMENT");
  const events = await shipmentStandardEvents(db, { shipmentId: s.id });
  const dest = s.destNodeId ? await db.node.findUnique({ where: { id: s.destNodeId }, select: { name: true } }) : null;
  return {
    waybillNo: s.waybillNo,
    carrierWaybillNo: s.carrierWaybillNo,
    direction: s.direction,
    status: s.status,
    light: s.light,
    promisedAt: s.promisedAt?.toISOString() ?? null,
    recipientName: maskName(s.recipientName),
    recipientPhone: maskPhone(s.recipientPhone),
    destination: dest?.name ?? null,
    createdAt: s.createdAt.toISOString(),
    events: events.map(({ details: _details, ...e }) => e),
    loads: await parcelLoads(db, s.id),
  };
}

/// The loads a parcel was put on (not removed), each with its vehicles.
async function parcelLoads(db: Db, shipmentId: string) {
  const items = await db.loadItem.findMany({
    where: { shipmentId, removedAt: null },
    select: {
      loadVehicleId: true,
      status: true,
      load: { select: { id: true, code: true, departAt: true, status: true, nodeId: true, toNodeId: true } },
    },
    orderBy: { id: "asc" },
  });
  const lvIds = items.map((i) => i.loadVehicleId).filter((x): x is string => !!x);
  const lvs = await db.loadVehicle.findMany({ where: { id: { in: lvIds } }, select: { id: true, vehicleId: true } });
  const vehicles = new Map(
    (
      await db.vehicle.findMany({ where: { id: { in: lvs.map((l) => l.vehicleId) } }, select: { id: true, number: true, plate: true } })
    ).map((v) => [v.id, v]),
  );
  const vehicleOf = new Map(
    lvs.map((l) => {
      const v = vehicles.get(l.vehicleId);
      return [l.id, v ? { number: v.number, plate: v.plate } : null];
    }),
  );
  return items.map((i) => ({
    code: i.load.code,
    departAt: i.load.departAt.toISOString(),
    status: i.load.status,
    itemStatus: i.status,
    vehicle: i.loadVehicleId ? (vehicleOf.get(i.loadVehicleId) ?? null) : null,
  }));
}
