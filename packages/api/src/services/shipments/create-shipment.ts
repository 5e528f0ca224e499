// Creates one shipment, resolves its destination and plans its route.
import { randomUUID } from "node:crypto";
import type { Db } from "@xiangda/db";
import { AppError, matchesCarrierPattern, type Actor } from "@xiangda/domain";
import { computePlan } from "./plan-route.ts";
import { resolveDestination } from "./resolve-destination.ts";
import { loadRouting } from "./routing-network.ts";
import type { TCreateShipment } from "./schemas.ts";
import { nextWaybills } from "./waybill-numbers.ts";

export async function hubOf(db: Db, countyCode: string) {
  const hub = await db.node.findFirst({ where: { countyCode, tier: "COUNTY_HUB" }, orderBy: [{ status: "asc" }, { code: "asc" }] });
  if (!hub) throw AppError.field("to", `county ${countyCode} has no county hub`);
  return hub;
}

export async function carrierFor(db: Db, code: string | undefined, waybillNo: string | undefined) {
  if (!code) {
    if (waybillNo) throw AppError.field("carrierCode", "a carrier waybill number needs its carrier");
    return null;
  }
  const carrier = await db.carrier.findUnique({ where: { code } });
  if (!carrier) throw AppError.field("carrierCode", `no carrier ${code}`);
  if (carrier.blacklisted) throw AppError.field("carrierCode", `carrier ${code} is blacklisted: ${carrier.blacklistReason ?? ""}`);
  if (waybillNo && !matchesCarrierPattern(waybillNo, carrier.waybillPattern))
    throw AppError.field("carrierWaybillNo", `not a ${carrier.name} waybill number`);
  return carrier;
}

export async function createShipment(db: Db, countyCode: string, input: TCreateShipment, actor: Actor | null, now: Date) {
  const carrier = await carrierFor(db, input.carrierCode, input.carrierWaybillNo);
  const origin = await db.node.findUnique({ where: { countyCode_code: { countyCode, code: input.fromCode } } });
  if (!origin) throw AppError.field("fromCode", `no node ${input.fromCode} in county ${countyCode}`);
  const dest =
    input.direction === "UP" && !/^\d{12}$/.test(input.to) && input.to.toLowerCase() === "out"
      ? { nodeId: (await hubOf(db, countyCode)).id, areaCode: null, selfPickup: false }
      : await resolveDestination(db, countyCode, input.to);
  const readyAt = input.readyAt ? new Date(input.readyAt) : now;
  const r = await loadRouting(db, countyCode);
  const [waybillNo] = await nextWaybills(db, 1);
  const id = randomUUID();
  const plan = computePlan(
    r,
    { shipmentId: id, fromNodeId: origin.id, toNodeId: dest.nodeId, readyAt, temp: input.temp, nextPlan: 1, reason: "ROUTED" },
    now,
  );
  const volumeCm3 =
    input.lengthMm && input.widthMm && input.heightMm ? Math.ceil((input.lengthMm * input.widthMm * input.heightMm) / 1000) : null;
  return db.$transaction(async (tx) => {
    const s = await tx.shipment.create({
      data: {
        id,
        countyCode,
        waybillNo: waybillNo!,
        carrierId: carrier?.id ?? null,
        carrierWaybillNo: input.carrierWaybillNo ?? null,
        direction: input.direction,
        originNodeId: origin.id,
        destNodeId: dest.nodeId,
        destAreaCode: dest.areaCode,
        selfPickup: dest.selfPickup,
        outboundCity: input.outboundCity ?? null,
        recipientName: input.recipientName,
        recipientPhone: input.recipientPhone,
        recipientAddress: input.recipientAddress ?? null,
        senderName: input.senderName ?? null,
        senderPhone: input.senderPhone ?? null,
        weightG: input.weightG,
        lengthMm: input.lengthMm ?? null,
        widthMm: input.widthMm ?? null,
        heightMm: input.heightMm ?? null,
        volumeCm3,
        temp: input.temp,
        contentsCategory: input.contentsCategory,
        declaredValueFen: input.declaredValueFen,
        status: "CREATED",
        currentNodeId: origin.id,
        promisedAt: plan.promisedAt,
        routeError: plan.routeError,
        light: plan.ok ? "GREEN" : "RED",
        lightReason: plan.routeError,
        lightChangedAt: now,
      },
    });
    await tx.shipmentEvent.create({
      data: { shipmentId: id, at: now, type: "CREATED", nodeId: origin.id, actorId: actor?.userId ?? null },
    });
    if (plan.legs.length) await tx.shipmentLeg.createMany({ data: plan.legs });
    await tx.shipmentEvent.create({ data: plan.event });
    return s;
  });
}
