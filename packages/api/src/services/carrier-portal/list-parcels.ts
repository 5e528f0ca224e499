// The carrier portal's parcel list: the organisation's parcels in the county, filtered, newest first, in keyset pages,
// with the recipient masked.
import { z } from "zod";
import type { Db, Prisma } from "@xiangda/db";
import { DIRECTIONS, LIGHTS, SHIPMENT_STATUSES, maskName, maskPhone } from "@xiangda/domain";
import { likeText } from "../like.ts";
import { clientShipments, type TPortalClient } from "./client-scope.ts";

export const ZCarrierParcelFilterSchema = z.object({
  status: z.enum(SHIPMENT_STATUSES).optional(),
  light: z.enum(LIGHTS).optional(),
  direction: z.enum(DIRECTIONS).optional(),
  /// Our waybill number or the carrier's, or part of either.
  q: z.string().trim().max(40).optional(),
  cursor: z.string().uuid().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type TCarrierParcelFilter = z.infer<typeof ZCarrierParcelFilterSchema>;

export async function listCarrierParcels(db: Db, { client, ...input }: { client: TPortalClient } & TCarrierParcelFilter) {
  const where: Prisma.ShipmentWhereInput = {
    AND: [
      clientShipments(client),
      {
        ...(input.status ? { status: input.status } : {}),
        ...(input.light ? { light: input.light } : {}),
        ...(input.direction ? { direction: input.direction } : {}),
        ...(input.q
          ? { OR: [{ waybillNo: { contains: likeText(input.q.toUpperCase()) } }, { carrierWaybillNo: { contains: likeText(input.q) } }] }
          : {}),
      },
    ],
  };
  const rows = await db.shipment.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      waybillNo: true,
      carrierWaybillNo: true,
      direction: true,
      status: true,
      light: true,
      promisedAt: true,
      recipientName: true,
      recipientPhone: true,
      currentNodeId: true,
      destNodeId: true,
      lastScanAt: true,
      createdAt: true,
    },
  });
  const page = rows.slice(0, input.limit);
  const ids = [...new Set(page.flatMap((r) => [r.currentNodeId, r.destNodeId]).filter((x): x is string => !!x))];
  const names = new Map(
    (await db.node.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((n) => [n.id, n.name]),
  );
  return {
    items: page.map(({ currentNodeId, destNodeId, ...r }) => ({
      ...r,
      recipientName: maskName(r.recipientName),
      recipientPhone: maskPhone(r.recipientPhone),
      currentNode: currentNodeId ? (names.get(currentNodeId) ?? null) : null,
      destination: destNodeId ? (names.get(destNodeId) ?? null) : null,
      promisedAt: r.promisedAt?.toISOString() ?? null,
      lastScanAt: r.lastScanAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
    })),
    nextCursor: rows.length > input.limit ? page[page.length - 1]!.id : null,
  };
}
