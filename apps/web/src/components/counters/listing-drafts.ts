// Drafts of the merchant's listing and batch forms (what the text boxes hold) → the inputs of listings.create,
// listings.update, listings.adjustStock, listings.delist and catalog.batches.create. A value typed as text is read here
// with the form's own message (yuan → fen, counts, a stock change); then its field of the shared input schema of
// @xiangda/domain (ZCreateListingSchema, ZUpdateListingSchema, ZAdjustStockSchema, ZDelistSchema) checks it, so a limit
// (the largest stock, a reason's length) is written once and the kit shows zod's own checks in the user's language.
// A price's maximum is the shared MAX_PRICE_FEN, said in yuan (yuanIssue).
import { MAX_PRICE_FEN, ZAdjustStockSchema, ZCreateListingSchema, ZDelistSchema, ZUpdateListingSchema } from "@xiangda/domain";
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

/** Text that must not be blank → trimmed. */
export const requiredText = () =>
  z
    .string()
    .refine((s) => s.trim() !== "", REQUIRED)
    .transform((s) => s.trim());

/** What is wrong with a price typed in yuan and read as fen (parseYuan), as a custom issue's message: not an amount or
 *  not above 0, the form's message; above the shared maximum, the catalog's "at most … yuan". Null: it may be sent. */
export function yuanIssue(fen: number | "invalid"): { message: string; params?: { max: number } } | null {
  if (fen === "invalid" || fen <= 0) return { message: PRICE_FORMAT };
  if (fen > MAX_PRICE_FEN) return { message: "AT_MOST_YUAN", params: { max: MAX_PRICE_FEN / 100 } };
  return null;
}

/** Yuan typed in a box ("12.50", "¥12.5") → fen, more than 0, at most the shared maximum; empty shows `ifEmpty`. */
export const yuanText = (ifEmpty: string) =>
  z.string().transform((text, ctx) => {
    const fen = parseYuan(text);
    const issue = fen === null ? { message: ifEmpty } : yuanIssue(fen);
    if (!issue) return fen as number;
    ctx.addIssue({ code: "custom", ...issue });
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

/** A count of the listing (stock, minimum) as the shared schema checks it. */
const stockCount = ZCreateListingSchema.shape.stock.unwrap();

const text = z.string();
export const ZListingDraftSchema = z.object({
  productId: z.string().refine((s) => s !== "", REQUIRED),
  /** A counter of the list, or OTHER_COUNTER for the one typed in counterIdText. */
  counterId: text,
  counterIdText: text,
  priceFen: yuanText(REQUIRED),
  stock: countOrZero().pipe(stockCount),
  minStock: countOrZero().pipe(stockCount),
});
export type TListingDraft = z.input<typeof ZListingDraftSchema>;

/** Whether the counter's id (picked, or typed and checked as an id) is wrong, and under which box. Checked also when
 * other fields are wrong, so that every issue shows at once. */
function counterIssue({ counterId, counterIdText }: { counterId: string; counterIdText: string }) {
  const typed = counterId === OTHER_COUNTER;
  const id = typed ? counterIdText.trim() : counterId;
  if (id && ZCreateListingSchema.shape.counterId.safeParse(id).success) return null;
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

export const ZPriceDraftSchema = z.object({
  priceFen: yuanText(PRICE_FORMAT),
  minStock: countText(WHOLE_NUMBER).pipe(ZUpdateListingSchema.shape.minStock.unwrap()),
});

/** A change of stock typed with its sign ("+20", "-3"); how far and not 0 is the shared schema's. */
export const ZStockDraftSchema = z.object({
  delta: z
    .string()
    .transform((t, ctx) => {
      const s = t.trim();
      if (/^[+-]?\d+$/.test(s)) return Number(s);
      ctx.addIssue({ code: "custom", message: DELTA_FORMAT });
      return z.NEVER;
    })
    .pipe(ZAdjustStockSchema.shape.delta),
  reason: requiredText().pipe(ZAdjustStockSchema.shape.reason),
});

/** The reason is optional: a blank one is not sent. */
export const ZDelistDraftSchema = z
  .object({ reason: ZDelistSchema.shape.reason.unwrap() })
  .transform(({ reason }) => (reason ? { reason } : {}));
