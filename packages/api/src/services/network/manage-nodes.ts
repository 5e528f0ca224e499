// The node list of the network page, one node saved from its form, and a node's status (a change re-plans the
// shipments routed through it).
import { z } from "zod";
import type { Db } from "@xiangda/db";
import { AppError, NODE_STATUSES, NODE_TIERS, PICKUP_CHECKS } from "@xiangda/domain";
import { likeText } from "../like.ts";
import { saveNode } from "./forms.ts";
import { NODE_OPERATORS, PICKUP_HOLD_DAYS } from "./nodes.ts";
import { writeRerouteEvent } from "./reroute-event.ts";
import { nodeView } from "./views.ts";

const optText = (max: number) => z.string().trim().max(max, `at most ${max} characters`).nullish();

export const ZNodeUpsertSchema = z.object({
  code: z.string().trim().min(1, "required").max(40, "at most 40 characters"),
  name: z.string().trim().min(1, "required").max(100, "at most 100 characters"),
  tier: z.enum(NODE_TIERS),
  areaCode: z.string().regex(/^\d{12}$/, "must be a 12-digit statistical code"),
  parentCode: z.string().trim().max(40).nullish(),
  crossBorderReason: optText(200),
  coldChilled: z.boolean().optional(),
  coldFrozen: z.boolean().optional(),
  selfPickup: z.boolean().optional(),
  parcelLocker: z.boolean().optional(),
  passengerStop: z.boolean().optional(),
  recyclables: z.boolean().optional(),
  operator: z.enum(NODE_OPERATORS).optional(),
  filingNumber: optText(60),
  openingHours: optText(11),
  dailyCapacity: z.number().int("whole number").min(0, "must be 0 or more").max(10_000_000).nullish(),
  contactName: optText(40),
  contactPhone: optText(20),
  handlingMinutes: z.number().int("whole number").min(0).max(1440).optional(),
  /// Self-pickup: how staff check who collects (取件核验) and the days a parcel waits before it is flagged for return.
  pickupCheck: z.enum(PICKUP_CHECKS).optional(),
  pickupHoldDays: z.number().int("whole number").min(PICKUP_HOLD_DAYS.min).max(PICKUP_HOLD_DAYS.max).optional(),
});

export const ZNodeListSchema = z.object({
  tier: z.enum(NODE_TIERS).optional(),
  status: z.enum(NODE_STATUSES).optional(),
  q: z.string().max(50).optional(),
});

export const ZNodeStatusSchema = z.object({
  code: z.string().min(1),
  status: z.enum(NODE_STATUSES),
  reason: z.string().trim().max(200).optional(),
  until: z.string().datetime({ offset: true }).optional(),
});

const include = { parent: { select: { code: true } } } as const;

export async function listNodes(db: Db, input: { countyCode: string } & z.infer<typeof ZNodeListSchema>) {
  const nodes = await db.node.findMany({
    where: {
      countyCode: input.countyCode,
      ...(input.tier ? { tier: input.tier } : {}),
      ...(input.status ? { status: input.status } : {}),
      ...(input.q
        ? { OR: [{ code: { contains: likeText(input.q), mode: "insensitive" } }, { name: { contains: likeText(input.q) } }] }
        : {}),
    },
    include,
    orderBy: [{ tier: "asc" }, { code: "asc" }],
    take: 5000,
  });
  return nodes.map((n) => nodeView(n, { showContact: true }));
}

export async function upsertNode(db: Db, input: { countyCode: string } & z.infer<typeof ZNodeUpsertSchema>) {
  const { countyCode, parentCode, ...rest } = input;
  const fields = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as typeof rest;
  const n = await saveNode(db, countyCode, { ...fields, parentCode: parentCode || null });
  return nodeView(n, { showContact: true });
}

export async function setNodeStatus(db: Db, input: { countyCode: string } & z.infer<typeof ZNodeStatusSchema>) {
  if (input.status !== "ACTIVE" && !input.reason) throw AppError.at("reason", "NODE_STATUS_NEEDS_REASON");
  const existing = await db.node.findUnique({ where: { countyCode_code: { countyCode: input.countyCode, code: input.code } } });
  if (!existing) throw AppError.at("code", "NO_NODE_CODE_IN_COUNTY", { code: input.code, county: input.countyCode });
  const n = await db.$transaction(async (tx) => {
    const updated = await tx.node.update({
      where: { id: existing.id },
      data: {
        status: input.status,
        suspendedReason: input.status === "ACTIVE" ? null : input.reason,
        suspendedUntil: input.status === "SUSPENDED" && input.until ? new Date(input.until) : null,
      },
      include,
    });
    // Shipments planned through this node are re-planned by a worker.
    if (existing.status !== input.status) {
      await writeRerouteEvent(tx, {
        countyCode: input.countyCode,
        target: { nodeId: existing.id },
        status: input.status,
        updatedAt: updated.updatedAt,
      });
    }
    return updated;
  });
  return nodeView(n, { showContact: true });
}
