// catalog.merchants: the county's merchants (manager, ADMIN) and a merchant's own record.
import { z } from "zod";
import { ZMerchantContactSchema, ZMerchantUpsertSchema } from "@xiangda/domain";
import { getMerchant, listMerchants, setMerchantContact, upsertMerchant } from "../../services/catalog/merchants.ts";
import { countyProcedure, merchantProcedure, router } from "../../trpc.ts";

const target = (_i: unknown, o: unknown) => (o ? `merchant:${(o as { id: string }).id}` : null);

export const merchantsRouter = router({
  /// Contacts masked: a list does not need them.
  list: countyProcedure
    .input(z.object({ q: z.string().trim().max(50, "at most 50 characters").optional(), includeInactive: z.boolean().optional() }))
    .query(({ ctx, input }) => listMerchants(ctx.db, input)),

  get: merchantProcedure.query(({ ctx }) => getMerchant(ctx.db, ctx.merchant.id)),

  upsert: countyProcedure
    .meta({ auditTarget: target })
    .input(ZMerchantUpsertSchema)
    .mutation(({ ctx, input }) => {
      const { countyCode, ...fields } = input;
      return upsertMerchant(ctx.db, { countyCode, ...fields });
    }),

  /// The one thing a merchant edits about itself: whom to call.
  setContact: merchantProcedure
    .input(ZMerchantContactSchema)
    .mutation(({ ctx, input }) => setMerchantContact(ctx.db, { ...input, merchantId: ctx.merchant.id })),
});
