// The shape of a listing everywhere it is shown, with its restock hint.
import type { Prisma } from "@xiangda/db";
import { isErrorKey, type TErrorKey } from "@xiangda/domain";

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
  flagIssues: true,
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

export interface TFlagIssue {
  key: TErrorKey;
  params: Record<string, string | number>;
}

/// The expiry check's reasons as written (flag-expired.ts), read defensively: an entry without a catalog key is left out.
export function flagIssuesOf(json: Prisma.JsonValue | null): TFlagIssue[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((entry) => {
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) return [];
    const { key, params } = entry as { key?: unknown; params?: unknown };
    if (typeof key !== "string" || !isErrorKey(key)) return [];
    const values = typeof params === "object" && params !== null ? Object.entries(params) : [];
    return [
      { key, params: Object.fromEntries(values.filter((e): e is [string, string | number] => ["string", "number"].includes(typeof e[1]))) },
    ];
  });
}

export function toListingView(r: ListingRow) {
  const { product, counter, merchant, flagIssues, ...rest } = r;
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
    /// Why it is flagged, for the web app to word (flagReason says the same in English).
    flagIssues: flagIssuesOf(flagIssues),
    belowMin: hint.belowMin,
    /// Only a live listing needs restocking.
    restockSuggested: r.status === "ACTIVE" && hint.belowMin,
    suggestedRestockQty: r.status === "ACTIVE" ? hint.suggestedRestockQty : 0,
  };
}
export type TListingView = ReturnType<typeof toListingView>;
