// Vehicles of a county and the platform's carriers, as the fleet page lists and saves them.
import type { z } from "zod";
import type { Carrier, Db } from "@xiangda/db";
import { ZCarrierUpsertSchema, ZVehicleUpsertSchema } from "@xiangda/domain";
import { saveVehicle } from "./forms.ts";
import { vehicleView } from "./views.ts";

export { ZCarrierUpsertSchema, ZVehicleUpsertSchema };

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
