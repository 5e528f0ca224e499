// Creates shipments: resolves the destination, plans the route and writes the rows. The planning and the
// bulk write are separate so other services (restock orders) create shipments the same way, in their own transaction.
import { randomUUID } from "node:crypto";
import { writeOutbox, type Db, type Prisma, type Tx } from "@xiangda/db";
import { AppError, matchesCarrierPattern, type Actor, type TempClass } from "@xiangda/domain";
import { rollupOutboxEvents } from "../dashboard/rollup-event.ts";
import { computePlan, type PlanOutcome } from "./plan-route.ts";
import { resolveDestination, type Destination } from "./resolve-destination.ts";
import { loadRouting, type CountyRouting } from "./routing-network.ts";
import type { TCreateShipment } from "./schemas.ts";
import { nextWaybills } from "./waybill-numbers.ts";

export async function hubOf(db: Tx, countyCode: string) {
  const hub = await db.node.findFirst({ where: { countyCode, tier: "COUNTY_HUB" }, orderBy: [{ status: "asc" }, { code: "asc" }] });
  if (!hub) throw AppError.at("to", "COUNTY_NO_HUB", { county: countyCode });
  return hub;
}

export async function carrierFor(db: Db, code: string | undefined, waybillNo: string | undefined) {
  if (!code) {
    if (waybillNo) throw AppError.at("carrierCode", "CARRIER_NEEDED");
    return null;
  }
  const carrier = await db.carrier.findUnique({ where: { code } });
  if (!carrier) throw AppError.at("carrierCode", "NO_CARRIER", { carrier: code });
  if (carrier.blacklisted)
    throw AppError.at("carrierCode", "CARRIER_BLACKLISTED_WHY", { carrier: code, why: carrier.blacklistReason ?? "" });
  if (waybillNo && !matchesCarrierPattern(waybillNo, carrier.waybillPattern))
    throw AppError.at("carrierWaybillNo", "NOT_CARRIER_WAYBILL", { carrier: carrier.name });
  return carrier;
}

/// Everything a new shipment needs once its origin and destination are known.
export interface ShipmentDraft {
  countyCode: string;
  direction: "UP" | "DOWN";
  originNodeId: string;
  dest: Destination;
  readyAt: Date;
  temp: TempClass;
  weightG: number;
  lengthMm?: number | null;
  widthMm?: number | null;
  heightMm?: number | null;
  contentsCategory: string;
  declaredValueFen: number;
  recipientName: string;
  recipientPhone: string;
  recipientAddress?: string | null;
  senderName?: string | null;
  senderPhone?: string | null;
  /// A contract sender's credit code: its registration is the real-name record (see Shipment.senderOrgCode).
  senderOrgCode?: string | null;
  outboundCity?: string | null;
  carrierId?: string | null;
  carrierWaybillNo?: string | null;
  /// Extra details of the CREATED event (e.g. the restock order it belongs to).
  createdDetails?: Prisma.InputJsonValue;
}

/// A shipment planned on the timetable, not written yet: its row, legs and first events.
export interface PlannedShipment {
  id: string;
  waybillNo: string;
  plan: PlanOutcome;
  row: Prisma.ShipmentCreateManyInput;
  events: Prisma.ShipmentEventCreateManyInput[];
}

/// Pure with respect to the database: the caller draws the waybill number and writes the result.
export function planShipment(r: CountyRouting, d: ShipmentDraft, waybillNo: string, actor: Actor | null, now: Date): PlannedShipment {
  const id = randomUUID();
  const plan = computePlan(
    r,
    {
      shipmentId: id,
      fromNodeId: d.originNodeId,
      toNodeId: d.dest.nodeId,
      readyAt: d.readyAt,
      temp: d.temp,
      nextPlan: 1,
      reason: "ROUTED",
    },
    now,
  );
  const volumeCm3 = d.lengthMm && d.widthMm && d.heightMm ? Math.ceil((d.lengthMm * d.widthMm * d.heightMm) / 1000) : null;
  const row: Prisma.ShipmentCreateManyInput = {
    id,
    countyCode: d.countyCode,
    waybillNo,
    carrierId: d.carrierId ?? null,
    carrierWaybillNo: d.carrierWaybillNo ?? null,
    direction: d.direction,
    originNodeId: d.originNodeId,
    destNodeId: d.dest.nodeId,
    destAreaCode: d.dest.areaCode,
    selfPickup: d.dest.selfPickup,
    outboundCity: d.outboundCity ?? null,
    recipientName: d.recipientName,
    recipientPhone: d.recipientPhone,
    recipientAddress: d.recipientAddress ?? null,
    senderName: d.senderName ?? null,
    senderPhone: d.senderPhone ?? null,
    senderOrgCode: d.senderOrgCode ?? null,
    weightG: d.weightG,
    lengthMm: d.lengthMm ?? null,
    widthMm: d.widthMm ?? null,
    heightMm: d.heightMm ?? null,
    volumeCm3,
    temp: d.temp,
    contentsCategory: d.contentsCategory,
    declaredValueFen: d.declaredValueFen,
    status: "CREATED",
    currentNodeId: d.originNodeId,
    promisedAt: plan.promisedAt,
    routeError: plan.routeError,
    light: plan.ok ? "GREEN" : "RED",
    lightReason: plan.routeError,
    lightChangedAt: now,
  };
  const created: Prisma.ShipmentEventCreateManyInput = {
    shipmentId: id,
    at: now,
    type: "CREATED",
    nodeId: d.originNodeId,
    actorId: actor?.userId ?? null,
    ...(d.createdDetails !== undefined ? { details: d.createdDetails } : {}),
  };
  return { id, waybillNo, plan, row, events: [created, plan.event] };
}

/// Writes planned shipments in bulk in the caller's transaction: rows, legs, then the timeline in order, and the
/// dashboard roll-up of today (createdAt is the database's clock, so the day is the real one).
export async function writeShipments(tx: Tx, planned: readonly PlannedShipment[]): Promise<void> {
  if (!planned.length) return;
  await tx.shipment.createMany({ data: planned.map((p) => p.row) });
  const legs = planned.flatMap((p) => p.plan.legs);
  if (legs.length) await tx.shipmentLeg.createMany({ data: legs });
  await tx.shipmentEvent.createMany({ data: planned.flatMap((p) => p.events) });
  const now = new Date();
  await writeOutbox(tx, rollupOutboxEvents(planned.map((p) => ({ countyCode: p.row.countyCode, at: now }))));
}

export async function createShipment(
  db: Db,
  { countyCode, actor, now, ...input }: { countyCode: string; actor: Actor | null; now: Date } & TCreateShipment,
) {
  const carrier = await carrierFor(db, input.carrierCode, input.carrierWaybillNo);
  const origin = await db.node.findUnique({ where: { countyCode_code: { countyCode, code: input.fromCode } } });
  if (!origin) throw AppError.at("fromCode", "NO_NODE_IN_COUNTY", { node: input.fromCode, county: countyCode });
  const dest =
    input.direction === "UP" && !/^\d{12}$/.test(input.to) && input.to.toLowerCase() === "out"
      ? { nodeId: (await hubOf(db, countyCode)).id, areaCode: null, selfPickup: false }
      : await resolveDestination(db, countyCode, input.to);
  const r = await loadRouting(db, countyCode);
  const [waybillNo] = await nextWaybills(db, 1);
  const planned = planShipment(
    r,
    {
      countyCode,
      direction: input.direction,
      originNodeId: origin.id,
      dest,
      readyAt: input.readyAt ? new Date(input.readyAt) : now,
      temp: input.temp,
      weightG: input.weightG,
      lengthMm: input.lengthMm,
      widthMm: input.widthMm,
      heightMm: input.heightMm,
      contentsCategory: input.contentsCategory,
      declaredValueFen: input.declaredValueFen,
      recipientName: input.recipientName,
      recipientPhone: input.recipientPhone,
      recipientAddress: input.recipientAddress,
      senderName: input.senderName,
      senderPhone: input.senderPhone,
      outboundCity: input.outboundCity,
      carrierId: carrier?.id ?? null,
      carrierWaybillNo: input.carrierWaybillNo,
    },
    waybillNo!,
    actor,
    now,
  );
  return db.$transaction(async (tx) => {
    await writeShipments(tx, [planned]);
    return tx.shipment.findUniqueOrThrow({ where: { id: planned.id } });
  });
}
