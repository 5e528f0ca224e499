import {
  listNodes,
  setNodeStatus,
  upsertNode,
  ZNodeListSchema,
  ZNodeStatusSchema,
  ZNodeUpsertSchema,
} from "../../services/network/manage-nodes.ts";
import { countyProcedure, router } from "../../trpc.ts";

export const nodesRouter = router({
  list: countyProcedure.input(ZNodeListSchema).query(({ ctx, input }) => listNodes(ctx.db, input)),

  upsert: countyProcedure
    .meta({ auditTarget: (i) => `node:${(i as { code?: string }).code ?? "?"}` })
    .input(ZNodeUpsertSchema)
    .mutation(({ ctx, input }) => upsertNode(ctx.db, input)),

  setStatus: countyProcedure
    .meta({ auditTarget: (i) => `node:${(i as { code?: string }).code ?? "?"}` })
    .input(ZNodeStatusSchema)
    .mutation(({ ctx, input }) => setNodeStatus(ctx.db, input)),
});
