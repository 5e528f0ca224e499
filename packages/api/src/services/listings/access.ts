// Which listing rows a caller may touch; another tenant's listing is refused exactly like a missing one.
import type { Tx } from "@xiangda/db";
import { AppError, type Actor } from "@xiangda/domain";

const denied = () => AppError.forbidden("No access to this listing");

/// A listing of the merchant named in the input (merchantProcedure has already checked the merchant).
export async function merchantListing(db: Tx, merchantId: string, listingId: string) {
  const l = await db.listing.findUnique({ where: { id: listingId } });
  if (!l || l.merchantId !== merchantId) throw denied();
  return l;
}

/// Stock may be changed by the listing's merchant, the counter's operators or ADMIN (a manager only reads).
export async function stockListing(db: Tx, actor: Actor, listingId: string) {
  const l = await db.listing.findUnique({ where: { id: listingId } });
  if (!l) {
    if (actor.role === "ADMIN") throw AppError.notFound("Listing not found");
    throw denied();
  }
  switch (actor.role) {
    case "ADMIN":
      return l;
    case "MERCHANT":
      if (actor.merchantId === l.merchantId) return l;
      break;
    case "COUNTER_OPERATOR": {
      const link = await db.counterOperator.findUnique({ where: { userId_counterId: { userId: actor.userId, counterId: l.counterId } } });
      if (link) return l;
      break;
    }
    default:
      break;
  }
  throw denied();
}

/// A listing under review in the county named in the input (countyProcedure has checked the county).
export async function countyListing(db: Tx, actor: Actor, countyCode: string, listingId: string) {
  const l = await db.listing.findUnique({ where: { id: listingId } });
  if (!l) {
    if (actor.role === "ADMIN") throw AppError.notFound("Listing not found");
    throw denied();
  }
  if (l.countyCode !== countyCode) throw denied();
  return l;
}
