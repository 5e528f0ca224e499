import { z } from "zod";
import { setPoorVillages } from "../../services/network/poor-villages.ts";
import { countyProcedure, router } from "../../trpc.ts";

export const areasRouter = router({
  setPoor: countyProcedure
    .meta({
      auditTarget: (i) => `areas:${((i as { codes?: string[] }).codes ?? []).slice(0, 5).join(",")}`,
    })
    .input(
      z.object({
        codes: z
          .array(z.string().regex(/^\d{12}$/, "must be a 12-digit code"))
          .min(1)
          .max(5000),
        isPoor: z.boolean(),
      }),
    )
    .mutation(async ({ ctx, input }) => ({
      updated: await setPoorVillages(ctx.db, { countyCode: input.countyCode, codes: input.codes, isPoor: input.isPoor }),
    })),
});
