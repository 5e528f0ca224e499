// Inputs of acceptance under the three rules (实名收寄, 收寄验视, 过机安检), shared by the API (its procedures' input)
// and the web app's acceptance desks, which pipe what their fields hold into them.
import { z } from "zod";
import { PROHIBITED_ITEMS, TEMP_CLASSES } from "./values.ts";

/** A mobile (11 digits) or a landline with its area code. */
export const PHONE_PATTERN = /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/;
export const ZPhoneSchema = z.string().trim().regex(PHONE_PATTERN, "NOT_A_PHONE");

/** What a parcel is: weight, size, temperature, contents and declared value. */
export const ZParcelSchema = z.object({
  weightG: z.number().int("whole grams").min(1, "must be more than 0").max(1_000_000, "at most 1000 kg"),
  lengthMm: z.number().int().min(1).max(5000).optional(),
  widthMm: z.number().int().min(1).max(5000).optional(),
  heightMm: z.number().int().min(1).max(5000).optional(),
  temp: z.enum(TEMP_CLASSES).default("AMBIENT"),
  contentsCategory: z.string().trim().min(1, "required").max(40),
  declaredValueFen: z.number().int("whole fen").min(0, "must be 0 or more").max(100_000_000).default(0),
});

/// 收寄验视: the contents inspected, every prohibited item checked and found absent.
export const ZInspectionSchema = z.object({
  inspected: z.literal(true, "the contents must be inspected (收寄验视)"),
  /// Each prohibited item checked and found absent.
  prohibitedAbsent: z.record(z.enum(PROHIBITED_ITEMS), z.literal(true, "must be checked and absent")),
  notes: z.string().max(200).optional(),
});

/// 过机安检 at acceptance, when the desk has a machine (otherwise recorded later, at the hub).
export const ZScreeningSchema = z.object({ screened: z.boolean(), device: z.string().trim().max(60).optional() });

/// Accepting an upward parcel: 实名收寄 (the sender's real name and resident ID; the ID's check is the service's) and
/// 收寄验视, screening where the desk has a machine.
export const ZAcceptSchema = ZParcelSchema.extend({
  senderName: z.string().trim().min(1, "required").max(40),
  senderIdNumber: z.string().trim().min(1, "required"),
  senderPhone: ZPhoneSchema,
  recipientName: z.string().trim().min(1, "required").max(40),
  recipientPhone: ZPhoneSchema,
  recipientAddress: z.string().trim().max(200).optional(),
  outboundCity: z.string().trim().min(1, "required").max(40),
  carrierCode: z.string().trim().max(20).optional(),
  inspection: ZInspectionSchema,
  screening: ZScreeningSchema.optional(),
});
export type TAccept = z.infer<typeof ZAcceptSchema>;

/// Accepting a parcel announced before it was handed in (a confirmed restock order's, say): the waybill exists, the
/// staff inspect it; the sender's resident ID only when the sender has no real-name record (not a registered merchant).
export const ZAcceptAnnouncedSchema = z.object({
  waybillNo: z.string().trim().min(1, "required").max(32),
  senderName: z.string().trim().min(1, "required").max(40).optional(),
  senderIdNumber: z.string().trim().min(1, "required").optional(),
  inspection: ZInspectionSchema,
  screening: ZScreeningSchema.optional(),
});
export type TAcceptAnnounced = z.infer<typeof ZAcceptAnnouncedSchema>;
