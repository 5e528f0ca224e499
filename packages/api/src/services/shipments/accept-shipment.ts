// Accepting an upward parcel under the three rules: 收寄验视 inspection, 实名收寄 real name and ID,
// 过机安检 security screening (which may also be recorded later: screen-shipment.ts).
import { randomUUID } from "node:crypto";
import { writeOutbox, type Db } from "@xiangda/db";
import { AppError, parseWaybill, validateResidentId, type Actor, type TAccept, type TAcceptAnnounced } from "@xiangda/domain";
import { rollupOutboxEvent } from "../dashboard/rollup-event.ts";
import { carrierFor, hubOf } from "./create-shipment.ts";
import { protectId } from "./id-crypto.ts";
import { computePlan, replan } from "./plan-route.ts";
import { loadRouting } from "./routing-network.ts";

import { nextWaybills } from "./waybill-numbers.ts";

/// 收寄验视 as stored on the parcel: the checklist, who inspected and when.
function inspectionRecord(actor: Actor, i: TAccept["inspection"], now: Date) {
  return {
    inspected: true,
    prohibitedAbsent: i.prohibitedAbsent,
    notes: i.notes ?? null,
    by: actor.userId,
    byName: actor.username,
    at: now.toISOString(),
  };
}

/// 过机安检 at acceptance, when the desk has a machine.
function screeningRecord(actor: Actor, s: TAccept["screening"], now: Date) {
  return s ? { screened: s.screened, device: s.device ?? null, by: actor.userId, at: now.toISOString() } : undefined;
}

/// A resident ID that does not pass, as a catalog key: the check character is said to be wrong, never which is right.
function residentIdError(id: Extract<ReturnType<typeof validateResidentId>, { ok: false }>): AppError {
  if (id.reason === "CHECK_DIGIT") return AppError.at("senderIdNumber", "RESIDENT_ID_CHECK");
  if (id.reason === "BIRTH_DATE") return AppError.at("senderIdNumber", "RESIDENT_ID_BIRTH_DATE", { date: id.birth ?? "" });
  return AppError.at("senderIdNumber", "RESIDENT_ID_FORMAT", { length: id.length ?? 0 });
}

export async function acceptUpward(
  db: Db,
  { dataKey, actor, nodeId, now, ...input }: { dataKey: Buffer; actor: Actor; nodeId: string; now: Date } & TAccept,
) {
  const id = validateResidentId(input.senderIdNumber, now);
  if (!id.ok) throw residentIdError(id);
  const node = await db.node.findUniqueOrThrow({ where: { id: nodeId } });
  if (node.tier === "COUNTY_HUB") throw AppError.at("nodeId", "ACCEPT_AT_STATIONS");
  if (node.status !== "ACTIVE") throw AppError.at("nodeId", "NODE_CANNOT_ACCEPT", { node: node.name });
  const carrier = await carrierFor(db, input.carrierCode, undefined);
  const hub = await hubOf(db, node.countyCode);
  const r = await loadRouting(db, node.countyCode);
  const [waybillNo] = await nextWaybills(db, 1);
  const shipmentId = randomUUID();
  const plan = computePlan(
    r,
    { shipmentId, fromNodeId: node.id, toNodeId: hub.id, readyAt: now, temp: input.temp, nextPlan: 1, reason: "ROUTED" },
    now,
  );
  const inspection = inspectionRecord(actor, input.inspection, now);
  const screening = screeningRecord(actor, input.screening, now) ?? null;
  const volumeCm3 =
    input.lengthMm && input.widthMm && input.heightMm ? Math.ceil((input.lengthMm * input.widthMm * input.heightMm) / 1000) : null;
  return db.$transaction(async (tx) => {
    const s = await tx.shipment.create({
      data: {
        id: shipmentId,
        countyCode: node.countyCode,
        waybillNo: waybillNo!,
        carrierId: carrier?.id ?? null,
        direction: "UP",
        originNodeId: node.id,
        destNodeId: hub.id,
        outboundCity: input.outboundCity,
        recipientName: input.recipientName,
        recipientPhone: input.recipientPhone,
        recipientAddress: input.recipientAddress ?? null,
        senderName: input.senderName,
        senderPhone: input.senderPhone,
        ...protectId(dataKey, id.id),
        weightG: input.weightG,
        lengthMm: input.lengthMm ?? null,
        widthMm: input.widthMm ?? null,
        heightMm: input.heightMm ?? null,
        volumeCm3,
        temp: input.temp,
        contentsCategory: input.contentsCategory,
        declaredValueFen: input.declaredValueFen,
        status: "ACCEPTED",
        currentNodeId: node.id,
        inspection: inspection,
        ...(screening ? { screening: screening } : {}),
        acceptedAt: now,
        acceptedById: actor.userId,
        promisedAt: plan.promisedAt,
        routeError: plan.routeError,
        light: plan.ok ? "GREEN" : "RED",
        lightReason: plan.routeError,
        lightChangedAt: now,
      },
    });
    await tx.shipmentEvent.create({
      data: {
        shipmentId,
        at: now,
        type: "ACCEPTED",
        nodeId: node.id,
        actorId: actor.userId,
        details: { realName: true, inspected: true, screened: screening?.screened ?? false },
      },
    });
    if (plan.legs.length) await tx.shipmentLeg.createMany({ data: plan.legs });
    await tx.shipmentEvent.create({ data: plan.event });
    // The dashboard's roll-up of the day it was created (createdAt is the database's clock).
    await writeOutbox(tx, rollupOutboxEvent(node.countyCode, s.createdAt));
    return s;
  });
}

/// An announced parcel (created before it was handed in, e.g. by a confirmed restock order) accepted at the node it
/// waits at, or at any other active node of its county whose staff hold it (issue #17: a parcel not yet accepted is
/// received only by acceptance, at any node): the contents inspected, the sender's real name from its registration (a
/// contract sender's credit code) or from the resident ID typed now, screening if the desk has a machine. Accepted
/// elsewhere, the parcel is there from then on (its origin and where it is), and its route is re-planned from there.
/// A retry after it was accepted here returns it unchanged; two desks at once accept it once.
export async function acceptAnnounced(
  db: Db,
  {
    dataKey,
    actor,
    node,
    now,
    ...input
  }: {
    dataKey: Buffer;
    actor: Actor;
    node: { id: string; name: string; countyCode: string; status?: string };
    now: Date;
  } & TAcceptAnnounced,
): Promise<string> {
  const wb = parseWaybill(input.waybillNo);
  if (!wb.ok) throw AppError.at("waybillNo", wb.key ?? "WAYBILL_FORMAT", (wb.params ?? { value: input.waybillNo }) as never);
  const s = await db.shipment.findUnique({
    where: { waybillNo: wb.value },
    select: {
      id: true,
      countyCode: true,
      direction: true,
      status: true,
      currentNodeId: true,
      acceptedAt: true,
      senderName: true,
      senderIdHash: true,
      senderOrgCode: true,
      originNodeId: true,
      destNodeId: true,
      temp: true,
    },
  });
  // Only a parcel at this node, or one of this county still waiting to be accepted (brought to this desk instead of the
  // node it was announced at), is accepted or described: one answer for "no such parcel" and "another node's" (whose
  // state, direction and whereabouts are none of this desk's business), checked before anything else is said of it.
  const elsewhere = !!s && s.currentNodeId !== node.id;
  if (!s || s.countyCode !== node.countyCode || (elsewhere && !(s.status === "CREATED" && s.direction === "UP")))
    throw AppError.at("waybillNo", "NOTHING_TO_ACCEPT_HERE", { waybill: wb.value, node: node.name });
  if (elsewhere && node.status !== undefined && node.status !== "ACTIVE")
    throw AppError.at("nodeId", "NODE_CANNOT_ACCEPT", { node: node.name });
  if (s.direction !== "UP") throw AppError.at("waybillNo", "ACCEPT_IS_DELIVERY", { waybill: wb.value });
  if (s.acceptedAt && s.status === "ACCEPTED") return s.id;
  if (s.status !== "CREATED")
    throw AppError.at("waybillNo", "ACCEPT_ALREADY", { waybill: wb.value, status: s.status.toLowerCase().replace("_", " ") });
  const senderName = s.senderName ?? input.senderName;
  if (!senderName) throw AppError.at("senderName", "SENDER_NAME_REQUIRED");
  let idFields = {};
  if (input.senderIdNumber) {
    const id = validateResidentId(input.senderIdNumber, now);
    if (!id.ok) throw residentIdError(id);
    idFields = protectId(dataKey, id.id);
  } else if (!s.senderIdHash && !s.senderOrgCode) {
    throw AppError.at("senderIdNumber", "SENDER_ID_REQUIRED");
  }
  const inspection = inspectionRecord(actor, input.inspection, now);
  const screening = screeningRecord(actor, input.screening, now);
  const announcedAt = s.currentNodeId;
  const routing = elsewhere && s.destNodeId ? await loadRouting(db, node.countyCode) : null;
  const announcedNode =
    elsewhere && announcedAt ? await db.node.findUnique({ where: { id: announcedAt }, select: { code: true, name: true } }) : null;
  const accepted = await db.$transaction(async (tx) => {
    // Only the call that moves it out of CREATED writes; a racing one finds it accepted.
    const r = await tx.shipment.updateMany({
      where: { id: s.id, status: "CREATED", currentNodeId: announcedAt },
      data: {
        ...(elsewhere ? { currentNodeId: node.id, originNodeId: node.id } : {}),
        status: "ACCEPTED",
        senderName,
        ...idFields,
        inspection,
        ...(screening ? { screening } : {}),
        acceptedAt: now,
        acceptedById: actor.userId,
        updatedAt: now,
      },
    });
    if (r.count === 0) return false;
    await tx.shipmentEvent.create({
      data: {
        shipmentId: s.id,
        at: now,
        type: "ACCEPTED",
        nodeId: node.id,
        actorId: actor.userId,
        details: {
          announced: true,
          realName: input.senderIdNumber ? "RESIDENT_ID" : s.senderOrgCode ? "REGISTERED_MERCHANT" : "RESIDENT_ID",
          inspected: true,
          screened: screening?.screened ?? false,
          ...(announcedNode ? { announcedAt: announcedNode.code, announcedAtName: announcedNode.name } : {}),
        },
      },
    });
    // Accepted away from where it was announced: the route runs from here (the announced node's legs are cancelled).
    if (routing && s.destNodeId)
      await replan(
        tx,
        routing,
        { shipmentId: s.id, fromNodeId: node.id, toNodeId: s.destNodeId, readyAt: now, temp: s.temp, reason: "REROUTED" },
        now,
        { why: "ACCEPTED_ELSEWHERE" },
      );
    await writeOutbox(tx, rollupOutboxEvent(node.countyCode, now));
    return true;
  });
  if (accepted) return s.id;
  const after = await db.shipment.findUniqueOrThrow({ where: { id: s.id }, select: { status: true, currentNodeId: true } });
  if (after.status === "ACCEPTED" && after.currentNodeId === node.id) return s.id;
  throw AppError.at("waybillNo", "ACCEPT_CHANGED", { waybill: wb.value });
}

/// Which of the three rules an upward parcel still misses; it may not leave the county hub until none.
export function missingThreeRules(s: {
  direction: string;
  senderIdHash: string | null;
  senderOrgCode: string | null;
  senderName: string | null;
  inspection: unknown;
  screening: unknown;
}): string[] {
  if (s.direction !== "UP") return [];
  const missing: string[] = [];
  if (!(s.senderIdHash || s.senderOrgCode) || !s.senderName) missing.push("real-name registration (实名收寄)");
  const insp = s.inspection as { inspected?: boolean } | null;
  if (!insp?.inspected) missing.push("contents inspection (收寄验视)");
  const scr = s.screening as { screened?: boolean } | null;
  if (!scr?.screened) missing.push("security screening (过机安检)");
  return missing;
}

export function assertMayLeaveHub(s: Parameters<typeof missingThreeRules>[0] & { waybillNo: string }): void {
  const missing = missingThreeRules(s);
  if (missing.length)
    throw AppError.of(
      "INVALID_TRANSITION",
      "HUB_RULES_MISSING",
      { waybill: s.waybillNo, missing: missing.join(", ") },
      {
        details: { missing },
      },
    );
}
