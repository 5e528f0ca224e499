// The merchant's side of the listing workflow: submit for review (DRAFT or REJECTED → PENDING_REVIEW)
// and delist (ACTIVE → DELISTED). Each transition is one UPDATE guarded by the expected status, so
// racing callers get one result; repeating a transition that already happened returns the listing.
import type { Db } from "@xiangda/db";
import { AppError, type Actor } from "@xiangda/domain";
import { merchantListing } from "./access.ts";
import { getListingView } from "./manage-listing.ts";
import type { TListingView } from "./listing-view.ts";

export async function submitListing(
  db: Db,
  { actor, ...input }: { actor: Actor; merchantId: string; listingId: string; now: Date },
): Promise<TListingView> {
  const l = await merchantListing(db, input.merchantId, input.listingId);
  const product = await db.product.findUniqueOrThrow({ where: { id: l.productId }, select: { active: true } });
  if (!product.active) throw AppError.at("productId", "PRODUCT_INACTIVE");
  const r = await db.listing.updateMany({
    where: { id: l.id, status: { in: ["DRAFT", "REJECTED"] } },
    data: { status: "PENDING_REVIEW", submittedAt: input.now, submittedById: actor.userId },
  });
  if (r.count === 0) {
    const cur = await db.listing.findUniqueOrThrow({ where: { id: l.id }, select: { status: true } });
    if (cur.status !== "PENDING_REVIEW") throw AppError.of("INVALID_TRANSITION", "LISTING_CANNOT_SUBMIT", { listingStatus: cur.status });
  }
  return getListingView(db, l.id);
}

/// The merchant withdraws a live listing, or the county's manager takes it down (via merchantProcedure).
export async function delistListing(db: Db, input: { merchantId: string; listingId: string; now: Date }): Promise<TListingView> {
  const l = await merchantListing(db, input.merchantId, input.listingId);
  const r = await db.listing.updateMany({ where: { id: l.id, status: "ACTIVE" }, data: { status: "DELISTED", delistedAt: input.now } });
  if (r.count === 0) {
    const cur = await db.listing.findUniqueOrThrow({ where: { id: l.id }, select: { status: true } });
    if (cur.status !== "DELISTED") throw AppError.of("INVALID_TRANSITION", "LISTING_ONLY_ACTIVE_DELIST", { listingStatus: cur.status });
  }
  return getListingView(db, l.id);
}
