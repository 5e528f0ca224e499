// The sale form's draft (text as typed) and its schema to what a sale sends: a listing, a whole quantity above 0, a
// unit price in yuan (blank: the listing's), and the time (now, or a Shanghai wall-clock time). The counter and the
// sale's clientRef are the page's, added when it is sent.
import { z } from "zod";
import { issueKey } from "../../components/form/index.ts";
import { parseCount, parseYuan } from "../../lib/numbers.ts";
import { wallClockToIso } from "../../lib/time.ts";

export const ZSaleDraftSchema = z
  .object({ listingId: z.string(), quantity: z.string(), unitPriceFen: z.string(), useNow: z.boolean(), soldAt: z.string() })
  .transform((d, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    const quantity = parseCount(d.quantity);
    const unitPriceFen = d.unitPriceFen.trim() ? parseYuan(d.unitPriceFen) : null;
    const soldAt = d.useNow ? new Date().toISOString() : wallClockToIso(d.soldAt);
    if (!d.listingId) issue("listingId", "form.required");
    if (quantity === null) issue("quantity", "form.required");
    else if (quantity === "invalid" || quantity === 0) issue("quantity", issueKey("counters", "sell.quantityFormat"));
    if (unitPriceFen === "invalid" || unitPriceFen === 0) issue("unitPriceFen", issueKey("counters", "listings.priceFormat"));
    if (!soldAt) issue("soldAt", "form.required");
    if (!d.listingId || typeof quantity !== "number" || quantity === 0 || unitPriceFen === "invalid" || unitPriceFen === 0 || !soldAt)
      return z.NEVER;
    return { listingId: d.listingId, quantity, soldAt, ...(unitPriceFen ? { unitPriceFen } : {}) };
  });
export type TSaleDraft = z.input<typeof ZSaleDraftSchema>;
export type TSaleLine = z.output<typeof ZSaleDraftSchema>;
