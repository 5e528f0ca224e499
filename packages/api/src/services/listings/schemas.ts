// Inputs of the listings procedures (the procedure kind adds merchantId / counterId / countyCode). Those a form sends
// (create, update, adjust stock, delist, reject, record a sale) are @xiangda/domain's, shared with the web app.
import { z } from "zod";
import { LISTING_STATUSES } from "@xiangda/domain";
import { base64Chars, uploadSchema } from "../imports/upload.ts";

export {
  LISTING_STATUSES,
  MAX_PRICE_FEN,
  MAX_SALE_QUANTITY,
  MAX_STOCK,
  ZAdjustStockSchema,
  ZCreateListingSchema,
  ZDelistSchema,
  ZListingRefSchema,
  ZRecordSaleSchema,
  ZRejectSchema,
  ZUpdateListingSchema,
  type TAdjustStock,
  type TCreateListing,
  type TRecordSale,
  type TUpdateListing,
} from "@xiangda/domain";

/// How far back a sale may be recorded, and how far ahead of the server clock (a till's clock drifts).
export const SALE_MAX_AGE_DAYS = 90;
export const SALE_MAX_FUTURE_MS = 5 * 60_000;

const id = (what: string) => z.string().uuid(`must be a ${what} id`);
const ZDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "NOT_A_REAL_DATE");

export const ZMerchantListingsSchema = z.object({ counterId: id("counter").optional(), status: z.enum(LISTING_STATUSES).optional() });

/// Asia/Shanghai calendar days, both inclusive, at most about a year.
const days = (r: unknown) => r as { from: string; to: string };
function dayRange<T extends z.ZodRawShape>(extra: T) {
  return z
    .object({ from: ZDaySchema, to: ZDaySchema, ...extra })
    .refine((r) => days(r).from <= days(r).to, { message: "FROM_AFTER_TO", path: ["from"] })
    .refine((r) => Date.parse(days(r).to) - Date.parse(days(r).from) <= 366 * 86_400_000, {
      message: "AT_MOST_DAYS",
      path: ["to"],
      params: { days: 366 },
    });
}
export const ZDayRangeSchema = dayRange({});
export type TDayRange = z.infer<typeof ZDayRangeSchema>;

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const ZUploadSalesSchema = uploadSchema({
  maxChars: base64Chars(MAX_UPLOAD_BYTES),
  messages: { required: "required", empty: "the file is empty", tooBig: "the file is larger than 5 MB" },
  notBase64: "not base64",
}).extend({ dryRun: z.boolean().default(false) });

const limit = z.number().int().min(1).max(1000).default(200);
export const ZCounterSalesSchema = dayRange({ limit });
export const ZMerchantSalesSchema = dayRange({ limit, counterId: id("counter").optional() });
