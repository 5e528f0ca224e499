import { dashboardNotifyRed, parsePayload } from "@xiangda/jobs";
import type { Processor } from "../types.ts";

/// "These parcels of yours are late" — to the node's contact (SMS) and each of its staff (in-app), one message each,
/// listing the waybills of the alerts the manager chased.
export const processNotifyRed: Processor = async (job, deps) => {
  const p = parsePayload(dashboardNotifyRed, job.data);
  const node = await deps.db.node.findFirst({
    where: { id: p.nodeId, countyCode: p.countyCode },
    select: { code: true, name: true, contactName: true, contactPhone: true },
  });
  if (!node) return { skipped: "no such node" };
  const alerts = await deps.db.redAlert.findMany({
    where: {
      nodeId: p.nodeId,
      countyCode: p.countyCode,
      ...(p.notifiedAt ? { notifiedAt: new Date(p.notifiedAt) } : { resolvedAt: null }),
    },
    select: { shipmentId: true, promisedAt: true },
    orderBy: [{ promisedAt: "asc" }, { createdAt: "asc" }],
  });
  if (!alerts.length) return { skipped: "no alerts" };
  const [shipments, staff] = await Promise.all([
    deps.db.shipment.findMany({ where: { id: { in: alerts.map((a) => a.shipmentId) } }, select: { id: true, waybillNo: true } }),
    deps.db.user.findMany({ where: { nodeId: p.nodeId, role: "STATION_STAFF", active: true }, select: { id: true } }),
  ]);
  const waybill = new Map(shipments.map((s) => [s.id, s.waybillNo]));
  const payload = {
    node: node.name,
    nodeCode: node.code,
    count: alerts.length,
    waybills: alerts.map((a) => waybill.get(a.shipmentId)).filter((w): w is string => Boolean(w)),
  };
  const base = job.id ?? dashboardNotifyRed.jobId(p);
  const messages = [
    ...(node.contactPhone ? [{ jobId: `${base}-contact`, channel: "SMS" as const, recipient: node.contactPhone }] : []),
    ...staff.map((u) => ({ jobId: `${base}-user-${u.id}`, channel: "IN_APP" as const, recipient: `user:${u.id}` })),
  ];
  for (const m of messages) await deps.sender.send({ ...m, template: "dashboard.redParcels", payload });
  return { recipients: messages.length, parcels: alerts.length };
};
