// What `/api/v1` tells an organisation about one of its parcels: status, light, route with planned and actual times,
// the recipient masked, and its timeline as standard events. Another organisation's parcel does not exist for it.
import type { Db } from "@xiangda/db";
import { AppError, maskName, maskPhone } from "@xiangda/domain";
import type { ApiCaller } from "./api-keys.ts";
import { shipmentStandardEvents } from "./shipment-events.ts";

/// The caller's parcel by the XD number or its own number; NOT_FOUND otherwise (another's parcel included).
export async function findApiShipment(db: Db, { caller, ref }: { caller: ApiCaller; ref: string }) {
  const raw = ref.trim();
  const owned = caller.carrierId ? { carrierId: caller.carrierId } : { clientId: caller.clientId };
  const s = await db.shipment.findFirst({
    where: { countyCode: caller.countyCode, ...owned, OR: [{ waybillNo: raw.toUpperCase() }, { carrierWaybillNo: raw }] },
  });
  if (!s) throw AppError.notFound("Shipment not found");
  return s;
}

type Shipment = Awaited<ReturnType<typeof findApiShipment>>;
const nodeRef = (n: { code: string; name: string; tier: string } | undefined) => (n ? { code: n.code, name: n.name, tier: n.tier } : null);

export async function apiShipmentView(db: Db, s: Shipment) {
  const [legs, parent] = await Promise.all([
    db.shipmentLeg.findMany({ where: { shipmentId: s.id, status: { not: "CANCELLED" } }, orderBy: [{ plan: "desc" }, { seq: "asc" }] }),
    s.parentId ? db.shipment.findUnique({ where: { id: s.parentId }, select: { carrierWaybillNo: true, waybillNo: true } }) : null,
  ]);
  const plan = legs[0]?.plan;
  const current = legs.filter((l) => l.plan === plan);
  const nodeIds = [
    ...new Set([s.destNodeId, s.currentNodeId, ...current.flatMap((l) => [l.fromNodeId, l.toNodeId])].filter((x): x is string => !!x)),
  ];
  const nodes = new Map(
    (await db.node.findMany({ where: { id: { in: nodeIds } }, select: { id: true, code: true, name: true, tier: true } })).map((n) => [
      n.id,
      n,
    ]),
  );
  return {
    waybillNo: s.carrierWaybillNo ?? s.waybillNo,
    xdWaybillNo: s.waybillNo,
    carrierWaybillNo: s.carrierWaybillNo,
    parentWaybillNo: parent ? (parent.carrierWaybillNo ?? parent.waybillNo) : null,
    status: s.status,
    light: s.light,
    direction: s.direction,
    temp: s.temp,
    weightG: s.weightG,
    selfPickup: s.selfPickup,
    recipient: { name: maskName(s.recipientName), phone: maskPhone(s.recipientPhone) },
    destination: { villageCode: s.destAreaCode, node: nodeRef(s.destNodeId ? nodes.get(s.destNodeId) : undefined) },
    currentNode: nodeRef(s.currentNodeId ? nodes.get(s.currentNodeId) : undefined),
    promisedAt: s.promisedAt?.toISOString() ?? null,
    createdAt: s.createdAt.toISOString(),
    finishedAt: s.finishedAt?.toISOString() ?? null,
    route: current.map((l) => ({
      seq: l.seq,
      lane: l.laneCode,
      from: nodeRef(nodes.get(l.fromNodeId)),
      to: nodeRef(nodes.get(l.toNodeId)),
      status: l.status,
      plannedDepart: l.plannedDepart.toISOString(),
      plannedArrive: l.plannedArrive.toISOString(),
      actualDepart: l.actualDepart?.toISOString() ?? null,
      actualArrive: l.actualArrive?.toISOString() ?? null,
    })),
  };
}
export type TApiShipmentView = Awaited<ReturnType<typeof apiShipmentView>>;

/// The parcel's timeline as standard events, in the feed's order. `id` is the event's place in the feed
/// (`/api/v1/events`), null for the moment between the scan and the feed placing it.
export async function apiShipmentEvents(db: Db, s: Shipment) {
  return (await shipmentStandardEvents(db, { shipmentId: s.id })).map((e) => ({
    id: e.seq,
    code: e.code,
    type: e.type,
    at: e.at,
    status: e.status,
    node: e.node,
    description: { zh: e.zh, en: e.en },
    details: e.details,
  }));
}
