// The catalog (issue #7): merchants, their products and batches, and the counters that sell them.
import { router } from "../trpc.ts";
import { batchesRouter } from "./catalog/batches.ts";
import { countersRouter } from "./catalog/counters.ts";
import { merchantsRouter } from "./catalog/merchants.ts";
import { productsRouter } from "./catalog/products.ts";

export const catalogRouter = router({
  merchants: merchantsRouter,
  products: productsRouter,
  batches: batchesRouter,
  counters: countersRouter,
});
