// catalog.products: a merchant's products, certifications and images; its county's manager reads them.
import { z } from "zod";
import { ZProductImageSchema, ZProductUpsertSchema } from "@xiangda/domain";
import { addProductImage, removeProductImage } from "../../services/catalog/product-images.ts";
import { getProduct, listProducts, setProductActive, upsertProduct } from "../../services/catalog/products.ts";
import { storageOf } from "../../services/catalog/storage.ts";
import { merchantProcedure, merchantWriteProcedure, router } from "../../trpc.ts";

const productId = z.string().uuid("must be a product id");
const productTarget = (i: unknown, o: unknown) => {
  const id =
    (o as { id?: string } | undefined)?.id ??
    (i as { id?: string; productId?: string } | undefined)?.id ??
    (i as { productId?: string } | undefined)?.productId;
  return id ? `product:${id}` : null;
};

export const productsRouter = router({
  list: merchantProcedure
    .input(z.object({ q: z.string().trim().max(50, "at most 50 characters").optional(), includeInactive: z.boolean().optional() }))
    .query(({ ctx, input }) => listProducts(ctx.db, { ...input, merchantId: ctx.merchant.id })),

  get: merchantProcedure
    .input(z.object({ productId }))
    .query(({ ctx, input }) => getProduct(ctx.db, { actor: ctx.actor, merchantId: ctx.merchant.id, productId: input.productId })),

  upsert: merchantWriteProcedure
    .meta({ auditTarget: productTarget })
    .input(ZProductUpsertSchema)
    .mutation(({ ctx, input }) => {
      const { merchantId, ...fields } = input;
      return upsertProduct(ctx.db, { actor: ctx.actor, merchantId, ...fields });
    }),

  deactivate: merchantWriteProcedure
    .meta({ auditTarget: productTarget })
    .input(z.object({ productId }))
    .mutation(({ ctx, input }) =>
      setProductActive(ctx.db, { actor: ctx.actor, merchantId: ctx.merchant.id, productId: input.productId, active: false }),
    ),

  /// Base64 bytes up to 5 MB; JPEG, PNG or WebP by their magic bytes. The same picture again returns the stored one.
  addImage: merchantWriteProcedure
    .meta({ auditTarget: productTarget })
    .input(ZProductImageSchema)
    .mutation(({ ctx, input }) =>
      addProductImage(ctx.db, { ...input, storage: storageOf(ctx), actor: ctx.actor, merchantId: ctx.merchant.id }),
    ),

  removeImage: merchantWriteProcedure
    .meta({ auditTarget: (i) => `image:${(i as { imageId?: string }).imageId ?? "?"}` })
    .input(z.object({ imageId: z.string().uuid("must be an image id") }))
    .mutation(({ ctx, input }) =>
      removeProductImage(ctx.db, { storage: storageOf(ctx), actor: ctx.actor, merchantId: ctx.merchant.id, imageId: input.imageId }),
    ),
});
