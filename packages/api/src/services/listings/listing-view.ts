// The shape of a listing everywhere it is shown, with its restock hint.
import type { Prisma } from "@xiangda/db";

export const listingSelect = {
  id: true,
  productId: true,
  counterId: true,
  merchantId: true,
  countyCode: true,
  priceFen: true,
  stock: true,
  minStock: true,
  status: true,
  rejectReason: true,
  submittedAt: true,
  reviewedAt: true,
  reviewedById: true,
  flaggedAt: true,
  flagReason: true,
  delistedAt: true,
  createdAt: true,
  updatedAt: true,
  product: { select: { name: true, spec: true, unit: true } },
  counter: { select: { code: true, name: true, venueType: true } },
  merchant: { select: { name: true } },
} satisfies Prisma.ListingSelect;

export type ListingRow = Prisma.ListingGetPayload<{ select: typeof listingSelect }>;

/// Below the minimum, suggest bringing the stock to twice the minimum (a restock covers a while, not a day).
export function restockHint(stock: number, minStock: number): { belowMin: boolean; suggestedRestockQty: number } {
  const belowMin = stock < minStock;
  return { belowMin, suggestedRestockQty: belowMin ? 2 * minStock - stock : 0 };
}

export function toListingView(r: ListingRow) {
  const { product, counter, merchant, ...rest } = r;
  const hint = restockHint(r.stock, r.minStock);
  return {
    ...rest,
    productName: product.name,
    productSpec: product.spec,
    productUnit: product.unit,
    counterCode: counter.code,
    counterName: counter.name,
    venueType: counter.venueType,
    merchantName: merchant.name,
    flagged: r.flaggedAt !== null,
    belowMin: hint.belowMin,
    /// Only a live listing needs restocking.
    restockSuggested: r.status === "ACTIVE" && hint.belowMin,
    suggestedRestockQty: r.status === "ACTIVE" ? hint.suggestedRestockQty : 0,
  };
}
export type TListingView = ReturnType<typeof toListingView>;
