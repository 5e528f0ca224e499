// Who may do what with a restock order. Reading: its merchant, its counter's operators, the county's
// manager, ADMIN. Confirming: the merchant (it packs and ships the goods), the manager or ADMIN — never the
// counter. Cancelling a DRAFT: the merchant (declining or withdrawing), the manager, ADMIN, and the
// counter's operators for an order the counter side made.
import type { Tx } from "@xiangda/db";
import { AppError, type Actor } from "@xiangda/domain";
import { assertCounterAccess, assertMerchantAccess } from "../auth/scope.ts";

export type RestockAction = "read" | "confirm" | "cancel";

const SELECT = { id: true, countyCode: true, counterId: true, merchantId: true, status: true, createdById: true } as const;

export async function orderFor(db: Tx, { actor, orderId, action }: { actor: Actor; orderId: string; action: RestockAction }) {
  const order = await db.restockOrder.findUnique({ where: { id: orderId }, select: SELECT });
  // Same answer for "missing" and "not yours": never confirm another tenant's ids.
  const denied = AppError.forbidden("No access to this restock order");
  if (!order) {
    if (actor.role === "ADMIN") throw AppError.notFound("Restock order not found");
    throw denied;
  }
  if (actor.role === "ADMIN") return order;
  if (actor.role === "COUNTY_MANAGER" && actor.countyCode === order.countyCode) return order;
  if (actor.role === "MERCHANT" && actor.merchantId === order.merchantId) return order;
  if (actor.role === "COUNTER_OPERATOR") {
    const link = await db.counterOperator.findUnique({ where: { userId_counterId: { userId: actor.userId, counterId: order.counterId } } });
    if (link) {
      if (action === "read") return order;
      if (action === "confirm") throw AppError.forbidden("The merchant confirms a restock order: it packs and ships the goods");
      if ((await creatorSide(db, order.createdById)) === "COUNTER") return order;
      throw AppError.forbidden("Only the merchant may cancel an order the merchant made");
    }
  }
  throw denied;
}

export type TRestockSide = "COUNTER" | "MERCHANT" | "COUNTY";

export function sideOf(role: string | null | undefined): TRestockSide {
  return role === "COUNTER_OPERATOR" ? "COUNTER" : role === "MERCHANT" ? "MERCHANT" : "COUNTY";
}

async function creatorSide(db: Tx, userId: string | null): Promise<TRestockSide> {
  if (!userId) return "COUNTY";
  const u = await db.user.findUnique({ where: { id: userId }, select: { role: true } });
  return sideOf(u?.role);
}

/// The two parties of a new order, checked from the caller's side: a merchant for its own merchant, an
/// operator for a counter it runs, a manager or ADMIN for both. The other party must be of the same county.
export async function assertParties(db: Tx, { actor, counterId, merchantId }: { actor: Actor; counterId: string; merchantId: string }) {
  const byMerchant = actor.role === "MERCHANT";
  const byCounter = actor.role === "COUNTER_OPERATOR";
  const counter = byMerchant ? await db.counter.findUnique({ where: { id: counterId } }) : await assertCounterAccess(db, actor, counterId);
  const merchant = byCounter
    ? await db.merchant.findUnique({ where: { id: merchantId } })
    : await assertMerchantAccess(db, actor, merchantId);
  // The side the caller does not own: one message for "missing", "elsewhere" and "inactive".
  if (!merchant || !merchant.active || (counter && merchant.countyCode !== counter.countyCode && byCounter))
    throw AppError.at("merchantId", "NOT_MERCHANT_OF_COUNTER_COUNTY");
  if (!counter || !counter.active || counter.countyCode !== merchant.countyCode)
    throw AppError.at("counterId", "NOT_COUNTER_OF_MERCHANT_COUNTY");
  return { counter, merchant };
}
