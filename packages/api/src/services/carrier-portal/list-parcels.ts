// The carrier portal's parcel list: the organisation's parcels in the county, filtered, newest first, in keyset pages,
// with the recipient masked.
import { z } from "zod";
import type { Db, Prisma } from "@xiangda/db";
import { DIRECTIONS, LIGHTS, SHIPMENT_STATUSES } from "@xiangda/domain";
import { parcelFilterWhere, parcelPage } from "../shipments/list-shipments.ts";
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
    AND: [clientShipments(client), parcelFilterWhere(input)],
  };
  const { items, nextCursor } = await parcelPage(db, { where, limit: input.limit, cursor: input.cursor });
  return {
    items: items.map(({ currentNodeId: _c, destNodeId: _d, ...r }) => r),
    nextCursor,
  };
}
