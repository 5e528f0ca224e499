// Drafts of the merchant's listing and batch forms (what the text boxes hold) → the inputs of listings.create,
// listings.update, listings.adjustStock, listings.delist and catalog.batches.create. The server checks the rest
// (services/listings/schemas.ts is not shared with the web app); these give the messages of the form.
import { z } from "zod";
import { issueKey } from "../form/index.ts";
import { parseCount, parseYuan } from "../../lib/numbers.ts";

/** The counter choice "another counter, by its id". */
export const OTHER_COUNTER = "__other__";

const REQUIRED = "form.required";
const WHOLE_NUMBER = "form.wholeNumber";
const PRICE_FORMAT = issueKey("counters", "listings.priceFormat");
const COUNTER_ID_FORMAT = issueKey("counters", "listings.counterIdFormat");
const DELTA_FORMAT = issueKey("counters", "listings.deltaFormat");
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Text that must not be blank → trimmed. */
export const requiredText = () =>
  z
    .string()
    .refine((s) => s.trim() !== "", REQUIRED)
    .transform((s) => s.trim());

/** Yuan typed in a box ("12.50", "¥12.5") → fen, more than 0; empty shows `ifEmpty`. */
export const yuanText = (ifEmpty: string) =>
  z.string().transform((text, ctx) => {
    const fen = parseYuan(text);
    if (typeof fen === "number" && fen > 0) return fen;
    ctx.addIssue({ code: "custom", message: fen === null ? ifEmpty : PRICE_FORMAT });
    return z.NEVER;
  });

/** A count typed in a box (at most nine digits); empty shows `ifEmpty`. */
export const countText = (ifEmpty: string = REQUIRED) =>
  z.string().transform((text, ctx) => {
    const n = parseCount(text);
    if (typeof n === "number") return n;
    ctx.addIssue({ code: "custom", message: n === null ? ifEmpty : WHOLE_NUMBER });
    return z.NEVER;
  });

/** A count typed in a box; empty is 0. */
export const countOrZero = () =>
  z
    .string()
    .transform((text) => (text.trim() ? text : "0"))
    .pipe(countText());

const text = z.string();
export const ZListingDraftSchema = z.object({
  productId: z.string().refine((s) => s !== "", REQUIRED),
  /** A counter of the list, or OTHER_COUNTER for the one typed in counterIdText. */
  counterId: text,
  counterIdText: text,
  priceFen: yuanText(REQUIRED),
  stock: countOrZero(),
  minStock: countOrZero(),
});
export type TListingDraft = z.input<typeof ZListingDraftSchema>;

/** Whether the counter's id (picked, or typed and checked as an id) is wrong, and under which box. Checked also when
 * other fields are wrong, so that every issue shows at once. */
function counterIssue({ counterId, counterIdText }: { counterId: string; counterIdText: string }) {
  const typed = counterId === OTHER_COUNTER;
  const id = typed ? counterIdText.trim() : counterId;
  if (id && UUID.test(id)) return null;
  return { path: typed ? "counterIdText" : "counterId", message: id ? COUNTER_ID_FORMAT : REQUIRED };
}

/** The new listing's draft → listings.create's input besides the merchant. */
export const listingSchema = ZListingDraftSchema.superRefine(
  (d, ctx) => {
    const issue = counterIssue(d);
    if (issue) ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
  },
  { when: () => true },
).transform(({ counterIdText, ...d }) => ({ ...d, counterId: d.counterId === OTHER_COUNTER ? counterIdText.trim() : d.counterId }));

export function listingDraftOf(counterCount: number): TListingDraft {
  return { productId: "", counterId: counterCount === 0 ? OTHER_COUNTER : "", counterIdText: "", priceFen: "", stock: "", minStock: "" };
}

export const ZPriceDraftSchema = z.object({ priceFen: yuanText(PRICE_FORMAT), minStock: countText(WHOLE_NUMBER) });

export const ZStockDraftSchema = z.object({
  delta: z.string().transform((t, ctx) => {
    const s = t.trim();
    if (/^[+-]?\d{1,7}$/.test(s) && Number(s) !== 0) return Number(s);
    ctx.addIssue({ code: "custom", message: DELTA_FORMAT });
    return z.NEVER;
  }),
  reason: requiredText(),
});

/** The reason is optional: a blank one is not sent. */
export const ZDelistDraftSchema = z
  .object({ reason: z.string() })
  .transform(({ reason }) => (reason.trim() ? { reason: reason.trim() } : {}));
