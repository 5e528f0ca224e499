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
  if (o.counterId !== input.counterId || o.merchantId !== input.merchantId)
    throw AppError.field("clientRef", "already used for another order; send a new key");
  return o.id;
}

/// Checks every line against the counter and merchant; returns the order's id.
export async function createRestock(db: Db, actor: Actor, countyCode: string, input: TRestockCreate, now: Date): Promise<string> {
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
      throw AppError.field(`lines.${i}.listingId`, "not a listing of this merchant on this counter");
    if (!RESTOCKABLE.has(l.status))
      throw AppError.field(
        `lines.${i}.listingId`,
        `the listing is ${l.status.toLowerCase().replace("_", " ")}; only live or pending listings are restocked`,
      );
    const key = `${line.listingId}:${line.batchId ?? ""}`;
    if (seen.has(key)) throw AppError.field(`lines.${i}`, "the same listing and batch twice; put the quantities on one line");
    seen.add(key);
    if (line.batchId) {
      const b = batchById.get(line.batchId);
      if (!b || b.productId !== l.productId || b.merchantId !== input.merchantId)
        throw AppError.field(`lines.${i}.batchId`, "not a batch of this listing's product");
      if (line.quantity > b.quantity) throw AppError.field(`lines.${i}.quantity`, `more than the batch's ${b.quantity} units`);
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
