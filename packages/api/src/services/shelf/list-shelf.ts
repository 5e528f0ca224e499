// 待取件: the parcels waiting on a node's pickup shelves, by slot, with their age and whether they are overdue.
import { createHash } from "node:crypto";
import type { Db, Prisma } from "@xiangda/db";
import { maskPhone } from "@xiangda/domain";
import { likeText } from "../like.ts";
import type { TShelfList } from "./schemas.ts";

const DAY_MS = 86_400_000;

const SELECT = {
  id: true,
  waybillNo: true,
  carrierWaybillNo: true,
  shelfSlot: true,
  recipientName: true,
  recipientPhone: true,
  readyForPickupAt: true,
  returnFlaggedAt: true,
  light: true,
} satisfies Prisma.ShipmentSelect;

export interface ShelfNode {
  id: string;
  pickupHoldDays: number;
}

export const PICKUP_CHECK_DEFAULT = "CODE_OR_PHONE";
/// The node's pickup check (Node.pickupCheck: CODE, CODE_OR_PHONE or CODE_PHONE_OR_ID), the default where not set.
export const pickupCheckOf = (node: object): string => {
  const v = (node as { pickupCheck?: unknown }).pickupCheck;
  return typeof v === "string" ? v : PICKUP_CHECK_DEFAULT;
};

/// One person's parcels share a key (of the phone, per node): the page offers them together without the phone itself.
export const personKey = (nodeId: string, phone: string) => createHash("sha256").update(`${nodeId}:${phone}`).digest("hex").slice(0, 16);

/// Whether a parcel ready since `readyAt` has waited past the node's hold days (the rule of flagUncollected).
export const isOverdue = (readyAt: Date | null, holdDays: number, now: Date) =>
  !!readyAt && now.getTime() - readyAt.getTime() > holdDays * DAY_MS;

function searchWhere(q: string): Prisma.ShipmentWhereInput[] {
  const or: Prisma.ShipmentWhereInput[] = [
    { waybillNo: q.toUpperCase() },
    { carrierWaybillNo: q },
    { shelfSlot: q.toUpperCase() },
    { recipientName: { contains: likeText(q) } },
  ];
  if (/^\d{6}$/.test(q)) or.push({ pickupCode: q });
  if (/^\d{4}$/.test(q)) or.push({ recipientPhone: { endsWith: q } });
  return or;
}

export async function listShelf(db: Db, { node, now, ...input }: { node: ShelfNode; now: Date } & TShelfList) {
  const q = input.q?.trim();
  const rows = await db.shipment.findMany({
    where: { currentNodeId: node.id, status: "AWAITING_PICKUP", ...(q ? { OR: searchWhere(q) } : {}) },
    select: SELECT,
    orderBy: [{ shelfSlot: "asc" }, { readyForPickupAt: "asc" }],
    take: 500,
  });
  const parcels = rows
    .map((r) => ({
      waybillNo: r.waybillNo,
      carrierWaybillNo: r.carrierWaybillNo,
      slot: r.shelfSlot,
      recipientName: r.recipientName,
      recipientPhone: maskPhone(r.recipientPhone),
      personKey: personKey(node.id, r.recipientPhone),
      readyAt: r.readyForPickupAt?.toISOString() ?? null,
      ageDays: r.readyForPickupAt ? Math.floor((now.getTime() - r.readyForPickupAt.getTime()) / DAY_MS) : null,
      overdue: isOverdue(r.readyForPickupAt, node.pickupHoldDays, now),
      returnFlaggedAt: r.returnFlaggedAt?.toISOString() ?? null,
      light: r.light,
    }))
    .filter((p) => !input.overdueOnly || p.overdue || p.returnFlaggedAt);
  return {
    holdDays: node.pickupHoldDays,
    pickupCheck: pickupCheckOf(node),
    total: parcels.length,
    overdue: parcels.filter((p) => p.overdue).length,
    parcels,
  };
}
