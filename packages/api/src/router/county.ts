import { countyOverview } from "../services/areas/county-overview.ts";
import { countyProcedure, roleProcedure, router } from "../trpc.ts";

export const countyRouter = router({
  /// Counties the caller may open: ADMIN all imported ones, a manager their own.
  list: roleProcedure("ADMIN", "COUNTY_MANAGER")
    .meta({ roles: ["ADMIN", "COUNTY_MANAGER"] })
    .query(async ({ ctx }) => {
      const where = ctx.actor.role === "ADMIN" ? {} : { code: ctx.actor.countyCode ?? "" };
      const rows = await ctx.db.county.findMany({ where, orderBy: { code: "asc" } });
      return rows.map((c) => ({ code: c.code, name: c.name }));
    }),

  overview: countyProcedure
    .meta({ roles: ["ADMIN", "COUNTY_MANAGER"] })
    .query(({ ctx, input }) => countyOverview(ctx.db, input.countyCode)),
});
