import { z } from "zod";
import { COLD_CLASSES, ENERGY_TYPES } from "@xiangda/domain";
import { saveVehicle } from "../../services/network/forms.ts";
import { vehicleView } from "../../services/network/views.ts";
import { adminProcedure, countyProcedure, roleProcedure, router } from "../../trpc.ts";

const roles = ["ADMIN", "COUNTY_MANAGER"] as const;

export const ZVehicleUpsertSchema = z.object({
  number: z.string().trim().min(1, "required").max(40),
  plate: z.string().trim().min(1, "required").max(12),
  homeNodeCode: z.string().trim().min(1, "required"),
  carrierCode: z.string().trim().max(20).nullish(),
  capacityKg: z.number().int("whole kilograms").min(1, "must be more than 0").max(100_000),
  capacityM3: z.number().min(0.01, "must be more than 0").max(500),
  cold: z.enum(COLD_CLASSES),
  energy: z.enum(ENERGY_TYPES),
  status: z.enum(["ACTIVE", "MAINTENANCE", "RETIRED"]).optional(),
});

export const ZCarrierUpsertSchema = z.object({
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
  creditGrade: z.enum(["A", "B", "C", "D"]),
  blacklisted: z.boolean(),
  blacklistReason: z.string().trim().max(200).nullish(),
});

const vehicleInclude = { homeNode: { select: { code: true, name: true } }, carrier: { select: { code: true } } } as const;

export const vehiclesRouter = router({
  list: countyProcedure.meta({ roles }).query(async ({ ctx, input }) => {
    const vs = await ctx.db.vehicle.findMany({
      where: { countyCode: input.countyCode },
      include: vehicleInclude,
      orderBy: { number: "asc" },
    });
    return vs.map(vehicleView);
  }),
  upsert: countyProcedure
    .meta({ roles, auditTarget: (i) => `vehicle:${(i as { number?: string }).number ?? "?"}` })
    .input(ZVehicleUpsertSchema)
    .mutation(async ({ ctx, input }) => {
      const { countyCode, capacityM3, plate, ...f } = input;
      const v = await saveVehicle(ctx.db, countyCode, {
        ...f,
        plate: plate.toUpperCase().replace(/\s+/g, ""),
        carrierCode: f.carrierCode ?? null,
        capacityL: Math.round(capacityM3 * 1000),
      });
      return vehicleView(v);
    }),
});

export const carriersRouter = router({
  /// Platform-wide: station staff see them too (their manifest page picks the carrier; a blacklisted one is refused).
  list: roleProcedure("ADMIN", "COUNTY_MANAGER", "STATION_STAFF")
    .meta({ roles: ["ADMIN", "COUNTY_MANAGER", "STATION_STAFF"] })
    .query(async ({ ctx }) => {
      const cs = await ctx.db.carrier.findMany({ orderBy: { code: "asc" } });
      return cs.map((c) => ({
        id: c.id,
        code: c.code,
        name: c.name,
        waybillPattern: c.waybillPattern,
        creditGrade: c.creditGrade,
        blacklisted: c.blacklisted,
        blacklistReason: c.blacklistReason,
      }));
    }),
  upsert: adminProcedure
    .meta({ roles: ["ADMIN"], auditTarget: (i) => `carrier:${(i as { code?: string }).code ?? "?"}` })
    .input(
      ZCarrierUpsertSchema.superRefine((c, ctx) => {
        if (c.blacklisted && !c.blacklistReason)
          ctx.addIssue({ code: "custom", path: ["blacklistReason"], message: "BLACKLIST_NEEDS_REASON" });
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const data = {
        ...input,
        waybillPattern: input.waybillPattern ?? null,
        blacklistReason: input.blacklisted ? (input.blacklistReason ?? null) : null,
      };
      const c = await ctx.db.carrier.upsert({ where: { code: input.code }, create: data, update: data });
      return {
        id: c.id,
        code: c.code,
        name: c.name,
        waybillPattern: c.waybillPattern,
        creditGrade: c.creditGrade,
        blacklisted: c.blacklisted,
        blacklistReason: c.blacklistReason,
      };
    }),
});
