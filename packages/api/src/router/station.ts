import { getStationOverview } from "../services/station/station-overview.ts";
import { expectedAtNode, ZExpectedSchema } from "../services/station/expected.ts";
import { stationProcedure, router } from "../trpc.ts";

export const stationRouter = router({
  overview: stationProcedure.query(({ ctx }) => getStationOverview(ctx.db, { nodeId: ctx.node.id })),

  /// Expected vs scanned (services/station/expected.ts): a manifest received at `nodeId`, or a load leaving from or coming
  /// to it; anything else is refused without naming what it is.
  expected: stationProcedure.input(ZExpectedSchema).query(({ ctx, input }) => expectedAtNode(ctx.db, { node: ctx.node, ...input })),
});
