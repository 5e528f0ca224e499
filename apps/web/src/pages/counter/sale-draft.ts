// The sale form's draft (text as typed) and its schema to what a sale sends: a listing, a whole quantity above 0, a
// unit price in yuan (blank: the listing's), and the time (now, or a Shanghai wall-clock time). The draft's own checks
// give the form's messages; the result is then checked by the shared ZRecordSaleSchema of @xiangda/domain (the largest
// quantity), the price's maximum by yuanIssue. The counter and the sale's clientRef are the page's, added when sent.
import { ZRecordSaleSchema } from "@xiangda/domain";
import { z } from "zod";
import { yuanIssue } from "../../components/counters/listing-drafts.ts";
import { issueKey } from "../../components/form/index.ts";
import { parseCount, parseYuan } from "../../lib/numbers.ts";
import { wallClockToIso } from "../../lib/time.ts";

/** What the sale form sends of a sale, as the API checks it. */
const ZSaleLineSchema = ZRecordSaleSchema.pick({ listingId: true, quantity: true, soldAt: true, unitPriceFen: true });

export const ZSaleDraftSchema = z
  .object({ listingId: z.string(), quantity: z.string(), unitPriceFen: z.string(), useNow: z.boolean(), soldAt: z.string() })
  .transform((d, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    const quantity = parseCount(d.quantity);
    const unitPriceFen = d.unitPriceFen.trim() ? parseYuan(d.unitPriceFen) : null;
    const priceIssue = unitPriceFen === null ? null : yuanIssue(unitPriceFen);
    const soldAt = d.useNow ? new Date().toISOString() : wallClockToIso(d.soldAt);
    if (!d.listingId) issue("listingId", "form.required");
    if (quantity === null) issue("quantity", "form.required");
    else if (quantity === "invalid" || quantity === 0) issue("quantity", issueKey("counter", "sell.quantityFormat"));
    if (priceIssue) ctx.addIssue({ code: "custom", path: ["unitPriceFen"], ...priceIssue });
    if (!soldAt) issue("soldAt", "form.required");
    if (!d.listingId || typeof quantity !== "number" || quantity === 0 || priceIssue || !soldAt) return z.NEVER;
    return { listingId: d.listingId, quantity, soldAt, ...(typeof unitPriceFen === "number" ? { unitPriceFen } : {}) };
  })
  .pipe(ZSaleLineSchema);
export type TSaleDraft = z.input<typeof ZSaleDraftSchema>;
export type TSaleLine = z.output<typeof ZSaleDraftSchema>;
