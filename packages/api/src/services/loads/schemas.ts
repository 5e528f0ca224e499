// Inputs of the load queries: a filtered, paged list and one load by id or barcode.
import { z } from "zod";
import { LOAD_STATUSES } from "@xiangda/domain";

export const ZLoadListSchema = z.object({
  countyCode: z
    .string()
    .regex(/^\d{6}$/, "must be a 6-digit county code")
    .optional(),
  nodeId: z.string().uuid("must be a node id").optional(),
  /// Asia/Shanghai calendar day of the departure.
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "NOT_A_REAL_DATE")
    .optional(),
  status: z.enum(LOAD_STATUSES).optional(),
  /// Only loads sealed later than the allowed grace after their cut-off (the late-seal alerts).
  lateSeal: z.boolean().optional(),
  cursor: z.string().uuid("must be a load id").optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type TLoadList = z.infer<typeof ZLoadListSchema>;

export const ZLoadRefSchema = z.union([
  z.object({ id: z.string().uuid("must be a load id") }),
  z.object({
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^LD\d{11}$/, "must be a load code: LD and 11 digits"),
  }),
]);
export type TLoadRef = z.infer<typeof ZLoadRefSchema>;
