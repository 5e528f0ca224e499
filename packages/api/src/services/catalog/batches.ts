// Product batches: each gets a random trace code, printed as QR labels that open the public trace page.
import { randomBytes } from "node:crypto";
import type { Db, Merchant, Prisma } from "@xiangda/db";
import {
  AppError,
  issueAt,
  dateToDay,
  dayToDate,
  makeTraceCode,
  shanghaiDay,
  TRACE_CODE_RANDOM_BYTES,
  type Actor,
  type TBatchCreate,
} from "@xiangda/domain";
import { assertMerchantAccess } from "../auth/scope.ts";
import { areaNames, assertVillageOfCounty } from "./areas.ts";
import { findMerchantProduct } from "./products.ts";

export const batchSelect = {
  id: true,
  productId: true,
  merchantId: true,
  batchNo: true,
  producedOn: true,
  quantity: true,
  originAreaCode: true,
  traceCode: true,
  createdAt: true,
  product: { select: { name: true, spec: true, unit: true } },
} satisfies Prisma.ProductBatchSelect;
type BatchRow = Prisma.ProductBatchGetPayload<{ select: typeof batchSelect }>;

export function batchView(b: BatchRow, names: Map<string, string>) {
  return {
    id: b.id,
    productId: b.productId,
    productName: b.product.name,
    productSpec: b.product.spec,
    merchantId: b.merchantId,
    batchNo: b.batchNo,
    producedOn: dateToDay(b.producedOn),
    quantity: b.quantity,
    originAreaCode: b.originAreaCode,
    originAreaName: names.get(b.originAreaCode) ?? null,
    traceCode: b.traceCode,
    createdAt: b.createdAt.toISOString(),
  };
}
export type TBatchView = ReturnType<typeof batchView>;

/// The public page a batch's QR code opens.
export const traceUrl = (publicUrl: string, traceCode: string) => `${publicUrl.replace(/\/+$/, "")}/t/${traceCode}`;

export async function createBatch(
  db: Db,
  { actor, merchant, now, ...input }: { actor: Actor; merchant: Merchant; now: Date } & TBatchCreate,
) {
  const product = await findMerchantProduct(db, actor, merchant.id, input.productId);
  if (!product.active) throw AppError.at("productId", "PRODUCT_DEACTIVATED");
  if (input.producedOn > shanghaiDay(now)) throw AppError.at("producedOn", "NOT_IN_FUTURE");
  const origin = input.originAreaCode ?? merchant.originAreaCode;
  if (!origin) throw AppError.at("originAreaCode", "MERCHANT_NO_ORIGIN");
  await assertVillageOfCounty(db, merchant.countyCode, origin, "originAreaCode");
  const duplicate = () =>
    AppError.of("CONFLICT", "BATCH_NO_TAKEN", { batchNo: input.batchNo }, { issues: [issueAt("batchNo", "BATCH_TAKEN")] });
  const taken = async () =>
    !!(await db.productBatch.findUnique({ where: { productId_batchNo: { productId: product.id, batchNo: input.batchNo } } }));
  if (await taken()) throw duplicate();
  // 80 random bits: a clash is next to impossible, but the unique index has the last word.
  for (let attempt = 0; ; attempt++) {
    try {
      const b = await db.productBatch.create({
        data: {
          productId: product.id,
          merchantId: merchant.id,
          batchNo: input.batchNo,
          producedOn: dayToDate(input.producedOn),
          quantity: input.quantity,
          originAreaCode: origin,
          traceCode: makeTraceCode(randomBytes(TRACE_CODE_RANDOM_BYTES)),
        },
        select: batchSelect,
      });
      return batchView(b, await areaNames(db, [b.originAreaCode]));
    } catch (e) {
      if ((e as { code?: string }).code !== "P2002") throw e;
      // Either a concurrent batch took the number, or (next to never) the trace code was taken.
      if (await taken()) throw duplicate();
      if (attempt >= 4) throw e;
    }
  }
}

export async function listBatches(
  db: Db,
  { actor, merchantId, productId, limit }: { actor: Actor; merchantId: string; productId: string; limit: number },
) {
  await findMerchantProduct(db, actor, merchantId, productId);
  const rows = await db.productBatch.findMany({
    where: { productId },
    select: batchSelect,
    orderBy: [{ producedOn: "desc" }, { createdAt: "desc" }],
    take: limit,
  });
  const names = await areaNames(
    db,
    rows.map((r) => r.originAreaCode),
  );
  return rows.map((b) => batchView(b, names));
}

/// A batch to print labels for: the merchant's own users, its county's manager, ADMIN.
export async function batchForLabels(db: Db, { actor, batchId }: { actor: Actor; batchId: string }) {
  const b = await db.productBatch.findUnique({
    where: { id: batchId },
    select: { ...batchSelect, merchant: { select: { name: true } } },
  });
  if (!b) {
    if (actor.role === "ADMIN") throw AppError.notFound("Batch not found");
    throw AppError.forbidden("No access to this batch");
  }
  // Same answer as a missing batch: the message must not tell that it exists.
  await assertMerchantAccess(db, actor, b.merchantId).catch(() => {
    throw AppError.forbidden("No access to this batch");
  });
  return { ...batchView(b, await areaNames(db, [b.originAreaCode])), merchantName: b.merchant.name };
}
