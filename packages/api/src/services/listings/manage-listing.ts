// A merchant's listings: create a DRAFT on a counter of its county, edit price and minimum, and
// adjust stock (merchant or the counter's operators). The reason of an adjustment is kept in the
// audit log with the rest of the call's input (there is no stock-movement table).
import type { Db } from "@xiangda/db";
import { AppError, issueAt, type Actor } from "@xiangda/domain";
import { merchantListing, stockListing } from "./access.ts";
import { listingSelect, toListingView, type TListingView } from "./listing-view.ts";
import type { TAdjustStock, TCreateListing, TUpdateListing } from "./schemas.ts";

export async function getListingView(db: Db, listingId: string): Promise<TListingView> {
  return toListingView(await db.listing.findUniqueOrThrow({ where: { id: listingId }, select: listingSelect }));
}

export async function createListing(
  db: Db,
  input: TCreateListing & { merchant: { id: string; countyCode: string; active: boolean } },
): Promise<TListingView> {
  const { merchant } = input;
  if (!merchant.active) throw AppError.at("merchantId", "MERCHANT_INACTIVE");
  const product = await db.product.findUnique({ where: { id: input.productId }, select: { merchantId: true, active: true } });
  if (!product || product.merchantId !== merchant.id) throw AppError.forbidden("No access to this product");
  if (!product.active) throw AppError.at("productId", "PRODUCT_INACTIVE");
  const counter = await db.counter.findUnique({ where: { id: input.counterId }, select: { countyCode: true, active: true } });
  // Counters of other counties are not the merchant's to see: same answer as a missing one.
  if (!counter || counter.countyCode !== merchant.countyCode) throw AppError.forbidden("No access to this counter");
  if (!counter.active) throw AppError.at("counterId", "COUNTER_INACTIVE");
  const existing = await db.listing.findUnique({
    where: { productId_counterId: { productId: input.productId, counterId: input.counterId } },
  });
  if (existing)
    throw AppError.of("CONFLICT", "ALREADY_LISTED", undefined, {
      issues: [issueAt("counterId", "ALREADY_LISTED_HERE")],
      details: { listingId: existing.id },
    });
  const l = await db.listing.create({
    data: {
      productId: input.productId,
      counterId: input.counterId,
      merchantId: merchant.id,
      countyCode: merchant.countyCode,
      priceFen: input.priceFen,
      stock: input.stock,
      minStock: input.minStock,
    },
    select: listingSelect,
  });
  return toListingView(l);
}

export async function updateListing(db: Db, { merchantId, ...input }: { merchantId: string } & TUpdateListing): Promise<TListingView> {
  const l = await merchantListing(db, merchantId, input.listingId);
  if (l.status === "DELISTED") throw AppError.of("INVALID_TRANSITION", "LISTING_DELISTED");
  const r = await db.listing.updateMany({
    where: { id: l.id, status: { not: "DELISTED" } },
    data: {
      ...(input.priceFen !== undefined ? { priceFen: input.priceFen } : {}),
      ...(input.minStock !== undefined ? { minStock: input.minStock } : {}),
    },
  });
  if (r.count === 0) throw AppError.of("INVALID_TRANSITION", "LISTING_DELISTED");
  return getListingView(db, l.id);
}

/// One UPDATE: the stock never goes below zero however many adjustments and sales race.
export async function adjustStock(db: Db, { actor, ...input }: { actor: Actor } & TAdjustStock): Promise<TListingView> {
  const l = await stockListing(db, actor, input.listingId);
  const r = await db.listing.updateMany({
    where: { id: l.id, stock: { gte: Math.max(0, -input.delta) } },
    data: { stock: { increment: input.delta } },
  });
  if (r.count === 0) {
    const now = await db.listing.findUniqueOrThrow({ where: { id: l.id }, select: { stock: true } });
    throw AppError.of(
      "INVALID_INPUT",
      "ONLY_IN_STOCK_REMOVE",
      { stock: now.stock, remove: -input.delta },
      {
        issues: [issueAt("delta", "ONLY_IN_STOCK_REMOVE", { stock: now.stock, remove: -input.delta })],
        details: { available: now.stock },
      },
    );
  }
  return getListingView(db, l.id);
}
