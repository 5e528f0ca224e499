// Restock orders for counters: the counter or the merchant drafts, the merchant confirms (its parcels are
// created and routed), either side sees the order and where its parcels are; the county sees them all.
import { assertParties, orderFor } from "../services/restock/access.ts";
import { cancelRestock, confirmRestock } from "../services/restock/confirm-restock.ts";
import { createRestock } from "../services/restock/create-restock.ts";
import { listRestocks } from "../services/restock/list-restock.ts";
import { restockView } from "../services/restock/restock-views.ts";
import { ZRestockCreateSchema, ZRestockListSchema, ZRestockOrderRefSchema } from "../services/restock/schemas.ts";
import { roleProcedure, router } from "../trpc.ts";

const PARTIES = ["ADMIN", "COUNTY_MANAGER", "MERCHANT", "COUNTER_OPERATOR"] as const;
const CONFIRMERS = ["ADMIN", "COUNTY_MANAGER", "MERCHANT"] as const;
const partyProcedure = roleProcedure(...PARTIES);
const orderTarget = (i: unknown, o: unknown) => {
  const no = o && typeof o === "object" && "orderNo" in o ? String((o as { orderNo: string }).orderNo) : null;
  const id = i && typeof i === "object" && "orderId" in i ? String((i as { orderId: string }).orderId) : null;
  return no ? `restock:${no}` : id ? `restock:${id}` : null;
};

export const restockRouter = router({
  /// A DRAFT order; the same clientRef again returns the first order.
  create: partyProcedure
    .meta({ auditTarget: orderTarget })
    .input(ZRestockCreateSchema)
    .mutation(async ({ ctx, input }) => {
      const { counter } = await assertParties(ctx.db, { actor: ctx.actor, counterId: input.counterId, merchantId: input.merchantId });
      const id = await createRestock(ctx.db, { actor: ctx.actor, countyCode: counter.countyCode, now: ctx.now(), ...input });
      return restockView(ctx.db, id);
    }),

  /// Creates and routes the parcels; confirming again (or concurrently) answers with the same parcels.
  confirm: roleProcedure(...CONFIRMERS)
    .meta({ auditTarget: orderTarget })
    .input(ZRestockOrderRefSchema)
    .mutation(async ({ ctx, input }) => {
      await orderFor(ctx.db, { actor: ctx.actor, orderId: input.orderId, action: "confirm" });
      await confirmRestock(ctx.db, { actor: ctx.actor, orderId: input.orderId, now: ctx.now() });
      return restockView(ctx.db, input.orderId);
    }),

  /// A DRAFT only: the merchant, the county, or the counter for an order the counter made.
  cancel: partyProcedure
    .meta({ auditTarget: orderTarget })
    .input(ZRestockOrderRefSchema)
    .mutation(async ({ ctx, input }) => {
      await orderFor(ctx.db, { actor: ctx.actor, orderId: input.orderId, action: "cancel" });
      await cancelRestock(ctx.db, { orderId: input.orderId, now: ctx.now() });
      return restockView(ctx.db, input.orderId);
    }),

  list: partyProcedure.input(ZRestockListSchema).query(({ ctx, input }) => listRestocks(ctx.db, { actor: ctx.actor, ...input })),

  get: partyProcedure.input(ZRestockOrderRefSchema).query(async ({ ctx, input }) => {
    await orderFor(ctx.db, { actor: ctx.actor, orderId: input.orderId, action: "read" });
    return restockView(ctx.db, input.orderId);
  }),
});
