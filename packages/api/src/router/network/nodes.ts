import {
  listNodes,
  setNodeStatus,
  upsertNode,
  ZNodeListSchema,
  ZNodeStatusSchema,
  ZNodeUpsertSchema,
} from "../../services/network/manage-nodes.ts";
import { countyProcedure, router } from "../../trpc.ts";

const roles = ["ADMIN", "COUNTY_MANAGER"] as const;

export const nodesRouter = router({
  list: countyProcedure
    .meta({ roles })
    .input(ZNodeListSchema)
    .query(({ ctx, input }) => listNodes(ctx.db, input)),

  upsert: countyProcedure
    .meta({ roles, auditTarget: (i) => `node:${(i as { code?: string }).code ?? "?"}` })
    .input(ZNodeUpsertSchema)
    .mutation(({ ctx, input }) => upsertNode(ctx.db, input)),

  setStatus: countyProcedure
    .meta({ roles, auditTarget: (i) => `node:${(i as { code?: string }).code ?? "?"}` })
    .input(ZNodeStatusSchema)
    .mutation(({ ctx, input }) => setNodeStatus(ctx.db, input)),
});
