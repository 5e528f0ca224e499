// catalog.counters: the county's poverty-alleviation counters and who runs them.
import { z } from "zod";
import { ZCounterOperatorsSchema, ZCounterUpsertSchema, ZCountyCodeSchema } from "@xiangda/domain";
import { getCounter, listCounters, setCounterOperators, upsertCounter } from "../../services/catalog/counters.ts";
import { counterProcedure, countyProcedure, roleProcedure, router } from "../../trpc.ts";

export const countersRouter = router({
  /// ADMIN and managers by county; a COUNTER_OPERATOR the counters they run; a MERCHANT its county's counters
  /// (where it may list products), without their operators.
  list: roleProcedure("ADMIN", "COUNTY_MANAGER", "COUNTER_OPERATOR", "MERCHANT")
    .input(z.object({ countyCode: ZCountyCodeSchema.optional(), includeInactive: z.boolean().optional() }).default({}))
    .query(({ ctx, input }) => listCounters(ctx.db, { actor: ctx.actor, ...input })),

  get: counterProcedure.query(({ ctx }) => getCounter(ctx.db, ctx.counter.id)),

  upsert: countyProcedure
    .meta({
      auditTarget: (i) => `counter:${(i as { countyCode?: string }).countyCode ?? "?"}/${(i as { code?: string }).code ?? "?"}`,
    })
    .input(ZCounterUpsertSchema)
    .mutation(({ ctx, input }) => {
      const { countyCode, ...fields } = input;
      return upsertCounter(ctx.db, { countyCode, ...fields });
    }),

  /// The whole list of operators; users are created by users.create with role COUNTER_OPERATOR.
  setOperators: countyProcedure
    .meta({ auditTarget: (i) => `counter:${(i as { counterId?: string }).counterId ?? "?"}` })
    .input(ZCounterOperatorsSchema)
    .mutation(({ ctx, input }) => {
      const { countyCode, ...fields } = input;
      return setCounterOperators(ctx.db, { countyCode, ...fields });
    }),
});
