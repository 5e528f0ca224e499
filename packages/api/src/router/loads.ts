// Consolidated delivery, read side: the loads in the caller's scope and one load with its vehicles and stops.
import { getLoad } from "../services/loads/get-load.ts";
import { listLoads } from "../services/loads/list-loads.ts";
import { ZLoadListSchema, ZLoadRefSchema } from "../services/loads/schemas.ts";
import { z } from "zod";
import { savingsByDay } from "../services/consolidation/savings.ts";
import { countyProcedure, roleProcedure, router } from "../trpc.ts";

const roles = ["ADMIN", "COUNTY_MANAGER", "STATION_STAFF"] as const;
/// Scope (county, node, milk runs calling at a node) is decided per load in services/loads/load-scope.ts.
const loadsProcedure = roleProcedure(...roles);

export const loadsRouter = router({
  list: loadsProcedure.input(ZLoadListSchema).query(({ ctx, input }) => listLoads(ctx.db, { actor: ctx.actor, ...input })),
  get: loadsProcedure.input(ZLoadRefSchema).query(({ ctx, input }) => getLoad(ctx.db, { actor: ctx.actor, ...input })),

  /// Per day and lane: loads, vehicles, fill, km, and the per-carrier baseline (trips and km saved).
  savings: countyProcedure
    .input(
      z
        .object({ from: z.string().date("must be a date YYYY-MM-DD"), to: z.string().date("must be a date YYYY-MM-DD") })
        .refine((x) => x.from <= x.to, { message: "FROM_AFTER_TO", path: ["from"] }),
    )
    .query(({ ctx, input }) =>
      savingsByDay(ctx.db, {
        countyCode: input.countyCode,
        from: new Date(`${input.from}T00:00:00+08:00`),
        to: new Date(new Date(`${input.to}T00:00:00+08:00`).getTime() + 86_400_000),
      }),
    ),
});
