// Listings of products on counters (issue #7): the merchant's drafts, the county's review, the
// counter's shelf and its sales, and the sales reports. Procedures only route; services do the work.
import { counterProcedure, countyProcedure, merchantProcedure, merchantWriteProcedure, roleProcedure, router } from "../trpc.ts";
import { adjustStock, createListing, updateListing } from "../services/listings/manage-listing.ts";
import { delistListing, submitListing } from "../services/listings/transitions.ts";
import { approveListing, rejectListing } from "../services/listings/review-listing.ts";
import { listCounterListings, listMerchantListings, reviewQueue } from "../services/listings/list-listings.ts";
import { recordSale } from "../services/listings/record-sale.ts";
import { uploadSales } from "../services/listings/upload-sales.ts";
import { listCounterSales, listMerchantSales } from "../services/listings/list-sales.ts";
import { salesReport } from "../services/listings/sales-report.ts";
import {
  ZAdjustStockSchema,
  ZCounterSalesSchema,
  ZCreateListingSchema,
  ZDayRangeSchema,
  ZDelistSchema,
  ZListingRefSchema,
  ZMerchantListingsSchema,
  ZMerchantSalesSchema,
  ZRecordSaleSchema,
  ZRejectSchema,
  ZUpdateListingSchema,
  ZUploadSalesSchema,
} from "../services/listings/schemas.ts";

const STOCK_KEEPERS = ["ADMIN", "MERCHANT", "COUNTER_OPERATOR"] as const;

const listingTarget = (i: unknown, o: unknown) => {
  const id = (i as { listingId?: string } | undefined)?.listingId ?? (o as { id?: string } | undefined)?.id;
  return id ? `listing:${id}` : null;
};

const salesRouter = router({
  /// One sale at the till: stock decremented atomically; the same clientRef again records nothing.
  record: counterProcedure
    .meta({ auditTarget: listingTarget })
    .input(ZRecordSaleSchema)
    .mutation(({ ctx, input }) => recordSale(ctx.db, { actor: ctx.actor, ...input, now: ctx.now() })),

  /// A CSV/XLSX sales sheet, all or nothing; `dryRun` reports every bad row without storing.
  upload: counterProcedure
    .meta({ auditTarget: (i) => `counter:${(i as { counterId?: string }).counterId ?? "?"}` })
    .input(ZUploadSalesSchema)
    .mutation(({ ctx, input }) =>
      uploadSales(ctx.db, {
        actor: ctx.actor,
        counterId: ctx.counter.id,
        countyCode: ctx.counter.countyCode,
        fileName: input.fileName,
        data: Buffer.from(input.contentBase64, "base64"),
        dryRun: input.dryRun,
        now: ctx.now(),
      }),
    ),

  /// A counter's sales over Asia/Shanghai days.
  list: counterProcedure
    .input(ZCounterSalesSchema)
    .query(({ ctx, input }) => listCounterSales(ctx.db, { ...input, counterId: ctx.counter.id })),

  /// A merchant's sales on every counter (or one), over Asia/Shanghai days.
  merchantList: merchantProcedure
    .input(ZMerchantSalesSchema)
    .query(({ ctx, input }) => listMerchantSales(ctx.db, { ...input, merchantId: ctx.merchant.id })),
});

const reportsRouter = router({
  /// The county's counter sales: by counter, venue type, product, origin village, and poor villages' income.
  sales: countyProcedure
    .input(ZDayRangeSchema)
    .query(({ ctx, input }) => salesReport(ctx.db, { scope: { countyCode: input.countyCode }, range: input })),

  /// The same figures for one merchant's own sales.
  merchantSales: merchantProcedure
    .input(ZDayRangeSchema)
    .query(({ ctx, input }) => salesReport(ctx.db, { scope: { merchantId: ctx.merchant.id }, range: input })),
});

export const listingsRouter = router({
  /// A DRAFT listing of the merchant's own product on a counter of its county.
  create: merchantWriteProcedure
    .meta({ auditTarget: listingTarget })
    .input(ZCreateListingSchema)
    .mutation(({ ctx, input }) => createListing(ctx.db, { ...input, merchant: ctx.merchant })),

  /// Price and minimum stock (not stock: see adjustStock).
  update: merchantWriteProcedure
    .meta({ auditTarget: listingTarget })
    .input(ZUpdateListingSchema)
    .mutation(({ ctx, input }) => updateListing(ctx.db, { ...input, merchantId: ctx.merchant.id })),

  /// Stock in or out with a reason (kept in the audit log): the merchant or the counter's operators.
  adjustStock: roleProcedure(...STOCK_KEEPERS)
    .meta({ auditTarget: listingTarget })
    .input(ZAdjustStockSchema)
    .mutation(({ ctx, input }) => adjustStock(ctx.db, { actor: ctx.actor, ...input })),

  /// DRAFT or REJECTED → PENDING_REVIEW.
  submit: merchantWriteProcedure
    .meta({ auditTarget: listingTarget })
    .input(ZListingRefSchema)
    .mutation(({ ctx, input }) =>
      submitListing(ctx.db, { actor: ctx.actor, merchantId: ctx.merchant.id, listingId: input.listingId, now: ctx.now() }),
    ),

  /// ACTIVE → DELISTED, by the merchant or the county's manager (the reason stays in the audit log).
  delist: merchantProcedure
    .meta({ auditTarget: listingTarget })
    .input(ZDelistSchema)
    .mutation(({ ctx, input }) => delistListing(ctx.db, { merchantId: ctx.merchant.id, listingId: input.listingId, now: ctx.now() })),

  /// PENDING_REVIEW → ACTIVE when recognition and certifications are valid; never one's own merchant.
  approve: countyProcedure
    .meta({ auditTarget: listingTarget })
    .input(ZListingRefSchema)
    .mutation(({ ctx, input }) => approveListing(ctx.db, { actor: ctx.actor, ...input, now: ctx.now() })),

  /// PENDING_REVIEW → REJECTED with a reason the merchant sees.
  reject: countyProcedure
    .meta({ auditTarget: listingTarget })
    .input(ZRejectSchema)
    .mutation(({ ctx, input }) => rejectListing(ctx.db, { actor: ctx.actor, ...input, now: ctx.now() })),

  /// The merchant's own listings, optionally one counter's or one status.
  list: merchantProcedure
    .input(ZMerchantListingsSchema)
    .query(({ ctx, input }) => listMerchantListings(ctx.db, { ...input, merchantId: ctx.merchant.id })),

  /// A counter's live shelf: stock, minimum, belowMin and the restock suggestion.
  forCounter: counterProcedure.query(({ ctx }) => listCounterListings(ctx.db, ctx.counter.id)),

  /// Pending listings (oldest first) with recognition and certification validity, and flagged live ones.
  reviewQueue: countyProcedure.query(({ ctx, input }) => reviewQueue(ctx.db, { countyCode: input.countyCode, now: ctx.now() })),

  sales: salesRouter,
  reports: reportsRouter,
});
