// The county's merchant form: draft (text as typed) to and from the API's merchant and upsert input.
import type { TMerchant, TMerchantInput, TMerchantType } from "../../../components/counters/counters-api.ts";

export interface TMerchantDraft {
  name: string;
  type: TMerchantType;
  /** Only narrows the village list; not sent. */
  townshipCode: string;
  originAreaCode: string;
  recognitionNo: string;
  recognitionValidUntil: string;
  creditCode: string;
  contactName: string;
  contactPhone: string;
}

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

/** The upsert input, or the fields the form can already tell are missing. Blank optional text clears (null). */
export function merchantInputOf(
  d: TMerchantDraft,
  countyCode: string,
  id: string | undefined,
): { ok: true; input: TMerchantInput } | { ok: false; errors: Record<string, "required"> } {
  const errors: Record<string, "required"> = {};
  if (!d.name.trim()) errors.name = "required";
  if (!d.originAreaCode) errors.originAreaCode = "required";
  // The two go together (the server says so too; saying it here saves a round trip).
  if (d.recognitionNo.trim() && !d.recognitionValidUntil) errors.recognitionValidUntil = "required";
  if (d.recognitionValidUntil && !d.recognitionNo.trim()) errors.recognitionNo = "required";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const opt = (s: string) => s.trim() || null;
  return {
    ok: true,
    input: {
      countyCode,
      ...(id ? { id } : {}),
      name: d.name.trim(),
      type: d.type,
      originAreaCode: d.originAreaCode,
      recognitionNo: opt(d.recognitionNo),
      recognitionValidUntil: d.recognitionValidUntil || null,
      creditCode: opt(d.creditCode),
      contactName: opt(d.contactName),
      contactPhone: opt(d.contactPhone),
    },
  };
}
