// The product form's draft (text as typed) and its zod schema to the API's upsert input; checks only what the form
// can know (numbers, required fields: messages are keys of the default namespace, as the form kit translates them),
// the server checks the rest and answers per field.
import { parseCount } from "../../lib/numbers.ts";
import { CERTIFICATION_KINDS, PRODUCT_CATEGORIES, PRODUCT_TEMPS } from "@xiangda/domain";
import { z } from "zod";
import type { TCertKind, TProduct, TProductInput } from "./counters-api.ts";

/** Trimmed text that must not be blank. */
const requiredText = () =>
  z.string().transform((text, ctx) => {
    const s = text.trim();
    if (s) return s;
    ctx.addIssue({ code: "custom", message: "form.required" });
    return z.NEVER;
  });

/** A whole number typed in a box (up to 9 digits). */
const countText = () =>
  z.string().transform((text, ctx) => {
    const n = parseCount(text);
    if (typeof n === "number") return n;
    ctx.addIssue({ code: "custom", message: n === null ? "form.required" : "form.wholeNumber" });
    return z.NEVER;
  });

// Blank optional text is sent as null: it clears what was stored.
const optionalText = z.string().transform((s) => s.trim() || null);

const ZCertDraftSchema = z.object({
  kind: z.enum(CERTIFICATION_KINDS),
  number: requiredText(),
  validUntil: z.string().refine((s) => s !== "", "form.required"),
});

const ZProductDraftSchema = z.object({
  name: requiredText(),
  category: z.enum(PRODUCT_CATEGORIES),
  unit: requiredText(),
  spec: optionalText,
  unitWeightG: countText(),
  temp: z.enum(PRODUCT_TEMPS),
  shelfLifeDays: countText(),
  regionalBrand: optionalText,
  description: optionalText,
  certifications: z.array(ZCertDraftSchema),
});

export type TProductDraft = z.input<typeof ZProductDraftSchema>;
export type TCertDraft = TProductDraft["certifications"][number];

/** Draft → the upsert input of `merchantId`'s product (`id` when it exists). */
export function productSchema(merchantId: string, id: string | undefined): z.ZodType<TProductInput, TProductDraft> {
  return ZProductDraftSchema.transform((d) => ({ merchantId, ...(id ? { id } : {}), ...d }));
}

export function productDraftOf(p: TProduct | null): TProductDraft {
  return {
    name: p?.name ?? "",
    category: p?.category ?? "FRUIT",
    unit: p?.unit ?? "",
    spec: p?.spec ?? "",
    unitWeightG: p ? String(p.unitWeightG) : "",
    temp: p?.temp ?? "AMBIENT",
    shelfLifeDays: p ? String(p.shelfLifeDays) : "",
    regionalBrand: p?.regionalBrand ?? "",
    description: p?.description ?? "",
    certifications: (p?.certifications ?? []).map((c) => ({ kind: c.kind, number: c.number, validUntil: c.validUntil })),
  };
}

/** The next certification kind not yet in the list, or null when all three are there. */
export function nextCertKind(certs: readonly Pick<TCertDraft, "kind">[]): TCertKind | null {
  return CERTIFICATION_KINDS.find((k) => !certs.some((c) => c.kind === k)) ?? null;
}
