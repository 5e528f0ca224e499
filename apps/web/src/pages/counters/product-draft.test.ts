import { describe, expect, it } from "vitest";
import type { TProduct } from "./counters-api.ts";
import { nextCertKind, productDraftOf, productInputOf } from "./product-draft.ts";

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
    const r = productInputOf(productDraftOf(product), product.merchantId, product.id);
    // Everything but the stored-only fields (images, active, updatedAt) goes back as it came.
    const { id, merchantId, images: _images, active: _active, updatedAt: _updatedAt, ...fields } = product;
    expect(r).toEqual({ ok: true, input: { merchantId, id, ...fields } });
  });

  it("names missing and malformed fields by the API's paths, certifications by row", () => {
    const draft = {
      ...productDraftOf(null),
      unitWeightG: "2.5",
      certifications: [{ key: "k", kind: "ORGANIC" as const, number: " ", validUntil: "" }],
    };
    const r = productInputOf(draft, product.merchantId, undefined);
    expect(r).toEqual({
      ok: false,
      errors: {
        name: "required",
        unit: "required",
        unitWeightG: "wholeNumber",
        shelfLifeDays: "required",
        "certifications.0.number": "required",
        "certifications.0.validUntil": "required",
      },
    });
  });

  it("trims text and sends blank optional text as null (clears it)", () => {
    const draft = { ...productDraftOf(product), name: "  高屯苹果 ", spec: "  ", regionalBrand: " 盖州苹果 " };
    const r = productInputOf(draft, product.merchantId, undefined);
    expect(r.ok && r.input).toMatchObject({ name: "高屯苹果", spec: null, regionalBrand: "盖州苹果" });
    expect(r.ok && "id" in r.input).toBe(false);
  });

  it("offers each certification kind once", () => {
    expect(nextCertKind([])).toBe("GREEN_FOOD");
    expect(nextCertKind([{ kind: "GREEN_FOOD" }])).toBe("ORGANIC");
    expect(nextCertKind([{ kind: "GREEN_FOOD" }, { kind: "ORGANIC" }, { kind: "GEO_INDICATION" }])).toBeNull();
  });
});
