import { merchantProcedure, router } from "../trpc.ts";

export const merchantRouter = router({
  overview: merchantProcedure.query(({ ctx }) => ({
    merchant: { id: ctx.merchant.id, name: ctx.merchant.name, countyCode: ctx.merchant.countyCode },
  })),
});
