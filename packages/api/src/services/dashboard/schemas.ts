// Inputs of the county dashboard (the county procedure adds and checks `countyCode`).
import { z } from "zod";

/// The longest range an indicator reads (a year and a bit, so "last 12 months" always fits).
export const MAX_RANGE_DAYS = 400;

const realDay = (d: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
const ZDaySchema = z
  .string("must be a date YYYY-MM-DD")
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .refine(realDay, "NOT_A_REAL_DATE");

const ZTownshipCodeSchema = z.string().regex(/^\d{9}000$/, "must be a 12-digit township code ending in 000");
const ZCarrierIdSchema = z.string().uuid("must be a carrier id");
const ZDirectionSchema = z.enum(["DOWN", "UP"], "must be DOWN or UP");

/// Both days inclusive (Asia/Shanghai), `to` not before `from`, at most MAX_RANGE_DAYS days.
function dayRange<T extends z.ZodRawShape>(extra: T) {
  return z.object({ from: ZDaySchema, to: ZDaySchema, ...extra }).superRefine((raw, ctx) => {
    // The generic shape hides from/to from the checker; they are the two days validated above.
    const v = raw as { from: string; to: string };
    if (!realDay(v.from) || !realDay(v.to)) return; // already reported on the day itself
    const span = (Date.parse(`${v.to}T00:00:00Z`) - Date.parse(`${v.from}T00:00:00Z`)) / 86_400_000 + 1;
    if (span < 1) ctx.addIssue({ code: "custom", path: ["to"], message: "TO_BEFORE_FROM" });
    else if (span > MAX_RANGE_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: "AT_MOST_DAYS_AFTER_FROM", params: { days: MAX_RANGE_DAYS } });
  });
}

export const ZDashboardFilterSchema = dayRange({
  townshipCode: ZTownshipCodeSchema.optional(),
  carrierId: ZCarrierIdSchema.optional(),
  direction: ZDirectionSchema.optional(),
});
export type TDashboardFilter = z.infer<typeof ZDashboardFilterSchema> & { countyCode: string };

export const ZLightsFilterSchema = z.object({
  townshipCode: ZTownshipCodeSchema.optional(),
  carrierId: ZCarrierIdSchema.optional(),
  direction: ZDirectionSchema.optional(),
});
export type TLightsFilter = z.infer<typeof ZLightsFilterSchema> & { countyCode: string };

export const ZHistorySchema = dayRange({ townshipCode: ZTownshipCodeSchema.optional() });
export type THistory = z.infer<typeof ZHistorySchema> & { countyCode: string };

export const ZNodeRefSchema = z.object({ nodeId: z.string().uuid("must be a node id") });
