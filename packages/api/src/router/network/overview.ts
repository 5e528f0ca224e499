import { findCoverage } from "../../services/network/coverage.ts";
import { countyTree } from "../../services/network/tree.ts";
import { countyProcedure } from "../../trpc.ts";

const roles = ["ADMIN", "COUNTY_MANAGER"] as const;

export const coverage = countyProcedure.meta({ roles }).query(async ({ ctx, input }) => {
  const { coveredBy: _c, ...figures } = await findCoverage(ctx.db, input);
  return figures;
});

export const tree = countyProcedure.meta({ roles }).query(({ ctx, input }) => countyTree(ctx.db, input.countyCode, ctx.actor));
