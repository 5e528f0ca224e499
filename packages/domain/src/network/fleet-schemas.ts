// The fleet's inputs, shared by the API (its procedures' input) and the web app's vehicle and carrier forms.
import { z } from "zod";
import { COLD_CLASSES, CREDIT_GRADES, ENERGY_TYPES, VEHICLE_STATUSES } from "./values.ts";

export const ZVehicleUpsertSchema = z.object({
  number: z.string().trim().min(1, "required").max(40),
  plate: z.string().trim().min(1, "required").max(12),
  homeNodeCode: z.string().trim().min(1, "required"),
  carrierCode: z.string().trim().max(20).nullish(),
  capacityKg: z.number().int("whole kilograms").min(1, "must be more than 0").max(100_000),
  capacityM3: z.number().min(0.01, "must be more than 0").max(500),
  cold: z.enum(COLD_CLASSES),
  energy: z.enum(ENERGY_TYPES),
  status: z.enum(VEHICLE_STATUSES).optional(),
});

export const ZCarrierUpsertSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Z0-9_]{2,20}$/, "2-20 capital letters, digits or _"),
    name: z.string().trim().min(1, "required").max(60),
    waybillPattern: z
      .string()
      .max(200)
      .nullish()
      .refine((p) => {
        if (!p) return true;
        try {
          new RegExp(p);
          return true;
        } catch {
          return false;
        }
      }, "NOT_A_REGEX"),
    creditGrade: z.enum(CREDIT_GRADES),
    blacklisted: z.boolean(),
    blacklistReason: z.string().trim().max(200).nullish(),
  })
  .superRefine((c, ctx) => {
    if (c.blacklisted && !c.blacklistReason) ctx.addIssue({ code: "custom", path: ["blacklistReason"], message: "BLACKLIST_NEEDS_REASON" });
  });
