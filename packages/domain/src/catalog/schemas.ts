// Input schemas of the catalog: merchants, products, batches and counters. The scope key of each
// procedure (countyCode, merchantId) comes from the procedure's own input and is not repeated here.
import { z } from "zod";
import { ZAreaCodeSchema } from "../schemas.ts";
import { parseCreditCode } from "./credit-code.ts";
import {
  CERTIFICATION_KINDS,
  MERCHANT_TYPES,
  MOBILE_PATTERN,
  PRODUCT_CATEGORIES,
  PRODUCT_TEMPS,
  VENUE_TYPES,
  isCalendarDay,
} from "./values.ts";

const text = (max: number) => z.string().trim().min(1, "required").max(max, `at most ${max} characters`);
/// Optional text: omitted keeps the stored value on update, null or "" clears it.
const optText = (max: number) => z.string().trim().max(max, `at most ${max} characters`).nullish();
const oneOf = (values: readonly string[]) => ({ message: `must be one of ${values.join(", ")}` });

export const ZCalendarDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "must be a date YYYY-MM-DD", abort: true })
  .refine(isCalendarDay, { message: "NOT_A_REAL_DATE", abort: true });

export const ZMobileSchema = z.string().trim().regex(MOBILE_PATTERN, "not a mainland mobile number (11 digits starting 13-19)");

export const ZCreditCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((v, ctx) => {
    const r = parseCreditCode(v);
    if (!r.ok) ctx.addIssue({ code: "custom", message: r.key ?? r.message, params: r.params ?? {} });
  });

export const ZMerchantUpsertSchema = z
  .object({
    /// Update this merchant; without it, the merchant of the county with this name is created or updated.
    id: z.string().uuid("must be a merchant id").optional(),
    name: text(100),
    type: z.enum(MERCHANT_TYPES, oneOf(MERCHANT_TYPES)),
    /// A VILLAGE-level area of the county.
    originAreaCode: ZAreaCodeSchema,
    recognitionNo: optText(60),
    recognitionValidUntil: ZCalendarDaySchema.nullish(),
    creditCode: ZCreditCodeSchema.nullish(),
    contactName: optText(40),
    contactPhone: ZMobileSchema.nullish(),
  })
  .superRefine((v, ctx) => {
    if (v.recognitionNo && !v.recognitionValidUntil)
      ctx.addIssue({ code: "custom", path: ["recognitionValidUntil"], message: "REQUIRED_WITH_RECOGNITION_NO" });
    if (v.recognitionValidUntil && !v.recognitionNo)
      ctx.addIssue({ code: "custom", path: ["recognitionNo"], message: "REQUIRED_WITH_RECOGNITION_DATE" });
  });
export type TMerchantUpsert = z.infer<typeof ZMerchantUpsertSchema>;

export const ZMerchantContactSchema = z.object({
  contactName: optText(40),
  contactPhone: ZMobileSchema.nullish(),
});
export type TMerchantContact = z.infer<typeof ZMerchantContactSchema>;

export const ZCertificationSchema = z.object({
  kind: z.enum(CERTIFICATION_KINDS, oneOf(CERTIFICATION_KINDS)),
  number: text(60),
  /// Last valid day (Asia/Shanghai).
  validUntil: ZCalendarDaySchema,
});

export const ZProductUpsertSchema = z
  .object({
    /// Update this product; without it, the merchant's product with this name and spec is created or updated.
    id: z.string().uuid("must be a product id").optional(),
    name: text(100),
    category: z.enum(PRODUCT_CATEGORIES, oneOf(PRODUCT_CATEGORIES)),
    unit: text(10),
    spec: optText(40),
    unitWeightG: z.number().int("whole grams").min(1, "must be more than 0").max(1_000_000, "at most 1000 kg"),
    temp: z.enum(PRODUCT_TEMPS, oneOf(PRODUCT_TEMPS)).default("AMBIENT"),
    shelfLifeDays: z.number().int("whole days").min(1, "must be more than 0").max(3650, "at most 3650 days"),
    regionalBrand: optText(40),
    description: optText(2000),
    /// The whole list: kinds not in it are removed. Omitted keeps the stored list.
    certifications: z.array(ZCertificationSchema).max(CERTIFICATION_KINDS.length, "at most one of each kind").optional(),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.certifications?.forEach((c, i) => {
      if (seen.has(c.kind)) ctx.addIssue({ code: "custom", path: ["certifications", i, "kind"], message: "CERT_KIND_TWICE", params: { certKind: c.kind } });
      seen.add(c.kind);
    });
  });
export type TProductUpsert = z.infer<typeof ZProductUpsertSchema>;

/// Images come base64-encoded (a data: URL prefix is allowed); the type is read from the bytes.
export const ZProductImageSchema = z.object({
  productId: z.string().uuid("must be a product id"),
  contentBase64: z.string().min(1, "required"),
  /// What the client says it is; only logged, never trusted.
  contentType: z.string().max(100).optional(),
  fileName: z.string().max(200).optional(),
});
export type TProductImage = z.infer<typeof ZProductImageSchema>;

export const ZBatchCreateSchema = z.object({
  productId: z.string().uuid("must be a product id"),
  batchNo: z
    .string()
    .trim()
    .min(1, "required")
    .max(40, "at most 40 characters")
    .regex(/^[A-Za-z0-9][A-Za-z0-9_./:-]*$/, "letters, digits and _ . / : - only"),
  /// Harvest or production day (Asia/Shanghai); not in the future, not before 2000.
  producedOn: ZCalendarDaySchema.refine((d) => d >= "2000-01-01", "PRODUCED_2000_OR_LATER"),
  quantity: z.number().int("whole units").min(1, "must be more than 0").max(10_000_000, "at most 10,000,000"),
  /// A VILLAGE of the county; defaults to the merchant's origin village.
  originAreaCode: ZAreaCodeSchema.optional(),
});
export type TBatchCreate = z.infer<typeof ZBatchCreateSchema>;

export const ZCounterUpsertSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/, "1-40 letters, digits, _ . - (starting with a letter or digit)"),
    name: text(100),
    venueType: z.enum(VENUE_TYPES, oneOf(VENUE_TYPES)),
    operatorName: text(100),
    address: optText(200),
    /// A township or village of the county where the counter sits.
    areaCode: ZAreaCodeSchema.nullish(),
    /// The city of a counter outside the county.
    city: optText(40),
    /// An ACTIVE node of the county that receives its restocks.
    nodeId: z.string().uuid("must be a node id"),
    active: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.areaCode && v.city) ctx.addIssue({ code: "custom", path: ["city"], message: "COUNTER_IN_COUNTY_NO_CITY" });
  });
export type TCounterUpsert = z.infer<typeof ZCounterUpsertSchema>;

export const ZCounterOperatorsSchema = z.object({
  counterId: z.string().uuid("must be a counter id"),
  /// The whole list of COUNTER_OPERATOR users of the county who run it.
  userIds: z.array(z.string().uuid("must be a user id")).max(50, "at most 50 operators"),
});
export type TCounterOperators = z.infer<typeof ZCounterOperatorsSchema>;
