// The county's merchant form: draft (text as typed) to and from the API's merchant, and the schema from the draft to
// the upsert input, piped into the shared ZMerchantUpsertSchema of @xiangda/domain.
import { MERCHANT_TYPES, ZMerchantUpsertSchema } from "@xiangda/domain";
import { z } from "zod";
import type { TMerchant, TMerchantInput } from "../../../components/counters/counters-api.ts";
import { optionalText } from "../../../components/form/index.ts";
import { noneMissing } from "./draft-checks.ts";

const text = z.string();
const ZMerchantDraftSchema = z.object({
  name: text,
  type: z.enum(MERCHANT_TYPES),
  /** Only narrows the village list; not sent. */
  townshipCode: text,
  originAreaCode: text,
  recognitionNo: text,
  recognitionValidUntil: text,
  creditCode: text,
  contactName: text,
  contactPhone: text,
});
export type TMerchantDraft = z.input<typeof ZMerchantDraftSchema>;

/** Every field path the form places under a field (the rest go to the summary): the draft's, but for those not sent. */
export const MERCHANT_FIELDS = ["id", ...Object.keys(ZMerchantDraftSchema.shape).filter((f) => f !== "townshipCode")];

export function merchantDraftOf(m: TMerchant | null, townshipOf: (villageCode: string) => string): TMerchantDraft {
  return {
    name: m?.name ?? "",
    type: m?.type ?? "COOPERATIVE",
    townshipCode: m?.originAreaCode ? townshipOf(m.originAreaCode) : "",
    originAreaCode: m?.originAreaCode ?? "",
    recognitionNo: m?.recognitionNo ?? "",
    recognitionValidUntil: m?.recognitionValidUntil ?? "",
    creditCode: m?.creditCode ?? "",
    contactName: m?.contactName ?? "",
    contactPhone: m?.contactPhone ?? "",
  };
}

/** Draft → the upsert input of the county's merchant `id` (a new one without). Blank optional text clears (null);
 * the recognition's number and last valid day go together (the server says so too: saying it here saves a trip). */
export function merchantSchema(countyCode: string, id: string | undefined): z.ZodType<TMerchantInput, TMerchantDraft> {
  return ZMerchantDraftSchema.transform((d, ctx): z.input<typeof ZMerchantUpsertSchema> => {
    const ok = noneMissing(ctx, {
      name: d.name,
      originAreaCode: d.originAreaCode,
      ...(d.recognitionNo.trim() ? { recognitionValidUntil: d.recognitionValidUntil } : {}),
      ...(d.recognitionValidUntil ? { recognitionNo: d.recognitionNo } : {}),
    });
    if (!ok) return z.NEVER;
    return {
      ...(id ? { id } : {}),
      name: d.name.trim(),
      type: d.type,
      originAreaCode: d.originAreaCode,
      recognitionNo: optionalText(d.recognitionNo),
      recognitionValidUntil: d.recognitionValidUntil || null,
      creditCode: optionalText(d.creditCode),
      contactName: optionalText(d.contactName),
      contactPhone: optionalText(d.contactPhone),
    };
  })
    .pipe(ZMerchantUpsertSchema)
    .transform((input) => ({ countyCode, ...input }));
}
