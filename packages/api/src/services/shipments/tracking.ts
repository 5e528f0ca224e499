// A shipment's timeline for staff, and the public tracking view (masked, rate-limited by the caller).
import type { Db } from "@xiangda/db";
import { AppError, maskName, maskPhone } from "@xiangda/domain";
import { mergeTimeline, scanTimeline } from "../scan/scan-timeline.ts";

export async function shipmentDetail(db: Db, where: { id?: string; waybillNo?: string }) {
  const s = await db.shipment.findFirst({
    where,
    include: {
      legs: { orderBy: [{ plan: "asc" }, { seq: "asc" }] },
      events: { orderBy: [{ at: "asc" }, { id: "asc" }] },
    },
  });
  if (!s) throw AppError.of("NOT_FOUND", "NO_SUCH_SHIPMENT");
  const events = mergeTimeline(s.events, (await scanTimeline(db, [s.id])).get(s.id) ?? []);
  const nodeIds = [
    ...new Set(
      [
        s.originNodeId,
        s.destNodeId,
        s.currentNodeId,
        ...s.legs.flatMap((l) => [l.fromNodeId, l.toNodeId]),
        ...events.map((e) => e.nodeId),
      ].filter((x): x is string => !!x),
    ),
  ];
  const nodes = new Map(
    (await db.node.findMany({ where: { id: { in: nodeIds } }, select: { id: true, code: true, name: true, contactName: true } })).map(
      (n) => [n.id, n],
    ),
  );
  const carrier = s.carrierId ? await db.carrier.findUnique({ where: { id: s.carrierId }, select: { code: true, name: true } }) : null;
  return { s, events, nodes, carrier };
}

type Detail = Awaited<ReturnType<typeof shipmentDetail>>;

export function staffView({ s, events, nodes, carrier }: Detail) {
  const name = (id: string | null) => (id ? (nodes.get(id)?.name ?? null) : null);
  return {
    id: s.id,
    waybillNo: s.waybillNo,
    carrier,
    carrierWaybillNo: s.carrierWaybillNo,
    direction: s.direction,
    status: s.status,
    light: s.light,
    lightReason: s.lightReason,
    routeError: s.routeError,
    origin: name(s.originNodeId),
    destination: name(s.destNodeId),
    destAreaCode: s.destAreaCode,
    selfPickup: s.selfPickup,
    outboundCity: s.outboundCity,
    currentNode: name(s.currentNodeId),
    promisedAt: s.promisedAt?.toISOString() ?? null,
    recipientName: maskName(s.recipientName),
    recipientPhone: maskPhone(s.recipientPhone),
    senderName: s.senderName ? maskName(s.senderName) : null,
    senderId: s.senderIdMasked,
    /// A contract sender's credit code (an organisation's, not personal data).
    senderOrgCode: s.senderOrgCode,
    weightG: s.weightG,
    volumeCm3: s.volumeCm3,
    temp: s.temp,
    contentsCategory: s.contentsCategory,
    declaredValueFen: s.declaredValueFen,
    threeRules:
      s.direction === "UP"
        ? {
            realName: !!(s.senderIdHash || s.senderOrgCode),
            inspected: !!s.inspection,
            screened: !!(s.screening as { screened?: boolean } | null)?.screened,
          }
        : null,
    legs: s.legs.map((l) => ({
      plan: l.plan,
      seq: l.seq,
      lane: l.laneCode,
      from: name(l.fromNodeId),
      to: name(l.toNodeId),
      plannedDepart: l.plannedDepart.toISOString(),
      plannedArrive: l.plannedArrive.toISOString(),
      actualDepart: l.actualDepart?.toISOString() ?? null,
      actualArrive: l.actualArrive?.toISOString() ?? null,
      status: l.status,
      light: l.light,
    })),
    events: events.map((e) => ({ at: e.at.toISOString(), type: e.type, node: name(e.nodeId), details: e.details })),
  };
}

/// What anyone with the waybill and the phone's last 4 digits may see: no personal data beyond masks.
export async function publicTracking(db: Db, { waybillNo, phoneLast4 }: { waybillNo: string; phoneLast4: string }) {
  const s = await db.shipment.findUnique({ where: { waybillNo }, select: { id: true, recipientPhone: true } });
  // One answer for "no such waybill" and "wrong digits": no oracle for valid waybill numbers.
  if (!s || !s.recipientPhone.endsWith(phoneLast4)) throw AppError.of("NOT_FOUND", "NO_SHIPMENT_FOR_PHONE");
  const v = staffView(await shipmentDetail(db, { id: s.id }));
  return {
    waybillNo: v.waybillNo,
    carrier: v.carrier?.name ?? null,
    status: v.status,
    light: v.light,
    promisedAt: v.promisedAt,
    destination: v.destination,
    selfPickup: v.selfPickup,
    recipient: { name: v.recipientName, phone: v.recipientPhone },
    legs: v.legs
      .filter((l) => l.status !== "CANCELLED")
      .map(({ from, to, plannedDepart, plannedArrive, actualDepart, actualArrive, status }) => ({
        from,
        to,
        plannedDepart,
        plannedArrive,
        actualDepart,
        actualArrive,
        status,
      })),
    events: v.events.filter((e) => !["LIGHT_CHANGED"].includes(e.type)).map(({ at, type, node }) => ({ at, type, node })),
  };
}
