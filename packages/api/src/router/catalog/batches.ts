// catalog.batches: production batches of a merchant's products, each with its trace code.
import { z } from "zod";
import { ZBatchCreateSchema } from "@xiangda/domain";
import { createBatch, listBatches } from "../../services/catalog/batches.ts";
import { merchantProcedure, merchantWriteProcedure, router } from "../../trpc.ts";

export const batchesRouter = router({
  create: merchantWriteProcedure
    .meta({ auditTarget: (_i, o) => (o ? `batch:${(o as { id: string }).id}` : null) })
    .input(ZBatchCreateSchema)
    .mutation(({ ctx, input }) => {
      const { merchantId: _m, ...fields } = input;
      return createBatch(ctx.db, { actor: ctx.actor, merchant: ctx.merchant, now: ctx.now(), ...fields });
    }),

  /// Newest production first.
  list: merchantProcedure
    .input(z.object({ productId: z.string().uuid("must be a product id"), limit: z.number().int().min(1).max(500).default(100) }))
    .query(({ ctx, input }) =>
      listBatches(ctx.db, { actor: ctx.actor, merchantId: ctx.merchant.id, productId: input.productId, limit: input.limit }),
    ),
});
