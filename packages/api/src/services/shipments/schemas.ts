// Inputs of shipments: creation, acceptance under the three rules, screening.
import { z } from "zod";

export const TEMP_CLASSES = ["AMBIENT", "CHILLED", "FROZEN"] as const;
const phone = z
  .string()
  .trim()
  .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, "not a mobile (11 digits) or landline number");

export const ZParcelSchema = z.object({
  weightG: z.number().int("whole grams").min(1, "must be more than 0").max(1_000_000, "at most 1000 kg"),
  lengthMm: z.number().int().min(1).max(5000).optional(),
  widthMm: z.number().int().min(1).max(5000).optional(),
  heightMm: z.number().int().min(1).max(5000).optional(),
  temp: z.enum(TEMP_CLASSES).default("AMBIENT"),
  contentsCategory: z.string().trim().min(1, "required").max(40),
  declaredValueFen: z.number().int("whole fen").min(0, "must be 0 or more").max(100_000_000).default(0),
});

export const ZCreateShipmentSchema = ZParcelSchema.extend({
  direction: z.enum(["DOWN", "UP"]),
  carrierCode: z.string().trim().max(20).optional(),
  carrierWaybillNo: z.string().trim().max(40).optional(),
  fromCode: z.string().trim().min(1, "required"),
  /// A node code or a 12-digit village code.
  to: z.string().trim().min(1, "required"),
  outboundCity: z.string().trim().max(40).optional(),
  recipientName: z.string().trim().min(1, "required").max(40),
  recipientPhone: phone,
  recipientAddress: z.string().trim().max(200).optional(),
  senderName: z.string().trim().max(40).optional(),
  senderPhone: phone.optional(),
  readyAt: z.string().datetime({ offset: true }).optional(),
});
export type TCreateShipment = z.infer<typeof ZCreateShipmentSchema>;

export const PROHIBITED_ITEMS = ["explosives", "flammables", "toxic", "radioactive", "weapons", "drugs", "live_animals", "cash"] as const;

/// Accepting an upward parcel: 实名收寄 (sender's real name and ID) and 收寄验视 (inspection).
/// 收寄验视: every prohibited item checked and found absent.
const ZInspectionSchema = z.object({
  inspected: z.literal(true, "the contents must be inspected (收寄验视)"),
  /// Each prohibited item checked and found absent.
  prohibitedAbsent: z.record(z.enum(PROHIBITED_ITEMS), z.literal(true, "must be checked and absent")),
  notes: z.string().max(200).optional(),
});
/// 过机安检 at acceptance, when the desk has a machine (otherwise recorded later, at the hub).
const ZScreeningSchema = z.object({ screened: z.boolean(), device: z.string().trim().max(60).optional() });

export const ZAcceptSchema = ZParcelSchema.extend({
  senderName: z.string().trim().min(1, "required").max(40),
  senderIdNumber: z.string().trim().min(1, "required"),
  senderPhone: phone,
  recipientName: z.string().trim().min(1, "required").max(40),
  recipientPhone: phone,
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
