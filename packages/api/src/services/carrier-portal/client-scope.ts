// What an organisation (API client) sees of the county: a carrier its own parcels there, a platform the parcels it
// pre-advised. Every carrier-portal read starts from these filters, never from an id the caller sent alone.
import type { ApiClient, Prisma } from "@xiangda/db";

/// The organisation a portal call is about (carrierProcedure's `ctx.client`).
export type TPortalClient = Pick<ApiClient, "id" | "countyCode" | "kind" | "carrierId">;

// A carrier client without a carrier (never written so) matches nothing rather than every carrier-less parcel.
export const NONE = "00000000-0000-0000-0000-000000000000";

export function clientShipments(client: TPortalClient): Prisma.ShipmentWhereInput {
  if (client.kind === "PLATFORM") return { clientId: client.id };
  return { countyCode: client.countyCode, carrierId: client.carrierId ?? NONE };
}

/// The same scope over the event feed (its rows carry the parcel's county, carrier and client).
export function clientEvents(client: TPortalClient): Prisma.ApiEventWhereInput {
  if (client.kind === "PLATFORM") return { clientId: client.id };
  return { countyCode: client.countyCode, carrierId: client.carrierId ?? NONE };
}
