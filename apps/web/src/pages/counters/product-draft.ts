// The product form's draft (text as typed) to and from the API's product and upsert input; checks only what the
// form can know (numbers, required fields), the server checks the rest and answers per field.
import { CERTIFICATION_KINDS } from "@xiangda/domain";
import type { TCategory, TCertKind, TProduct, TProductInput, TProductTemp } from "./counters-api.ts";
import { parseCount } from "./counters-format.ts";

export interface TCertDraft {
  /** A stable React key for the row. */
  key: string;
  kind: TCertKind;
  number: string;
  validUntil: string;
}

export interface TProductDraft {
  name: string;
  category: TCategory;
  unit: string;
  spec: string;
  unitWeightG: string;
  temp: TProductTemp;
  shelfLifeDays: string;
  regionalBrand: string;
  description: string;
  certifications: TCertDraft[];
}

let certSeq = 0;
export const certKey = (): string => `cert-${++certSeq}`;

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
    certifications: (p?.certifications ?? []).map((c) => ({ key: certKey(), kind: c.kind, number: c.number, validUntil: c.validUntil })),
  };
}

/** The next certification kind not yet in the list, or null when all three are there. */
export function nextCertKind(certs: readonly Pick<TCertDraft, "kind">[]): TCertKind | null {
  return CERTIFICATION_KINDS.find((k) => !certs.some((c) => c.kind === k)) ?? null;
}

export type TDraftErrors = Record<string, "required" | "wholeNumber">;

/** The upsert input, or the fields the form can already tell are wrong (by the API's field paths). */
export function productInputOf(
  draft: TProductDraft,
  merchantId: string,
  id: string | undefined,
): { ok: true; input: TProductInput } | { ok: false; errors: TDraftErrors } {
  const errors: TDraftErrors = {};
  const weight = parseCount(draft.unitWeightG);
  const shelf = parseCount(draft.shelfLifeDays);
  if (!draft.name.trim()) errors.name = "required";
  if (!draft.unit.trim()) errors.unit = "required";
  if (weight === null) errors.unitWeightG = "required";
  else if (weight === "invalid") errors.unitWeightG = "wholeNumber";
  if (shelf === null) errors.shelfLifeDays = "required";
  else if (shelf === "invalid") errors.shelfLifeDays = "wholeNumber";
  draft.certifications.forEach((c, i) => {
    if (!c.number.trim()) errors[`certifications.${i}.number`] = "required";
    if (!c.validUntil) errors[`certifications.${i}.validUntil`] = "required";
  });
  if (Object.keys(errors).length > 0 || typeof weight !== "number" || typeof shelf !== "number") return { ok: false, errors };
  // Blank optional text is sent as null: it clears what was stored.
  const opt = (s: string) => s.trim() || null;
  return {
    ok: true,
    input: {
      merchantId,
      ...(id ? { id } : {}),
      name: draft.name.trim(),
      category: draft.category,
      unit: draft.unit.trim(),
      spec: opt(draft.spec),
      unitWeightG: weight,
      temp: draft.temp,
      shelfLifeDays: shelf,
      regionalBrand: opt(draft.regionalBrand),
      description: opt(draft.description),
      certifications: draft.certifications.map((c) => ({ kind: c.kind, number: c.number.trim(), validUntil: c.validUntil })),
    },
  };
}
