import { listLanes, setLaneStatus, upsertLane, ZLaneStatusSchema, ZLaneUpsertSchema } from "../../services/network/manage-lanes.ts";
import { countyProcedure, router } from "../../trpc.ts";

export const lanesRouter = router({
  list: countyProcedure.query(({ ctx, input }) => listLanes(ctx.db, input)),

  upsert: countyProcedure
    .meta({ auditTarget: (i) => `lane:${(i as { code?: string }).code ?? "?"}` })
    .input(ZLaneUpsertSchema)
    .mutation(({ ctx, input }) => upsertLane(ctx.db, input)),

  setStatus: countyProcedure
    .meta({ auditTarget: (i) => `lane:${(i as { code?: string }).code ?? "?"}` })
    .input(ZLaneStatusSchema)
    .mutation(({ ctx, input }) => setLaneStatus(ctx.db, input)),
});
