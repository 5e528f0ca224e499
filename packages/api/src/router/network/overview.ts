import { findCoverage } from "../../services/network/coverage.ts";
import { countyTree } from "../../services/network/tree.ts";
import { countyProcedure } from "../../trpc.ts";

export const coverage = countyProcedure.query(async ({ ctx, input }) => {
  const { coveredBy: _c, ...figures } = await findCoverage(ctx.db, input);
  return figures;
});

export const tree = countyProcedure.query(({ ctx, input }) => countyTree(ctx.db, { countyCode: input.countyCode, actor: ctx.actor }));
