// A merchant's products with their certifications; images are in product-images.ts.
import type { Db, Prisma, Tx } from "@xiangda/db";
import { AppError, issueAt, dateToDay, dayToDate, type Actor, type TProductUpsert } from "@xiangda/domain";
import { optional } from "./areas.ts";
import { likeText } from "../like.ts";

export const productInclude = {
  certifications: { orderBy: { kind: "asc" } },
  images: { orderBy: [{ position: "asc" }, { createdAt: "asc" }] },
} satisfies Prisma.ProductInclude;
type ProductRow = Prisma.ProductGetPayload<{ include: typeof productInclude }>;

/// Where the API serves an image; the key is random, so the URL is the only way to it.
export const imageUrl = (storageKey: string) => `/images/${storageKey}`;

export function imageView(i: ProductRow["images"][number]) {
  return {
    id: i.id,
    url: imageUrl(i.storageKey),
    contentType: i.contentType,
    sizeBytes: i.sizeBytes,
    width: i.width,
    height: i.height,
    position: i.position,
  };
}

export function productView(p: ProductRow) {
  return {
    id: p.id,
    merchantId: p.merchantId,
    name: p.name,
    category: p.category,
    unit: p.unit,
    spec: p.spec,
    unitWeightG: p.unitWeightG,
    temp: p.temp,
    shelfLifeDays: p.shelfLifeDays,
    regionalBrand: p.regionalBrand,
    description: p.description,
    active: p.active,
    certifications: p.certifications.map((c) => ({ kind: c.kind, number: c.number, validUntil: dateToDay(c.validUntil) })),
    images: p.images.map(imageView),
    updatedAt: p.updatedAt.toISOString(),
  };
}
export type TProductView = ReturnType<typeof productView>;

/// A product of this merchant. Another merchant's product is answered like a missing one.
export async function findMerchantProduct(db: Tx, actor: Actor, merchantId: string, productId: string) {
  const p = await db.product.findUnique({ where: { id: productId } });
  if (p && p.merchantId === merchantId) return p;
  if (actor.role === "ADMIN") throw AppError.notFound("No such product of this merchant", { issues: [issueAt("productId", "NOT_FOUND")] });
  throw AppError.forbidden("No access to this product");
}

export async function listProducts(
  db: Db,
  { merchantId, ...filter }: { merchantId: string } & { q?: string | undefined; includeInactive?: boolean | undefined },
) {
  const rows = await db.product.findMany({
    where: {
      merchantId,
      ...(filter.includeInactive ? {} : { active: true }),
      ...(filter.q ? { name: { contains: likeText(filter.q), mode: "insensitive" as const } } : {}),
    },
    include: productInclude,
    orderBy: [{ name: "asc" }, { spec: "asc" }],
    take: 1000,
  });
  return rows.map(productView);
}

export async function getProduct(db: Tx, { actor, merchantId, productId }: { actor: Actor; merchantId: string; productId: string }) {
  await findMerchantProduct(db, actor, merchantId, productId);
  return productView(await db.product.findUniqueOrThrow({ where: { id: productId }, include: productInclude }));
}

/// Creates or updates a product: by id, else by its name and spec; certifications are set as a whole. Two creates of
/// the same name and spec at once store one product: the one that loses the unique key updates the winner's.
export async function upsertProduct(
  db: Db,
  { actor, merchantId, ...input }: { actor: Actor; merchantId: string } & TProductUpsert,
): Promise<ReturnType<typeof productView>> {
  try {
    return await saveProduct(db, actor, merchantId, input);
  } catch (e) {
    if (input.id || (e as { code?: string }).code !== "P2002") throw e;
    return saveProduct(db, actor, merchantId, input);
  }
}

async function saveProduct(db: Db, actor: Actor, merchantId: string, input: TProductUpsert) {
  const spec = optional(input.spec) ?? null;
  const sameKey = await db.product.findFirst({ where: { merchantId, name: input.name, spec }, select: { id: true } });
  let id: string | null = sameKey?.id ?? null;
  if (input.id) {
    const own = await findMerchantProduct(db, actor, merchantId, input.id);
    if (sameKey && sameKey.id !== own.id)
      throw AppError.of(
        "CONFLICT",
        "PRODUCT_NAME_TAKEN",
        { name: `${input.name}${spec ? ` (${spec})` : ""}` },
        { issues: [issueAt("name", "NAME_TAKEN_PRODUCT")] },
      );
    id = own.id;
  }
  const data = {
    name: input.name,
    category: input.category,
    unit: input.unit,
    spec,
    unitWeightG: input.unitWeightG,
    temp: input.temp,
    shelfLifeDays: input.shelfLifeDays,
    regionalBrand: optional(input.regionalBrand),
    description: optional(input.description),
  };
  const saved = await db.$transaction(async (tx) => {
    const p = id ? await tx.product.update({ where: { id }, data }) : await tx.product.create({ data: { ...data, merchantId } });
    if (input.certifications) {
      const kinds = input.certifications.map((c) => c.kind);
      await tx.productCertification.deleteMany({ where: { productId: p.id, kind: { notIn: kinds } } });
      for (const c of input.certifications) {
        const fields = { number: c.number, validUntil: dayToDate(c.validUntil) };
        await tx.productCertification.upsert({
          where: { productId_kind: { productId: p.id, kind: c.kind } },
          update: fields,
          create: { ...fields, productId: p.id, kind: c.kind },
        });
      }
    }
    return tx.product.findUniqueOrThrow({ where: { id: p.id }, include: productInclude });
  });
  return productView(saved);
}

export async function setProductActive(
  db: Db,
  { actor, merchantId, productId, active }: { actor: Actor; merchantId: string; productId: string; active: boolean },
) {
  await findMerchantProduct(db, actor, merchantId, productId);
  return productView(await db.product.update({ where: { id: productId }, data: { active }, include: productInclude }));
}
