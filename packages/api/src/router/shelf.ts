// Shelf tools of a pickup node (see services/shelf): 待取件 list and search, 批量出库, pickup notices again, 盘库.
// Every procedure is a stationProcedure: the node's own staff, its county's manager, or ADMIN.
import { handOut } from "../services/shelf/hand-out.ts";
import { listShelf } from "../services/shelf/list-shelf.ts";
import { resendPickupNotice } from "../services/shelf/resend-notice.ts";
import {
  ZHandOutSchema,
  ZResendNoticeSchema,
  ZShelfListSchema,
  ZStocktakeFixSchema,
  ZStocktakeRefSchema,
  ZStocktakeScanSchema,
  ZStocktakeStartSchema,
} from "../services/shelf/schemas.ts";
import { closeStocktake, currentStocktake, scanStocktake, startStocktake } from "../services/shelf/stocktake.ts";
import { fixStocktake } from "../services/shelf/stocktake-fix.ts";
import { loadFindings } from "../services/shelf/stocktake-report.ts";
import { router, stationProcedure } from "../trpc.ts";

const target = (prefix: string, key: string) => (i: Record<string, unknown>) => `${prefix}:${typeof i[key] === "string" ? i[key] : "?"}`;

export const shelfRouter = router({
  /// Parcels waiting for pickup here, by slot, with age and overdue flag; `q` searches.
  list: stationProcedure.input(ZShelfListSchema).query(({ ctx, input }) => listShelf(ctx.db, { node: ctx.node, now: ctx.now(), ...input })),

  /// One person's parcels handed out at once (PICKUP scans), verified once.
  handOut: stationProcedure
    .meta({ auditTarget: target("handOut", "clientId") })
    .input(ZHandOutSchema)
    .mutation(({ ctx, input }) => handOut(ctx.db, { actor: ctx.actor, node: ctx.node, now: ctx.now(), ...input })),

  /// The pickup notice sent again (at most once in 10 minutes per parcel).
  resendNotice: stationProcedure
    .meta({ auditTarget: target("waybill", "waybillNo") })
    .input(ZResendNoticeSchema)
    .mutation(({ ctx, input }) => resendPickupNotice(ctx.db, { actorId: ctx.actor.userId, node: ctx.node, now: ctx.now(), ...input })),

  /// The node's open stocktake, or else its latest (null if none).
  stocktakeCurrent: stationProcedure.query(({ ctx }) => currentStocktake(ctx.db, ctx.node)),

  stocktakeStart: stationProcedure
    .meta({ auditTarget: target("stocktake", "clientId") })
    .input(ZStocktakeStartSchema)
    .mutation(({ ctx, input }) => startStocktake(ctx.db, { actor: ctx.actor, node: ctx.node, clientId: input.clientId, now: ctx.now() })),

  stocktakeScan: stationProcedure
    .meta({ auditTarget: target("stocktake", "stocktakeId") })
    .input(ZStocktakeScanSchema)
    .mutation(({ ctx, input }) => scanStocktake(ctx.db, { actor: ctx.actor, node: ctx.node, now: ctx.now(), ...input })),

  stocktakeReport: stationProcedure
    .input(ZStocktakeRefSchema)
    .query(({ ctx, input }) => loadFindings(ctx.db, { node: ctx.node, stocktakeId: input.stocktakeId })),

  stocktakeFix: stationProcedure
    .meta({ auditTarget: target("stocktake", "stocktakeId") })
    .input(ZStocktakeFixSchema)
    .mutation(({ ctx, input }) => fixStocktake(ctx.db, { actor: ctx.actor, node: ctx.node, now: ctx.now(), ...input })),

  stocktakeClose: stationProcedure
    .meta({ auditTarget: target("stocktake", "stocktakeId") })
    .input(ZStocktakeRefSchema)
    .mutation(({ ctx, input }) =>
      closeStocktake(ctx.db, { actor: ctx.actor, node: ctx.node, stocktakeId: input.stocktakeId, now: ctx.now() }),
    ),
});
