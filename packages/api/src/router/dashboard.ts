// The county dashboard (issue #8): map, coverage, live lights and the RED list, and indicators over days read from
// the daily roll-ups. ADMIN any county, a COUNTY_MANAGER their own. Procedures only route; services do the work.
import { consolidation, counters, lightHistory, onTime, volumes } from "../services/dashboard/indicators.ts";
import { lights, nodePanel, notifyRed } from "../services/dashboard/lights.ts";
import { countyMap, coverageIndicator, dashboardFilters } from "../services/dashboard/map.ts";
import { ZDashboardFilterSchema, ZHistorySchema, ZLightsFilterSchema, ZNodeRefSchema } from "../services/dashboard/schemas.ts";
import { countyProcedure, router } from "../trpc.ts";

const dashboardProcedure = countyProcedure;

export const dashboardRouter = router({
  map: dashboardProcedure.query(({ ctx, input }) => countyMap(ctx.db, { countyCode: input.countyCode, now: ctx.now() })),
  node: dashboardProcedure.input(ZNodeRefSchema).query(({ ctx, input }) => nodePanel(ctx.db, { now: ctx.now(), ...input })),
  coverage: dashboardProcedure.query(({ ctx, input }) => coverageIndicator(ctx.db, input.countyCode)),
  lights: dashboardProcedure.input(ZLightsFilterSchema).query(({ ctx, input }) => lights(ctx.db, { now: ctx.now(), ...input })),

  /// Marks the node's new RED alerts as chased and queues one message to its contact and staff.
  notifyRed: dashboardProcedure
    .meta({ auditTarget: (i) => `node:${(i as { nodeId?: string } | undefined)?.nodeId ?? "?"}` })
    .input(ZNodeRefSchema)
    .mutation(({ ctx, input }) => notifyRed(ctx.db, { actor: ctx.actor, now: ctx.now(), ...input, requestId: ctx.req.requestId })),

  volumes: dashboardProcedure.input(ZDashboardFilterSchema).query(({ ctx, input }) => volumes(ctx.db, input)),
  onTime: dashboardProcedure.input(ZDashboardFilterSchema).query(({ ctx, input }) => onTime(ctx.db, input)),
  consolidation: dashboardProcedure.input(ZDashboardFilterSchema).query(({ ctx, input }) => consolidation(ctx.db, input)),
  counters: dashboardProcedure.input(ZDashboardFilterSchema).query(({ ctx, input }) => counters(ctx.db, input)),
  history: dashboardProcedure.input(ZHistorySchema).query(({ ctx, input }) => lightHistory(ctx.db, input)),
  filters: dashboardProcedure.query(({ ctx, input }) => dashboardFilters(ctx.db, input.countyCode)),
});
