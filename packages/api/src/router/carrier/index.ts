// The carrier portal (issue #19): an organisation's own parcels in its county, their events, the loads and vehicles
// they travelled on, a daily summary, its API keys and webhooks. carrierProcedure admits the organisation's own users
// (and its county's manager, ADMIN) and hands the procedure the organisation: every read is scoped by it, never by the
// input alone.
import {
  getCarrierDailySummary,
  getCarrierParcel,
  getPortalClient,
  listCarrierLoads,
  listCarrierParcels,
  ZCarrierDaySchema,
  ZCarrierParcelFilterSchema,
  ZCarrierParcelSchema,
} from "../../services/carrier-portal/index.ts";
import { carrierProcedure, router } from "../../trpc.ts";
import { carrierKeysRouter } from "./api-keys.ts";
import { carrierWebhooksRouter } from "./webhooks.ts";

export const carrierRouter = router({
  client: carrierProcedure.query(({ ctx }) => getPortalClient(ctx.db, { client: ctx.client })),
  parcels: carrierProcedure
    .input(ZCarrierParcelFilterSchema)
    .query(({ ctx, input }) => listCarrierParcels(ctx.db, { ...input, client: ctx.client })),
  parcel: carrierProcedure
    .input(ZCarrierParcelSchema)
    .query(({ ctx, input }) => getCarrierParcel(ctx.db, { client: ctx.client, waybillNo: input.waybillNo })),
  loads: carrierProcedure
    .input(ZCarrierDaySchema)
    .query(({ ctx, input }) => listCarrierLoads(ctx.db, { client: ctx.client, day: input.day })),
  summary: carrierProcedure
    .input(ZCarrierDaySchema)
    .query(({ ctx, input }) => getCarrierDailySummary(ctx.db, { client: ctx.client, day: input.day })),
  webhooks: carrierWebhooksRouter,
  keys: carrierKeysRouter,
});
