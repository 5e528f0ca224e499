// The node form's draft (what its fields hold) and the schema turning it into the input sent: the form's own checks
// (whole numbers, an area, the pickup days of a self-pickup node) in one pass, so all show at once.
import { NODE_OPERATORS, NODE_TIERS } from "@xiangda/domain";
import { z } from "zod";
import { issueKey, optionalText, parseWholeNumber } from "../../../components/form/index.ts";
import type { TNode, TNodeInput } from "../../../lib/network-api.ts";
import { PICKUP_CHECKS, PICKUP_HOLD_RANGE, pickupHoldDaysError } from "./pickup-settings.ts";

export const FLAGS = ["coldChilled", "coldFrozen", "selfPickup", "parcelLocker", "passengerStop", "recyclables"] as const;

const text = z.string();
const ZNodeDraftSchema = z.object({
  code: text,
  name: text,
  tier: z.enum(NODE_TIERS),
  /** Only to narrow the village list; not sent. */
  townshipCode: text,
  areaCode: text,
  parentCode: text,
  crossBorderReason: text,
  coldChilled: z.boolean(),
  coldFrozen: z.boolean(),
  selfPickup: z.boolean(),
  parcelLocker: z.boolean(),
  passengerStop: z.boolean(),
  recyclables: z.boolean(),
  operator: z.enum(NODE_OPERATORS),
  filingNumber: text,
  openingHours: text,
  dailyCapacity: text,
  contactName: text,
  contactPhone: text,
  handlingMinutes: text,
  /** Self-pickup (取件核验 and 保管天数): set with selfPickup, kept while it is off. */
  pickupCheck: z.enum(PICKUP_CHECKS),
  pickupHoldDays: text,
});
export type TNodeDraft = z.input<typeof ZNodeDraftSchema>;

/** Every field path the form places under a field (the rest go to the summary). */
export const FORM_FIELDS = [
  "code",
  "name",
  "tier",
  "areaCode",
  "parentCode",
  "crossBorderReason",
  "operator",
  "filingNumber",
  "openingHours",
  "dailyCapacity",
  "contactName",
  "contactPhone",
  "handlingMinutes",
  "pickupCheck",
  "pickupHoldDays",
  ...FLAGS,
] as const;

export const isMasked = (phone: string) => phone.includes("*");

/** The schema for editing `node` (null: a new one): a masked phone left empty keeps the number. */
export function nodeDraftSchema(node: TNode | null) {
  const phoneMasked = node?.contactPhone ? isMasked(node.contactPhone) : false;
  return ZNodeDraftSchema.transform((d, ctx): Omit<TNodeInput, "countyCode"> => {
    const issue = (path: string, message: string, params?: Record<string, number>) =>
      ctx.addIssue({ code: "custom", path: [path], message, ...(params ? { params } : {}) });
    const capacity = parseWholeNumber(d.dailyCapacity);
    const handling = parseWholeNumber(d.handlingMinutes);
    if (capacity === "invalid") issue("dailyCapacity", "form.wholeNumber");
    if (handling === "invalid") issue("handlingMinutes", "form.wholeNumber");
    // The self-pickup settings count only for a self-pickup node; otherwise the node keeps what it has.
    const holdError = d.selfPickup ? pickupHoldDaysError(d.pickupHoldDays) : null;
    if (holdError) issue("pickupHoldDays", issueKey("network", `nodes.pickupHoldDaysError.${holdError}`), PICKUP_HOLD_RANGE);
    if (!d.areaCode) issue("areaCode", "form.required");
    const holdDays = d.selfPickup ? parseWholeNumber(d.pickupHoldDays) : null;
    if (capacity === "invalid" || handling === "invalid" || holdDays === "invalid" || holdError || !d.areaCode) return z.NEVER;
    // Empty clears a field (null); only a masked phone left empty means "keep" (undefined).
    return {
      code: d.code.trim(),
      name: d.name.trim(),
      tier: d.tier,
      areaCode: d.areaCode,
      parentCode: d.parentCode || null,
      crossBorderReason: d.tier === "VILLAGE_POINT" ? optionalText(d.crossBorderReason) : null,
      coldChilled: d.coldChilled,
      coldFrozen: d.coldFrozen,
      selfPickup: d.selfPickup,
      parcelLocker: d.parcelLocker,
      passengerStop: d.passengerStop,
      recyclables: d.recyclables,
      operator: d.operator,
      filingNumber: optionalText(d.filingNumber),
      openingHours: optionalText(d.openingHours),
      dailyCapacity: capacity,
      contactName: optionalText(d.contactName),
      contactPhone: phoneMasked && !d.contactPhone.trim() ? undefined : optionalText(d.contactPhone),
      handlingMinutes: handling ?? undefined,
      pickupCheck: d.selfPickup ? d.pickupCheck : undefined,
      pickupHoldDays: holdDays ?? undefined,
    };
  });
}

export function draftOf(node: TNode | null, townshipOf: (areaCode: string) => string): TNodeDraft {
  return {
    code: node?.code ?? "",
    name: node?.name ?? "",
    tier: node?.tier ?? "VILLAGE_POINT",
    townshipCode: node ? townshipOf(node.areaCode) : "",
    areaCode: node?.areaCode ?? "",
    parentCode: node?.parentCode ?? "",
    crossBorderReason: node?.crossBorderReason ?? "",
    coldChilled: node?.coldChilled ?? false,
    coldFrozen: node?.coldFrozen ?? false,
    selfPickup: node?.selfPickup ?? false,
    parcelLocker: node?.parcelLocker ?? false,
    passengerStop: node?.passengerStop ?? false,
    recyclables: node?.recyclables ?? false,
    operator: node?.operator ?? "OTHER",
    filingNumber: node?.filingNumber ?? "",
    openingHours: node?.openingHours ?? "",
    dailyCapacity: node?.dailyCapacity == null ? "" : String(node.dailyCapacity),
    contactName: node?.contactName ?? "",
    // A masked phone ("138****5678") is never sent back: the field starts empty and empty keeps the number.
    contactPhone: node?.contactPhone && !isMasked(node.contactPhone) ? node.contactPhone : "",
    handlingMinutes: node ? String(node.handlingMinutes) : "",
    pickupCheck: node?.pickupCheck ?? "CODE_OR_PHONE",
    pickupHoldDays: node ? String(node.pickupHoldDays) : "7",
  };
}
