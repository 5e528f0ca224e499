// The county's review of PENDING_REVIEW listings. Approval needs a valid recognition of the merchant
// and valid certifications of the product on the reviewer's day (Asia/Shanghai). Nobody reviews a
// listing of their own merchant, nor one they submitted themselves (four eyes). Transitions are one
// UPDATE guarded by status: of two racing reviewers one wins, the other gets the winner's result if
// it asked for the same thing and INVALID_TRANSITION otherwise.
import type { Db } from "@xiangda/db";
import { AppError, issueAt, type Actor } from "@xiangda/domain";
import { countyListing } from "./access.ts";
import { shanghaiDay } from "./days.ts";
import { getListingView } from "./manage-listing.ts";
import type { TListingView } from "./listing-view.ts";
import { checkValidity } from "./validity.ts";

interface ReviewInput {
  countyCode: string;
  listingId: string;
  now: Date;
}

async function reviewable(db: Db, actor: Actor, input: ReviewInput) {
  if (actor.role !== "ADMIN" && actor.role !== "COUNTY_MANAGER") throw AppError.forbidden("Only a county manager reviews listings");
  const l = await countyListing(db, actor, input.countyCode, input.listingId);
  if (actor.merchantId && actor.merchantId === l.merchantId) throw AppError.forbidden("You cannot review a listing of your own merchant");
  if (l.submittedById === actor.userId) throw AppError.forbidden("You submitted this listing; another reviewer must review it");
  return l;
}

async function settle(db: Db, listingId: string, want: "ACTIVE" | "REJECTED"): Promise<TListingView> {
  const cur = await getListingView(db, listingId);
  if (cur.status === want) return cur;
  throw AppError.of("INVALID_TRANSITION", want === "ACTIVE" ? "LISTING_CANNOT_APPROVE" : "LISTING_CANNOT_REJECT", {
    listingStatus: cur.status,
  });
}

export async function approveListing(db: Db, { actor, ...input }: { actor: Actor } & ReviewInput): Promise<TListingView> {
  const l = await reviewable(db, actor, input);
  if (l.status !== "PENDING_REVIEW") return settle(db, l.id, "ACTIVE");
  const [merchant, product] = await Promise.all([
    db.merchant.findUniqueOrThrow({
      where: { id: l.merchantId },
      select: { active: true, recognitionNo: true, recognitionValidUntil: true },
    }),
    db.product.findUniqueOrThrow({
      where: { id: l.productId },
      select: { active: true, certifications: { select: { kind: true, number: true, validUntil: true } } },
    }),
  ]);
  const v = checkValidity(merchant, product.certifications, shanghaiDay(input.now));
  const issues = [...v.issues];
  if (!merchant.active) issues.push(issueAt("merchantId", "MERCHANT_INACTIVE"));
  if (!product.active) issues.push(issueAt("productId", "PRODUCT_INACTIVE"));
  if (issues.length) throw AppError.of("INVALID_INPUT", "CANNOT_APPROVE", {}, { issues });
  const r = await db.listing.updateMany({
    where: { id: l.id, status: "PENDING_REVIEW" },
    data: { status: "ACTIVE", reviewedAt: input.now, reviewedById: actor.userId, rejectReason: null, flaggedAt: null, flagReason: null },
  });
  return r.count ? getListingView(db, l.id) : settle(db, l.id, "ACTIVE");
}

export async function rejectListing(
  db: Db,
  { actor, ...input }: { actor: Actor } & ReviewInput & { reason: string },
): Promise<TListingView> {
  const l = await reviewable(db, actor, input);
  if (l.status !== "PENDING_REVIEW") return settle(db, l.id, "REJECTED");
  const r = await db.listing.updateMany({
    where: { id: l.id, status: "PENDING_REVIEW" },
    data: { status: "REJECTED", reviewedAt: input.now, reviewedById: actor.userId, rejectReason: input.reason },
  });
  return r.count ? getListingView(db, l.id) : settle(db, l.id, "REJECTED");
}
