// The scan API contract: what scanners and scripts send, and what they get back.
import { z } from "zod";
import { SCAN_ACTIONS } from "@xiangda/domain";

export const ZScanSchema = z.object({
  /// The client's idempotency key.
  clientScanId: z.string().uuid("must be a UUID"),
  /// A waybill number (ours or a carrier's), a load code, or a shelf slot like A-03-12.
  code: z.string().trim().min(1, "required").max(64, "at most 64 characters"),
  /// Absent: the server infers it from the code and the node (README "Scan API"); the result says which and `inferred`.
  action: z.enum(SCAN_ACTIONS).optional(),
  nodeId: z.string().uuid("must be a node id"),
  /// Device time.
  at: z.string().datetime({ offset: true, message: "must be an ISO date-time" }),
  vehicleId: z.string().uuid("must be a vehicle id").optional(),
  /// The vehicle by its id, number (GZ-V-047) or plate (辽HD10047), typed or scanned: matched ignoring case and spaces
  /// among the scanning node's county's vehicles. `vehicleId` wins when both are sent.
  vehicle: z.string().trim().min(1, "required").max(40, "at most 40 characters").optional(),
  exceptionReason: z.string().trim().max(200).optional(),
  pickupCode: z
    .string()
    .regex(/^\d{6}$/, "6 digits")
    .optional(),
  phoneLast4: z
    .string()
    .regex(/^\d{4}$/, "4 digits")
    .optional(),
  /// PICKUP: the staff checked the recipient's ID (counts where the node's pickup check allows it).
  idChecked: z.boolean().optional(),
});
export type TScan = z.infer<typeof ZScanSchema>;

export const ZScanBatchSchema = z.object({
  scans: z.array(ZScanSchema).min(1, "at least one scan").max(500, "at most 500 scans per batch"),
});
