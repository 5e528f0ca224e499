// Listings as each side sees them: a merchant its own, a counter its live shelf, the county its
// review queue (pending, oldest first, with validity shown) and the live listings flagged as expired.
import type { Db, Prisma } from "@xiangda/db";
import { shanghaiDay } from "./days.ts";
import { listingSelect, toListingView } from "./listing-view.ts";
import type { LISTING_STATUSES } from "./schemas.ts";
import { checkValidity } from "./validity.ts";

export async function listMerchantListings(
  db: Db,
  input: { merchantId: string; counterId?: string | undefined; status?: (typeof LISTING_STATUSES)[number] | undefined },
) {
  const rows = await db.listing.findMany({
    where: {
      merchantId: input.merchantId,
      ...(input.counterId ? { counterId: input.counterId } : {}),
      ...(input.status ? { status: input.status } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: listingSelect,
    take: 1000,
  });
  return rows.map(toListingView);
}

/// The counter's shelf: live listings with stock, minimum and the restock hint, lowest stock first.
export async function listCounterListings(db: Db, counterId: string) {
  const rows = await db.listing.findMany({
    where: { counterId, status: "ACTIVE" },
    orderBy: [{ product: { name: "asc" } }, { id: "asc" }],
    select: listingSelect,
  });
  return rows.map(toListingView).sort((a, b) => Number(b.belowMin) - Number(a.belowMin));
}

const reviewSelect = {
  ...listingSelect,
  merchant: { select: { name: true, recognitionNo: true, recognitionValidUntil: true, originAreaCode: true } },
  product: { select: { name: true, spec: true, unit: true, certifications: { select: { kind: true, number: true, validUntil: true } } } },
} satisfies Prisma.ListingSelect;

export async function reviewQueue(db: Db, input: { countyCode: string; now: Date }) {
  const today = shanghaiDay(input.now);
  const [pending, flagged] = await Promise.all([
    db.listing.findMany({
      where: { countyCode: input.countyCode, status: "PENDING_REVIEW" },
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      select: reviewSelect,
      take: 500,
    }),
    db.listing.findMany({
      where: { countyCode: input.countyCode, status: "ACTIVE", flaggedAt: { not: null } },
      orderBy: [{ flaggedAt: "asc" }, { id: "asc" }],
      select: reviewSelect,
      take: 500,
    }),
  ]);
  const withValidity = (r: (typeof pending)[number]) => ({
    ...toListingView(r),
    validity: checkValidity(r.merchant, r.product.certifications, today),
  });
  return { today, pending: pending.map(withValidity), flagged: flagged.map(withValidity) };
}
