// What clients see of nodes, lanes and vehicles.
import { maskPhone } from "@xiangda/domain";
import type { Lane, Node, Vehicle } from "@xiangda/db";

export function nodeView(n: Node & { parent?: { code: string } | null }, opts: { showContact: boolean }) {
  return {
    id: n.id,
    code: n.code,
    name: n.name,
    tier: n.tier,
    status: n.status,
    areaCode: n.areaCode,
    parentId: n.parentId,
    parentCode: n.parent?.code ?? null,
    coldChilled: n.coldChilled,
    coldFrozen: n.coldFrozen,
    selfPickup: n.selfPickup,
    parcelLocker: n.parcelLocker,
    passengerStop: n.passengerStop,
    recyclables: n.recyclables,
    operator: n.operator,
    filingNumber: n.filingNumber,
    openingHours: n.openingHours,
    dailyCapacity: n.dailyCapacity,
    contactName: n.contactName,
    contactPhone: opts.showContact ? n.contactPhone : n.contactPhone ? maskPhone(n.contactPhone) : null,
    handlingMinutes: n.handlingMinutes,
    pickupCheck: n.pickupCheck,
    pickupHoldDays: n.pickupHoldDays,
    crossBorderReason: n.crossBorderReason,
    suspendedReason: n.suspendedReason,
    suspendedUntil: n.suspendedUntil?.toISOString() ?? null,
  };
}
export type TNodeView = ReturnType<typeof nodeView>;

export function laneView(l: Lane & { fromNode: { code: string; name: string }; toNode: { code: string; name: string } }) {
  return {
    id: l.id,
    code: l.code,
    fromCode: l.fromNode.code,
    toCode: l.toNode.code,
    fromName: l.fromNode.name,
    toName: l.toNode.name,
    mode: l.mode,
    directReason: l.directReason,
    departures: l.departures,
    weekdays: l.weekdays,
    cutoffMinutes: l.cutoffMinutes,
    transitMinutes: l.transitMinutes,
    cold: l.cold,
    stopAreaCodes: l.stopAreaCodes,
    status: l.status,
    suspendedReason: l.suspendedReason,
  };
}

export function vehicleView(v: Vehicle & { homeNode: { code: string; name: string }; carrier: { code: string } | null }) {
  return {
    id: v.id,
    number: v.number,
    plate: v.plate,
    homeNodeCode: v.homeNode.code,
    homeNodeName: v.homeNode.name,
    carrierCode: v.carrier?.code ?? null,
    capacityKg: v.capacityKg,
    capacityM3: v.capacityL / 1000,
    cold: v.cold,
    energy: v.energy,
    status: v.status,
  };
}
