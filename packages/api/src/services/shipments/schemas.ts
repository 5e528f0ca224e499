// Inputs of shipments: creation (acceptance under the three rules is in @xiangda/domain, shared with the web desks).
import { DIRECTIONS, ZParcelSchema, ZPhoneSchema as phone } from "@xiangda/domain";
import { z } from "zod";

export const ZCreateShipmentSchema = ZParcelSchema.extend({
  direction: z.enum(DIRECTIONS),
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
