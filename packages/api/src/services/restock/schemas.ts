// Inputs of restock orders: creation (idempotent by clientRef; @xiangda/domain's, shared with the web app's order
// form), the order reference, and the list filter.
import { z } from "zod";
import { ZCountyCodeSchema } from "@xiangda/domain";

export { ZRestockCreateSchema, ZRestockLineSchema, type TRestockCreate } from "@xiangda/domain";

const uuid = (what: string) => z.string().uuid(`must be a ${what} id`);

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
