// Vehicles of a county and the platform's carriers, as the fleet page lists and saves them.
import { z } from "zod";
import type { Carrier, Db } from "@xiangda/db";
import { COLD_CLASSES, CREDIT_GRADES, ENERGY_TYPES, VEHICLE_STATUSES } from "@xiangda/domain";
import { saveVehicle } from "./forms.ts";
import { vehicleView } from "./views.ts";

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

const vehicleInclude = { homeNode: { select: { code: true, name: true } }, carrier: { select: { code: true } } } as const;

export async function listVehicles(db: Db, input: { countyCode: string }) {
  const vs = await db.vehicle.findMany({ where: { countyCode: input.countyCode }, include: vehicleInclude, orderBy: { number: "asc" } });
  return vs.map(vehicleView);
}

export async function upsertVehicle(db: Db, input: { countyCode: string } & z.infer<typeof ZVehicleUpsertSchema>) {
  const { countyCode, capacityM3, plate, ...f } = input;
  const v = await saveVehicle(db, countyCode, {
    ...f,
    plate: plate.toUpperCase().replace(/\s+/g, ""),
    carrierCode: f.carrierCode ?? null,
    capacityL: Math.round(capacityM3 * 1000),
  });
  return vehicleView(v);
}

function carrierView(c: Carrier) {
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    waybillPattern: c.waybillPattern,
    creditGrade: c.creditGrade,
    blacklisted: c.blacklisted,
    blacklistReason: c.blacklistReason,
  };
}

export async function listCarriers(db: Db) {
  return (await db.carrier.findMany({ orderBy: { code: "asc" } })).map(carrierView);
}

export async function upsertCarrier(db: Db, input: z.infer<typeof ZCarrierUpsertSchema>) {
  const data = {
    ...input,
    waybillPattern: input.waybillPattern ?? null,
    blacklistReason: input.blacklisted ? (input.blacklistReason ?? null) : null,
  };
  return carrierView(await db.carrier.upsert({ where: { code: input.code }, create: data, update: data }));
}
