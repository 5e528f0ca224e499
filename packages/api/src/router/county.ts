import { listCounties } from "../services/areas/list-counties.ts";
import { countyOverview } from "../services/areas/county-overview.ts";
import { countyProcedure, roleProcedure, router } from "../trpc.ts";

export const countyRouter = router({
  list: roleProcedure("ADMIN", "COUNTY_MANAGER").query(({ ctx }) => listCounties(ctx.db, { actor: ctx.actor })),

  overview: countyProcedure.query(({ ctx, input }) => countyOverview(ctx.db, input.countyCode)),
});
