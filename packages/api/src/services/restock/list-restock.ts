// Restock orders of one scope — a merchant's, a counter's or a county's — newest first, with their parcels.
import type { Db, Prisma } from "@xiangda/db";
import { AppError, type Actor } from "@xiangda/domain";
import { assertCounterAccess, assertCountyAccess, assertMerchantAccess, operatorCounterIds } from "../auth/scope.ts";
import { RESTOCK_SELECT, restockViews } from "./restock-views.ts";
import type { TRestockList } from "./schemas.ts";

/// The caller's scope as a filter; none given means the caller's own merchant, counters or county.
async function scopeWhere(db: Db, actor: Actor, input: TRestockList): Promise<Prisma.RestockOrderWhereInput> {
  if (input.merchantId) {
    await assertMerchantAccess(db, actor, input.merchantId);
    return { merchantId: input.merchantId };
  }
  if (input.counterId) {
    await assertCounterAccess(db, actor, input.counterId);
    return { counterId: input.counterId };
  }
  if (input.countyCode) {
    assertCountyAccess(actor, input.countyCode);
    return { countyCode: input.countyCode };
  }
  if (actor.role === "MERCHANT" && actor.merchantId) return { merchantId: actor.merchantId };
  if (actor.role === "COUNTER_OPERATOR") return { counterId: { in: await operatorCounterIds(db, actor) } };
  if (actor.role === "COUNTY_MANAGER" && actor.countyCode) return { countyCode: actor.countyCode };
  throw AppError.at("countyCode", "RESTOCK_NEEDS_SCOPE");
}

export async function listRestocks(db: Db, { actor, ...input }: { actor: Actor } & TRestockList) {
  const where: Prisma.RestockOrderWhereInput = {
    ...(await scopeWhere(db, actor, input)),
    ...(input.status ? { status: input.status } : {}),
  };
  const rows = await db.restockOrder.findMany({
    where,
    select: RESTOCK_SELECT,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, input.limit);
  return { items: await restockViews(db, page), nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null };
}
