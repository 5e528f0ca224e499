import {
  listCarriers,
  listVehicles,
  upsertCarrier,
  upsertVehicle,
  ZCarrierUpsertSchema,
  ZVehicleUpsertSchema,
} from "../../services/network/fleet.ts";
import { adminProcedure, countyProcedure, roleProcedure, router } from "../../trpc.ts";

export const vehiclesRouter = router({
  list: countyProcedure.query(({ ctx, input }) => listVehicles(ctx.db, input)),
  upsert: countyProcedure
    .meta({ auditTarget: (i) => `vehicle:${(i as { number?: string }).number ?? "?"}` })
    .input(ZVehicleUpsertSchema)
    .mutation(({ ctx, input }) => upsertVehicle(ctx.db, input)),
});

export const carriersRouter = router({
  /// Platform-wide: station staff see them too (their manifest page picks the carrier; a blacklisted one is refused).
  list: roleProcedure("ADMIN", "COUNTY_MANAGER", "STATION_STAFF").query(({ ctx }) => listCarriers(ctx.db)),
  upsert: adminProcedure
    .meta({ auditTarget: (i) => `carrier:${(i as { code?: string }).code ?? "?"}` })
    .input(ZCarrierUpsertSchema)
    .mutation(({ ctx, input }) => upsertCarrier(ctx.db, input)),
});
