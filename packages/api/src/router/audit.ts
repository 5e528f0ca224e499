import { z } from "zod";
import { listAudit } from "../services/audit/list-audit.ts";
import { roleProcedure, router } from "../trpc.ts";

export const auditRouter = router({
  list: roleProcedure("ADMIN", "COUNTY_MANAGER")
    .input(
      z.object({ limit: z.number().int().min(1).max(500).default(100), action: z.string().max(100).optional() }).default({ limit: 100 }),
    )
    .query(({ ctx, input }) => listAudit(ctx.db, { actor: ctx.actor, ...input })),
});
