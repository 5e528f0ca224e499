// Creates a DRAFT restock order for one counter and one merchant. Idempotent per client: the same
// clientRef from the same user returns the first order, also when two retries race.
import type { Db, Tx } from "@xiangda/db";
import { AppError, type Actor } from "@xiangda/domain";
import type { TRestockCreate } from "./schemas.ts";

/// Listings that may be restocked: live ones, and ones waiting for review (stock may arrive before launch).
const RESTOCKABLE = new Set(["ACTIVE", "PENDING_REVIEW"]);

/// RS + yymmdd (Asia/Shanghai) + a 6-digit serial from the restock_serial sequence.
export async function nextOrderNo(db: Tx, now: Date): Promise<string> {
  const [row] = await db.$queryRaw<{ v: bigint }[]>`SELECT nextval('restock_serial') AS v`;
  const day = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(2, 10).replace(/-/g, "");
  return `RS${day}${String(row!.v).padStart(6, "0")}`;
}

/// The stored key: the user's id keeps one client's keys from ever meeting another's.
const storedRef = (actor: Actor, clientRef: string) => `${actor.userId}:${clientRef}`;

async function replay(db: Tx, ref: string, input: TRestockCreate): Promise<string | null> {
  const o = await db.restockOrder.findUnique({ where: { clientRef: ref }, select: { id: true, counterId: true, merchantId: true } });
  if (!o) return null;
  if (o.counterId !== input.counterId || o.merchantId !== input.merchantId) throw AppError.at("clientRef", "ORDER_KEY_USED");
  return o.id;
}

/// Checks every line against the counter and merchant; returns the order's id.
export async function createRestock(
  db: Db,
  { actor, countyCode, now, ...input }: { actor: Actor; countyCode: string; now: Date } & TRestockCreate,
): Promise<string> {
  const ref = storedRef(actor, input.clientRef);
  const first = await replay(db, ref, input);
  if (first) return first;

  const listingIds = [...new Set(input.lines.map((l) => l.listingId))];
  const batchIds = [...new Set(input.lines.flatMap((l) => (l.batchId ? [l.batchId] : [])))];
  const [listings, batches] = await Promise.all([
    db.listing.findMany({
      where: { id: { in: listingIds } },
      select: { id: true, counterId: true, merchantId: true, productId: true, status: true },
    }),
    batchIds.length
      ? db.productBatch.findMany({
          where: { id: { in: batchIds } },
          select: { id: true, productId: true, merchantId: true, quantity: true },
        })
      : [],
  ]);
  const listingById = new Map(listings.map((l) => [l.id, l]));
  const batchById = new Map(batches.map((b) => [b.id, b]));
  const seen = new Set<string>();
  input.lines.forEach((line, i) => {
    const l = listingById.get(line.listingId);
    // One message for "missing" and "another counter's or merchant's": no oracle for listing ids.
    if (!l || l.counterId !== input.counterId || l.merchantId !== input.merchantId)
      throw AppError.at(`lines.${i}.listingId`, "NOT_LISTING_HERE");
    if (!RESTOCKABLE.has(l.status)) throw AppError.at(`lines.${i}.listingId`, "LISTING_NOT_RESTOCKABLE", { listingStatus: l.status });
    const key = `${line.listingId}:${line.batchId ?? ""}`;
    if (seen.has(key)) throw AppError.at(`lines.${i}`, "SAME_LINE_TWICE");
    seen.add(key);
    if (line.batchId) {
      const b = batchById.get(line.batchId);
      if (!b || b.productId !== l.productId || b.merchantId !== input.merchantId)
        throw AppError.at(`lines.${i}.batchId`, "NOT_BATCH_OF_PRODUCT");
      if (line.quantity > b.quantity) throw AppError.at(`lines.${i}.quantity`, "MORE_THAN_BATCH", { units: b.quantity });
    }
  });

  try {
    return await db.$transaction(async (tx) => {
      const orderNo = await nextOrderNo(tx, now);
      const o = await tx.restockOrder.create({
        data: {
          orderNo,
          countyCode,
          counterId: input.counterId,
          merchantId: input.merchantId,
          note: input.note || null,
          clientRef: ref,
          createdById: actor.userId,
        },
        select: { id: true },
      });
      await tx.restockLine.createMany({
        data: input.lines.map((l) => ({ orderId: o.id, listingId: l.listingId, batchId: l.batchId ?? null, quantity: l.quantity })),
      });
      return o.id;
    });
  } catch (e) {
    // A racing retry with the same key got there first: answer with its order.
    if ((e as { code?: string }).code === "P2002") {
      const again = await replay(db, ref, input);
      if (again) return again;
    }
    throw e;
  }
}
