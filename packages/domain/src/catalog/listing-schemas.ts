// The inputs of listings that a form sends, shared by the API (its procedures' input) and the web app's listing,
// stock, delist, review and sale forms: the merchant's listing and its price, minimum and stock, the county's
// rejection, and a sale at the till. The procedure kind adds merchantId / counterId / countyCode.
import { z } from "zod";

export const MAX_PRICE_FEN = 10_000_000;
export const MAX_STOCK = 1_000_000;
export const MAX_SALE_QUANTITY = 100_000;

const id = (what: string) => z.string().uuid(`must be a ${what} id`);
const ZPriceFenSchema = z
  .number("must be a number of fen")
  .int("must be whole fen")
  .positive("must be positive")
  .max(MAX_PRICE_FEN, `must be at most ${MAX_PRICE_FEN} fen`);
const ZStockSchema = z.number().int("must be a whole number").min(0, "must not be negative").max(MAX_STOCK, `must be at most ${MAX_STOCK}`);

export const ZCreateListingSchema = z.object({
  productId: id("product"),
  counterId: id("counter"),
  priceFen: ZPriceFenSchema,
  stock: ZStockSchema.default(0),
  minStock: ZStockSchema.default(0),
});
export type TCreateListing = z.infer<typeof ZCreateListingSchema>;

export const ZUpdateListingSchema = z
  .object({ listingId: id("listing"), priceFen: ZPriceFenSchema.optional(), minStock: ZStockSchema.optional() })
  .refine((v) => v.priceFen !== undefined || v.minStock !== undefined, { message: "GIVE_PRICE_OR_MIN_STOCK", path: ["priceFen"] });
export type TUpdateListing = z.infer<typeof ZUpdateListingSchema>;

export const ZAdjustStockSchema = z.object({
  listingId: id("listing"),
  /// Positive: goods arrived; negative: damaged, expired, counted short.
  delta: z
    .number()
    .int("must be a whole number")
    .min(-MAX_STOCK)
    .max(MAX_STOCK)
    .refine((d) => d !== 0, "MUST_NOT_BE_ZERO"),
  reason: z.string().trim().min(1, "a reason is required").max(200, "at most 200 characters"),
});
export type TAdjustStock = z.infer<typeof ZAdjustStockSchema>;

export const ZListingRefSchema = z.object({ listingId: id("listing") });

export const ZDelistSchema = ZListingRefSchema.extend({ reason: z.string().trim().max(200, "at most 200 characters").optional() });

export const ZRejectSchema = ZListingRefSchema.extend({
  reason: z.string().trim().min(1, "a reason is required").max(500, "at most 500 characters"),
});

export const ZRecordSaleSchema = z.object({
  listingId: id("listing"),
  quantity: z.number().int("must be a whole number").positive("must be positive").max(MAX_SALE_QUANTITY, `at most ${MAX_SALE_QUANTITY}`),
  soldAt: z.string().datetime({ offset: true, message: "must be an ISO date-time with offset" }),
  unitPriceFen: ZPriceFenSchema.optional(),
  /// Chosen by the till or app once per sale; a retry with the same ref records nothing new.
  clientRef: z.string().trim().min(1, "required").max(100, "at most 100 characters"),
  batchId: id("batch").optional(),
});
export type TRecordSale = z.infer<typeof ZRecordSaleSchema>;
