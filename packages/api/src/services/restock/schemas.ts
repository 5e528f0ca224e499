// Inputs of restock orders: creation (idempotent by clientRef), the order reference, and the list filter.
import { z } from "zod";
import { ZCountyCodeSchema } from "@xiangda/domain";

const uuid = (what: string) => z.string().uuid(`must be a ${what} id`);

export const ZRestockLineSchema = z.object({
  listingId: uuid("listing"),
  quantity: z.number().int("whole units").min(1, "must be more than 0").max(100_000, "at most 100000 units"),
  /// The batch the units come from (its trace code goes on the label); must be of the listing's product.
  batchId: uuid("batch").optional(),
});

export const ZRestockCreateSchema = z.object({
  counterId: uuid("counter"),
  merchantId: uuid("merchant"),
  lines: z.array(ZRestockLineSchema).min(1, "at least one line").max(100, "at most 100 lines"),
  note: z.string().trim().max(200, "at most 200 characters").optional(),
  /// The client's idempotency key: a retry with the same key returns the first order.
  clientRef: z.string().trim().min(8, "at least 8 characters").max(64, "at most 64 characters"),
});
export type TRestockCreate = z.infer<typeof ZRestockCreateSchema>;

export const ZRestockOrderRefSchema = z.object({ orderId: uuid("restock order") });

export const RESTOCK_STATUSES = ["DRAFT", "CONFIRMED", "CANCELLED"] as const;

/// One scope: a merchant's orders, a counter's orders, or a county's; none means the caller's own.
export const ZRestockListSchema = z
  .object({
    merchantId: uuid("merchant").optional(),
    counterId: uuid("counter").optional(),
    countyCode: ZCountyCodeSchema.optional(),
    status: z.enum(RESTOCK_STATUSES).optional(),
    limit: z.number().int().min(1).max(100).default(50),
    /// The last order id of the previous page.
    cursor: uuid("restock order").optional(),
  })
  .refine((v) => [v.merchantId, v.counterId, v.countyCode].filter(Boolean).length <= 1, {
    message: "GIVE_ONE_SCOPE",
    path: ["merchantId"],
  });
export type TRestockList = z.infer<typeof ZRestockListSchema>;
