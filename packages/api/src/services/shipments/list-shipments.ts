// Shipment lists for the county: filters, keyset pagination, and the overdue (RED) board.
import { z } from "zod";
import type { Db, Prisma } from "@xiangda/db";
import { maskName, maskPhone, type TDirection, type TLight, type TShipmentStatus } from "@xiangda/domain";
import { likeText } from "../like.ts";

export const ZShipmentFilterSchema = z.object({
  status: z
    .enum(["CREATED", "ACCEPTED", "AT_NODE", "IN_TRANSIT", "AWAITING_PICKUP", "DELIVERED", "RETURNED", "EXCEPTION", "CANCELLED", "LOST"])
    .optional(),
  light: z.enum(["GREEN", "YELLOW", "RED"]).optional(),
  direction: z.enum(["DOWN", "UP"]).optional(),
  carrierCode: z.string().max(20).optional(),
  nodeCode: z.string().max(40).optional(),
  q: z.string().trim().max(40).optional(),
  cursor: z.string().uuid().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export async function listShipments(db: Db, input: z.infer<typeof ZShipmentFilterSchema> & { countyCode: string }) {
  const node = input.nodeCode
    ? await db.node.findUnique({ where: { countyCode_code: { countyCode: input.countyCode, code: input.nodeCode } } })
    : null;
  const carrier = input.carrierCode ? await db.carrier.findUnique({ where: { code: input.carrierCode } }) : null;
  const where: Prisma.ShipmentWhereInput = {
    countyCode: input.countyCode,
    ...parcelFilterWhere(input),
    ...(input.carrierCode ? { carrierId: carrier?.id ?? "00000000-0000-0000-0000-000000000000" } : {}),
    ...(input.nodeCode ? { currentNodeId: node?.id ?? "00000000-0000-0000-0000-000000000000" } : {}),
  };
  return parcelPage(db, { where, limit: input.limit, cursor: input.cursor });
}

/// What a parcel list shows of each parcel.
const LISTED = {
  id: true,
  waybillNo: true,
  carrierWaybillNo: true,
  direction: true,
  status: true,
  light: true,
  lightReason: true,
  temp: true,
  promisedAt: true,
  recipientName: true,
  recipientPhone: true,
  currentNodeId: true,
  destNodeId: true,
  selfPickup: true,
  lastScanAt: true,
  createdAt: true,
} as const satisfies Prisma.ShipmentSelect;

/// A page of a parcel list, newest first, by keyset (`cursor`: the last id of the page before).
export async function parcelPage(
  db: Db,
  { where, limit, cursor }: { where: Prisma.ShipmentWhereInput; limit: number; cursor?: string | undefined },
) {
  const rows = await db.shipment.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    select: LISTED,
  });
  const page = rows.slice(0, limit);
  const items = (await parcelListItems(db, page)).map((r) => ({ ...r, lastScanAt: r.lastScanAt?.toISOString() ?? null }));
  return { items, nextCursor: rows.length > limit ? page[page.length - 1]!.id : null };
}

/// The filters parcel lists share: status, light, direction, part of either waybill number.
export function parcelFilterWhere(input: {
  status?: TShipmentStatus | undefined;
  light?: TLight | undefined;
  direction?: TDirection | undefined;
  q?: string | undefined;
}): Prisma.ShipmentWhereInput {
  return {
    ...(input.status ? { status: input.status } : {}),
    ...(input.light ? { light: input.light } : {}),
    ...(input.direction ? { direction: input.direction } : {}),
    ...(input.q
      ? { OR: [{ waybillNo: { contains: likeText(input.q.toUpperCase()) } }, { carrierWaybillNo: { contains: likeText(input.q) } }] }
      : {}),
  };
}

interface TListedParcel {
  currentNodeId: string | null;
  destNodeId: string | null;
  recipientName: string;
  recipientPhone: string;
  promisedAt: Date | null;
  createdAt: Date;
}

/// A page of parcels as lists show them: the recipient masked, where it is and where it goes by name, ISO times.
export async function parcelListItems<R extends TListedParcel>(db: Db, page: R[]) {
  const ids = [...new Set(page.flatMap((r) => [r.currentNodeId, r.destNodeId]).filter((x): x is string => !!x))];
  const names = new Map(
    (await db.node.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((n) => [n.id, n.name]),
  );
  return page.map((r) => ({
    ...r,
    recipientName: maskName(r.recipientName),
    recipientPhone: maskPhone(r.recipientPhone),
    currentNode: r.currentNodeId ? (names.get(r.currentNodeId) ?? null) : null,
    destination: r.destNodeId ? (names.get(r.destNodeId) ?? null) : null,
    promisedAt: r.promisedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}

/// RED shipments by responsible node: the node that holds the parcel, or that it is travelling to.
export async function listOverdue(db: Db, countyCode: string) {
  const reds = await db.shipment.findMany({
    where: { countyCode, light: "RED", status: { notIn: ["DELIVERED", "CANCELLED", "RETURNED", "LOST"] } },
    orderBy: { promisedAt: "asc" },
    take: 5000,
    select: {
      id: true,
      waybillNo: true,
      promisedAt: true,
      lightReason: true,
      routeError: true,
      currentNodeId: true,
      legs: { where: { status: "DEPARTED" }, select: { toNodeId: true }, take: 1 },
    },
  });
  const nodeIds = [...new Set(reds.map((r) => r.legs[0]?.toNodeId ?? r.currentNodeId).filter((x): x is string => !!x))];
  const nodes = new Map(
    (await db.node.findMany({ where: { id: { in: nodeIds } }, select: { id: true, code: true, name: true, contactName: true } })).map(
      (n) => [n.id, n],
    ),
  );
  const groups = new Map<
    string,
    {
      node: { code: string; name: string } | null;
      person: string | null;
      shipments: { waybillNo: string; promisedAt: string | null; reason: string | null }[];
    }
  >();
  for (const r of reds) {
    const nodeId = r.legs[0]?.toNodeId ?? r.currentNodeId ?? "none";
    const n = nodes.get(nodeId);
    const g = groups.get(nodeId) ?? { node: n ? { code: n.code, name: n.name } : null, person: n?.contactName ?? null, shipments: [] };
    g.shipments.push({ waybillNo: r.waybillNo, promisedAt: r.promisedAt?.toISOString() ?? null, reason: r.routeError ?? r.lightReason });
    groups.set(nodeId, g);
  }
  return [...groups.values()].sort((a, b) => (a.shipments[0]?.promisedAt ?? "").localeCompare(b.shipments[0]?.promisedAt ?? ""));
}
