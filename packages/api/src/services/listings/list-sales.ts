// Sales of a counter, or of a merchant across its counters, over Asia/Shanghai days, newest first,
// with the totals of the whole range (the page may be shorter).
import type { Db, Prisma } from "@xiangda/db";
import { shanghaiDaysRange } from "./days.ts";

const saleSelect = {
  id: true,
  listingId: true,
  counterId: true,
  batchId: true,
  quantity: true,
  unitPriceFen: true,
  amountFen: true,
  soldAt: true,
  clientRef: true,
  source: true,
  importRunId: true,
  createdAt: true,
  listing: { select: { merchantId: true, product: { select: { id: true, name: true, spec: true, unit: true } } } },
  counter: { select: { code: true, name: true } },
} satisfies Prisma.CounterSaleSelect;

async function listSales(db: Db, where: Prisma.CounterSaleWhereInput, limit: number) {
  const [rows, agg] = await Promise.all([
    db.counterSale.findMany({ where, orderBy: [{ soldAt: "desc" }, { id: "asc" }], take: limit, select: saleSelect }),
    db.counterSale.aggregate({ where, _count: { _all: true }, _sum: { quantity: true, amountFen: true } }),
  ]);
  return {
    sales: rows.map(({ listing, counter, ...s }) => ({
      ...s,
      merchantId: listing.merchantId,
      productId: listing.product.id,
      productName: listing.product.name,
      productSpec: listing.product.spec,
      productUnit: listing.product.unit,
      counterCode: counter.code,
      counterName: counter.name,
    })),
    totals: { sales: agg._count._all, quantity: agg._sum.quantity ?? 0, amountFen: agg._sum.amountFen ?? 0 },
  };
}

export function listCounterSales(db: Db, input: { counterId: string; from: string; to: string; limit: number }) {
  const { start, end } = shanghaiDaysRange(input.from, input.to);
  return listSales(db, { counterId: input.counterId, soldAt: { gte: start, lt: end } }, input.limit);
}

export function listMerchantSales(
  db: Db,
  input: { merchantId: string; counterId?: string | undefined; from: string; to: string; limit: number },
) {
  const { start, end } = shanghaiDaysRange(input.from, input.to);
  return listSales(
    db,
    {
      listing: { merchantId: input.merchantId },
      ...(input.counterId ? { counterId: input.counterId } : {}),
      soldAt: { gte: start, lt: end },
    },
    input.limit,
  );
}
