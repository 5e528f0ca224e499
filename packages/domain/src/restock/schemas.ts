// The inputs of a restock order that a form sends, shared by the API (restock.create's input) and the web app's order
// form: its lines and the order (idempotent by clientRef).
import { z } from "zod";

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
