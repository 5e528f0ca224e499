// The new-parcel acceptance form's draft: its fields as typed, the checks made before sending (the resident ID, weight,
// size, declared value and the three rules' checklist) and the server's input built from it.
import { parseScaled } from "../../lib/numbers.ts";
import type { TT } from "../../i18n/use-t.ts";
import type { TAcceptInput, TProhibitedItem, TTemp } from "../../lib/shipments-api.ts";
import { PROHIBITED_ITEMS, type TIdCheck } from "../county/shipments/shipment-format.ts";
import { allAbsent, noneChecked } from "./three-rules-fields.tsx";

export interface TDraft {
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
  temp: TTemp;
  contentsCategory: string;
  declaredYuan: string;
  prohibited: Record<TProhibitedItem, boolean>;
  inspected: boolean;
  notes: string;
  screened: boolean;
  device: string;
}

export type TTextField = Exclude<keyof TDraft, "temp" | "prohibited" | "inspected" | "screened">;

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
    temp: "AMBIENT",
    contentsCategory: "",
    declaredYuan: "",
    prohibited: noneChecked(),
    inspected: false,
    notes: "",
    screened: keep?.screened ?? true,
    device: keep?.device ?? "",
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
  "inspection",
  "screening",
] as const;

export function idStatusText(check: TIdCheck, t: TT<"station">): string {
  switch (check.state) {
    case "empty":
      return "";
    case "typing":
      return t("accept.idTyping", { count: check.length });
    case "ok":
      return t("accept.idOk", { date: check.birthDate });
    case "FORMAT":
      return t("accept.idFormat", { count: check.length });
    case "CHECK_DIGIT":
      return t("accept.idCheckDigit", { got: check.got });
    case "BIRTH_DATE":
      return t("accept.idBirthDate", { date: check.birth });
  }
}

/** The draft checked before sending: the errors by field path, and the server's input when there are none. */
export function checkDraft(
  draft: TDraft,
  idCheck: TIdCheck,
  nodeId: string,
  t: TT<"station">,
  tc: TT<"common">,
): { errors: Record<string, string>; input: TAcceptInput | null } {
  const errors: Record<string, string> = {};
  if (idCheck.state === "empty") errors.senderIdNumber = tc("form.required");
  else if (idCheck.state !== "ok")
    errors.senderIdNumber = idStatusText(idCheck.state === "typing" ? { state: "FORMAT", length: idCheck.length } : idCheck, t);
  const weightG = parseScaled(draft.weightKg, 3);
  if (weightG === null) errors.weightG = tc("form.required");
  else if (weightG === "invalid") errors.weightG = t("accept.invalidKg");
  const dims = {
    lengthMm: parseScaled(draft.lengthCm, 1),
    widthMm: parseScaled(draft.widthCm, 1),
    heightMm: parseScaled(draft.heightCm, 1),
  };
  for (const [field, value] of Object.entries(dims)) if (value === "invalid") errors[field] = t("accept.invalidCm");
  const fen = parseScaled(draft.declaredYuan, 2);
  if (fen === "invalid") errors.declaredValueFen = t("accept.invalidYuan");
  const unchecked = PROHIBITED_ITEMS.filter((item) => !draft.prohibited[item]);
  if (unchecked.length > 0) errors["inspection.prohibitedAbsent"] = t("accept.mustCheck");
  if (!draft.inspected) errors["inspection.inspected"] = t("accept.mustInspect");
  if (Object.keys(errors).length > 0 || typeof weightG !== "number" || fen === "invalid") return { errors, input: null };
  const opt = (value: string) => value.trim() || undefined;
  const dim = (value: number | null | "invalid") => (typeof value === "number" ? value : undefined);
  const input: TAcceptInput = {
    nodeId,
    senderName: draft.senderName.trim(),
    senderIdNumber: draft.senderIdNumber.trim().toUpperCase(),
    senderPhone: draft.senderPhone.trim(),
    recipientName: draft.recipientName.trim(),
    recipientPhone: draft.recipientPhone.trim(),
    outboundCity: draft.outboundCity.trim(),
    recipientAddress: opt(draft.recipientAddress),
    weightG,
    lengthMm: dim(dims.lengthMm),
    widthMm: dim(dims.widthMm),
    heightMm: dim(dims.heightMm),
    temp: draft.temp,
    contentsCategory: draft.contentsCategory.trim(),
    declaredValueFen: fen ?? 0,
    inspection: {
      inspected: true,
      // Every item was ticked (checked above): each is recorded as checked and absent.
      prohibitedAbsent: allAbsent(),
      notes: opt(draft.notes),
    },
    screening: { screened: draft.screened, device: draft.screened ? opt(draft.device) : undefined },
  };
  return { errors, input };
}
