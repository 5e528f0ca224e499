// The new-parcel acceptance form's draft: its fields as typed, and the schema that checks it (the resident ID as the
// desk checks it live; weight, size and declared value typed in kg, cm and yuan; the three rules' checklist) and
// builds the server's input, piped into the shared ZAcceptSchema of @xiangda/domain so each limit is written once.
import { TEMP_CLASSES, ZAcceptSchema, type TTempClass } from "@xiangda/domain";
import { z } from "zod";
import { issueKey } from "../../components/form/index.ts";
import { parseScaled } from "../../lib/numbers.ts";
import { checkResidentId, type TIdCheck } from "../county/shipments/shipment-format.ts";
import { emptyRules, inspectionOf, optionalTrimmed, RULES_PLACE_AT, ZRulesDraftShape, type TRulesDraft } from "./rules-draft.ts";

export interface TDraft extends TRulesDraft {
  senderName: string;
  senderIdNumber: string;
  senderPhone: string;
  recipientName: string;
  recipientPhone: string;
  outboundCity: string;
  recipientAddress: string;
  weightKg: string;
  lengthCm: string;
  widthCm: string;
  heightCm: string;
  temp: TTempClass;
  contentsCategory: string;
  declaredYuan: string;
}

/** A clean form; the screening choice and machine carry over, since the same desk uses the same machine all day. */
export function emptyDraft(keep?: Pick<TDraft, "screened" | "device">): TDraft {
  return {
    senderName: "",
    senderIdNumber: "",
    senderPhone: "",
    recipientName: "",
    recipientPhone: "",
    outboundCity: "",
    recipientAddress: "",
    weightKg: "",
    lengthCm: "",
    widthCm: "",
    heightCm: "",
    temp: TEMP_CLASSES[0],
    contentsCategory: "",
    declaredYuan: "",
    ...emptyRules({ screened: keep?.screened ?? true, device: keep?.device ?? "" }),
  };
}

/** Field paths of the server's input placed under a field (the rest go to the summary). */
export const FORM_FIELDS = [
  "senderName",
  "senderIdNumber",
  "senderPhone",
  "recipientName",
  "recipientPhone",
  "outboundCity",
  "recipientAddress",
  "weightG",
  "lengthMm",
  "widthMm",
  "heightMm",
  "temp",
  "contentsCategory",
  "declaredValueFen",
  ...Object.keys(RULES_PLACE_AT),
] as const;

/** The server's paths whose draft field has another name (the unit typed differs). */
export const PLACE_AT = {
  weightG: "weightKg",
  lengthMm: "lengthCm",
  widthMm: "widthCm",
  heightMm: "heightCm",
  declaredValueFen: "declaredYuan",
  ...RULES_PLACE_AT,
};

/** The resident ID's refusal as the live check words it (typing stopped short counts as a wrong format). */
function idIssue(check: Exclude<TIdCheck, { state: "ok" }>): { message: string; params?: Record<string, string | number> } {
  switch (check.state) {
    case "empty":
      return { message: "form.required" };
    case "typing":
    case "FORMAT":
      return { message: issueKey("station", "accept.idFormat"), params: { count: check.length } };
    case "CHECK_DIGIT":
      return { message: issueKey("station", "accept.idCheckDigit"), params: { got: check.got } };
    case "BIRTH_DATE":
      return { message: issueKey("station", "accept.idBirthDate"), params: { date: check.birth } };
  }
}

const residentId = (today: () => Date) =>
  z.string().transform((raw, ctx) => {
    const check = checkResidentId(raw, today());
    if (check.state === "ok") return raw.trim().toUpperCase();
    ctx.addIssue({ code: "custom", ...idIssue(check) });
    return z.NEVER;
  });

/** A decimal typed in a unit → whole units of 10^-scale of it (kg → g: 3), null when empty; `invalid` otherwise. */
const scaled = (scale: number, invalid: string) =>
  z.string().transform((text, ctx) => {
    const value = parseScaled(text, scale);
    if (value !== "invalid") return value;
    ctx.addIssue({ code: "custom", message: invalid });
    return z.NEVER;
  });

const requiredScaled = (scale: number, invalid: string) =>
  scaled(scale, invalid).transform((value, ctx) => {
    if (value !== null) return value;
    ctx.addIssue({ code: "custom", message: "form.required" });
    return z.NEVER;
  });

const CM = issueKey("station", "accept.invalidCm");
const S = ZAcceptSchema.shape;

/** The draft → the accept input for `nodeId`; every field's problem at once, each under its field. */
export function acceptDraftSchema(nodeId: string, today: () => Date = () => new Date()) {
  return z
    .object({
      senderName: S.senderName,
      senderIdNumber: residentId(today),
      senderPhone: S.senderPhone,
      recipientName: S.recipientName,
      recipientPhone: S.recipientPhone,
      outboundCity: S.outboundCity,
      recipientAddress: optionalTrimmed().pipe(S.recipientAddress),
      weightKg: requiredScaled(3, issueKey("station", "accept.invalidKg")).pipe(S.weightG),
      lengthCm: scaled(1, CM)
        .transform((v) => v ?? undefined)
        .pipe(S.lengthMm),
      widthCm: scaled(1, CM)
        .transform((v) => v ?? undefined)
        .pipe(S.widthMm),
      heightCm: scaled(1, CM)
        .transform((v) => v ?? undefined)
        .pipe(S.heightMm),
      temp: S.temp,
      contentsCategory: S.contentsCategory,
      declaredYuan: scaled(2, issueKey("station", "accept.invalidYuan"))
        .transform((v) => v ?? undefined)
        .pipe(S.declaredValueFen),
      ...ZRulesDraftShape,
    })
    .transform((d): z.input<typeof ZAcceptSchema> => ({
      senderName: d.senderName,
      senderIdNumber: d.senderIdNumber,
      senderPhone: d.senderPhone,
      recipientName: d.recipientName,
      recipientPhone: d.recipientPhone,
      outboundCity: d.outboundCity,
      recipientAddress: d.recipientAddress,
      weightG: d.weightKg,
      lengthMm: d.lengthCm,
      widthMm: d.widthCm,
      heightMm: d.heightCm,
      temp: d.temp,
      contentsCategory: d.contentsCategory,
      declaredValueFen: d.declaredYuan,
      inspection: inspectionOf(d.notes),
      screening: { screened: d.screened, device: d.screened ? d.device : undefined },
    }))
    .pipe(ZAcceptSchema)
    .transform((input) => ({ nodeId, ...input }));
}
