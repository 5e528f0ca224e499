// Plans (or re-plans) a shipment's legs on the timetable; the legs' times are its promises.
import { randomUUID } from "node:crypto";
import type { Prisma, Tx } from "@xiangda/db";
import { route, type TempClass } from "@xiangda/domain";
import type { CountyRouting } from "./routing-network.ts";
import { refreshLight } from "./refresh-light.ts";
import { prismaQueryable, releaseStaleItems } from "../consolidation/release.ts";

export interface PlanInput {
  shipmentId: string;
  fromNodeId: string;
  toNodeId: string;
  readyAt: Date;
  temp: TempClass;
  /// Legs already travelled keep their plan number; the new plan gets the next one.
  nextPlan: number;
  reason: "ROUTED" | "REROUTED";
}

export interface PlanOutcome {
  ok: boolean;
  legs: Prisma.ShipmentLegCreateManyInput[];
  promisedAt: Date | null;
  routeError: string | null;
  event: Prisma.ShipmentEventCreateManyInput;
}

/// Pure with respect to the database: computes the rows; the caller writes them in bulk.
export function computePlan(r: CountyRouting, p: PlanInput, now: Date): PlanOutcome {
  const res = route(r.net, { fromId: p.fromNodeId, toId: p.toNodeId, readyAt: p.readyAt, temp: p.temp });
  if (!res.ok) {
    return {
      ok: false,
      legs: [],
      promisedAt: null,
      routeError: res.message,
      event: {
        shipmentId: p.shipmentId,
        at: now,
        type: "ROUTE_FAILED",
        details: { reason: res.reason, message: res.message, brokenLeg: res.brokenLeg ? { ...res.brokenLeg } : null },
      },
    };
  }
  const legs = res.legs.map((l, i) => ({
    id: randomUUID(),
    shipmentId: p.shipmentId,
    plan: p.nextPlan,
    seq: i,
    laneId: l.laneId,
    laneCode: l.laneCode,
    fromNodeId: l.fromId,
    toNodeId: l.toId,
    plannedDepart: l.depart,
    plannedArrive: l.arrive,
  }));
  return {
    ok: true,
    legs,
    promisedAt: res.legs.length ? res.arrival : p.readyAt,
    routeError: null,
    event: {
      shipmentId: p.shipmentId,
      at: now,
      type: p.reason,
      details: {
        plan: p.nextPlan,
        legs: res.legs.map((l) => ({
          lane: l.laneCode,
          from: l.fromCode,
          to: l.toCode,
          depart: l.depart.toISOString(),
          arrive: l.arrive.toISOString(),
        })),
      },
    },
  };
}

/// Replaces a shipment's open legs with a new plan from where it is now.
export async function replan(
  tx: Tx,
  r: CountyRouting,
  p: Omit<PlanInput, "nextPlan">,
  now: Date,
  extra: Record<string, string> = {},
): Promise<PlanOutcome> {
  const last = await tx.shipmentLeg.aggregate({ where: { shipmentId: p.shipmentId }, _max: { plan: true } });
  const outcome = computePlan(r, { ...p, nextPlan: (last._max.plan ?? 0) + 1 }, now);
  await tx.shipmentLeg.updateMany({ where: { shipmentId: p.shipmentId, status: "PLANNED" }, data: { status: "CANCELLED" } });
  // The cancelled legs leave their open loads (issue 17): the new plan's next leg joins one by the assignment sweep.
  await releaseStaleItems(prismaQueryable(tx), { shipmentIds: [p.shipmentId] }, now);
  if (outcome.legs.length) await tx.shipmentLeg.createMany({ data: outcome.legs });
  await tx.shipment.update({
    where: { id: p.shipmentId },
    data: {
      promisedAt: outcome.promisedAt,
      routeError: outcome.routeError,
      ...(outcome.ok ? {} : { light: "RED", lightReason: outcome.routeError, lightChangedAt: now }),
    },
  });
  await tx.shipmentEvent.create({
    data: { ...outcome.event, details: { ...(outcome.event.details as Record<string, unknown>), ...extra } as Prisma.InputJsonValue },
  });
  if (outcome.ok) await refreshLight(tx, p.shipmentId, now);
  return outcome;
}
