// Inputs of the shelf tools (待取件, 批量出库, pickup notices, 盘库). Every write carries the client's id (idempotent).
import { z } from "zod";

const clientId = z.string().uuid("must be a UUID");
const code = z.string().trim().min(1, "required").max(64, "at most 64 characters");
export const SLOT_PATTERN = /^[A-Z]-\d{2}-\d{2}$/;
const slot = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(SLOT_PATTERN, "a shelf slot like A-03-12"));

export const ZShelfListSchema = z.object({
  /// Pickup code (6 digits), the phone's last four, the recipient's name, or a waybill number (ours or the carrier's).
  q: z.string().trim().max(64, "at most 64 characters").optional(),
  overdueOnly: z.boolean().optional(),
});
export type TShelfList = z.infer<typeof ZShelfListSchema>;

export const ZHandOutSchema = z.object({
  clientId,
  waybillNos: z.array(code).min(1, "at least one parcel").max(50, "at most 50 parcels"),
  /// How the person proved who they are, once for all their parcels.
  verify: z.union([
    z.object({ pickupCode: z.string().regex(/^\d{6}$/, "6 digits") }).strict(),
    z.object({ phoneLast4: z.string().regex(/^\d{4}$/, "4 digits") }).strict(),
    /// The staff checked the person's ID (only where the node's pickup check allows it).
    z.object({ idChecked: z.literal(true) }).strict(),
  ]),
});
export type THandOut = z.infer<typeof ZHandOutSchema>;

export const ZResendNoticeSchema = z.object({ clientId, waybillNo: code });
export type TResendNotice = z.infer<typeof ZResendNoticeSchema>;

export const ZStocktakeStartSchema = z.object({ clientId });
export const ZStocktakeRefSchema = z.object({ stocktakeId: z.string().uuid("must be a stocktake id") });

export const ZStocktakeScanSchema = z.object({
  stocktakeId: z.string().uuid("must be a stocktake id"),
  clientId,
  slot,
  code,
});
export type TStocktakeScan = z.infer<typeof ZStocktakeScanSchema>;

export const STOCKTAKE_FIX_KINDS = ["MOVE", "MISSING", "EXTRA"] as const;
export const ZStocktakeFixSchema = z.object({
  stocktakeId: z.string().uuid("must be a stocktake id"),
  clientId,
  /// MOVE: the parcel's slot becomes the one it was scanned on; MISSING: reported as an exception (not found on the
  /// shelf); EXTRA: a scanned code that is not on this shelf, acknowledged.
  kind: z.enum(STOCKTAKE_FIX_KINDS),
  code,
});
export type TStocktakeFix = z.infer<typeof ZStocktakeFixSchema>;
