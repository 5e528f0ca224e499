// Inputs of the listings procedures (the procedure kind adds merchantId / counterId / countyCode).
import { z } from "zod";
import { base64Chars, uploadSchema } from "../imports/upload.ts";

export const MAX_PRICE_FEN = 10_000_000;
export const MAX_STOCK = 1_000_000;
export const MAX_SALE_QUANTITY = 100_000;
/// How far back a sale may be recorded, and how far ahead of the server clock (a till's clock drifts).
export const SALE_MAX_AGE_DAYS = 90;
export const SALE_MAX_FUTURE_MS = 5 * 60_000;

const id = (what: string) => z.string().uuid(`must be a ${what} id`);
const ZPriceFenSchema = z
  .number("must be a number of fen")
  .int("must be whole fen")
  .positive("must be positive")
  .max(MAX_PRICE_FEN, `must be at most ${MAX_PRICE_FEN} fen`);
const ZStockSchema = z.number().int("must be a whole number").min(0, "must not be negative").max(MAX_STOCK, `must be at most ${MAX_STOCK}`);
const ZDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "NOT_A_REAL_DATE");

export const LISTING_STATUSES = ["DRAFT", "PENDING_REVIEW", "ACTIVE", "REJECTED", "DELISTED"] as const;

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

export const ZMerchantListingsSchema = z.object({ counterId: id("counter").optional(), status: z.enum(LISTING_STATUSES).optional() });

/// Asia/Shanghai calendar days, both inclusive, at most about a year.
const days = (r: unknown) => r as { from: string; to: string };
function dayRange<T extends z.ZodRawShape>(extra: T) {
  return z
    .object({ from: ZDaySchema, to: ZDaySchema, ...extra })
    .refine((r) => days(r).from <= days(r).to, { message: "FROM_AFTER_TO", path: ["from"] })
    .refine((r) => Date.parse(days(r).to) - Date.parse(days(r).from) <= 366 * 86_400_000, { message: "AT_MOST_DAYS", path: ["to"], params: { days: 366 } });
}
export const ZDayRangeSchema = dayRange({});
export type TDayRange = z.infer<typeof ZDayRangeSchema>;

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

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const ZUploadSalesSchema = uploadSchema({
  maxChars: base64Chars(MAX_UPLOAD_BYTES),
  messages: { required: "required", empty: "the file is empty", tooBig: "the file is larger than 5 MB" },
  notBase64: "not base64",
}).extend({ dryRun: z.boolean().default(false) });

const limit = z.number().int().min(1).max(1000).default(200);
export const ZCounterSalesSchema = dayRange({ limit });
export const ZMerchantSalesSchema = dayRange({ limit, counterId: id("counter").optional() });
