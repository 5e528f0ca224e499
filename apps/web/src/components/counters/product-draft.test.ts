import { describe, expect, it } from "vitest";
import type { TProduct } from "./counters-api.ts";
import { nextCertKind, productDraftOf, productSchema, type TProductDraft } from "./product-draft.ts";

/** The input, or each failing field's message key by the API's path. */
function inputOf(draft: TProductDraft, merchantId: string, id: string | undefined) {
  const r = productSchema(merchantId, id).safeParse(draft);
  return r.success
    ? { ok: true as const, input: r.data }
    : { ok: false as const, errors: Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message])) };
}

const product: TProduct = {
  id: "11111111-1111-4111-8111-111111111111",
  merchantId: "22222222-2222-4222-8222-222222222222",
  name: "高屯苹果",
  category: "FRUIT",
  unit: "箱",
  spec: "5斤装",
  unitWeightG: 2600,
  temp: "AMBIENT",
  shelfLifeDays: 30,
  regionalBrand: null,
  description: null,
  active: true,
  certifications: [{ kind: "GREEN_FOOD", number: "LB-18-001", validUntil: "2027-06-30" }],
  images: [],
  updatedAt: "2026-11-23T00:00:00.000Z",
};

describe("product form", () => {
  it("round-trips a product through the draft into the upsert input", () => {
    const r = inputOf(productDraftOf(product), product.merchantId, product.id);
    // Everything but the stored-only fields (images, active, updatedAt) goes back as it came.
    const { id, merchantId, images: _images, active: _active, updatedAt: _updatedAt, ...fields } = product;
    expect(r).toEqual({ ok: true, input: { merchantId, id, ...fields } });
  });

  it("names missing and malformed fields by the API's paths, certifications by row", () => {
    const draft = {
      ...productDraftOf(null),
      unitWeightG: "2.5",
      certifications: [{ kind: "ORGANIC" as const, number: " ", validUntil: "" }],
    };
    const r = inputOf(draft, product.merchantId, undefined);
    expect(r).toEqual({
      ok: false,
      errors: {
        name: "form.required",
        unit: "form.required",
        unitWeightG: "form.wholeNumber",
        shelfLifeDays: "form.required",
        "certifications.0.number": "form.required",
        "certifications.0.validUntil": "form.required",
      },
    });
  });

  it("trims text and sends blank optional text as null (clears it)", () => {
    const draft = { ...productDraftOf(product), name: "  高屯苹果 ", spec: "  ", regionalBrand: " 盖州苹果 " };
    const r = inputOf(draft, product.merchantId, undefined);
    expect(r.ok && r.input).toMatchObject({ name: "高屯苹果", spec: null, regionalBrand: "盖州苹果" });
    expect(r.ok && "id" in r.input).toBe(false);
  });

  it("offers each certification kind once", () => {
    expect(nextCertKind([])).toBe("GREEN_FOOD");
    expect(nextCertKind([{ kind: "GREEN_FOOD" }])).toBe("ORGANIC");
    expect(nextCertKind([{ kind: "GREEN_FOOD" }, { kind: "ORGANIC" }, { kind: "GEO_INDICATION" }])).toBeNull();
  });
});
