// One sale at a counter, typed in at the till or sent by a counter app. The stock is decremented by a
// single guarded UPDATE in the same transaction as the sale row, so parallel sales never take it below
// zero and a sale is stored only with its decrement. `clientRef` makes retries safe: the same ref on
// the same counter returns the first sale and decrements nothing.
import { inPgTransaction, pgPool, withPgClient, writeOutbox, type Db, type PgClient } from "@xiangda/db";
import { AppError, errorText, issueAt, type Actor, type ErrorParamsArg, type TErrorKey, type TErrorParamValue } from "@xiangda/domain";
import { rollupOutboxEvent } from "../dashboard/rollup-event.ts";
import { dateColumn, shanghaiDay } from "./days.ts";
import { MAX_AMOUNT_FEN, SALE_COLUMNS, type SaleView } from "./sale-view.ts";
import { SALE_MAX_AGE_DAYS, SALE_MAX_FUTURE_MS, type TRecordSale } from "./schemas.ts";

export interface RecordSaleResult {
  sale: SaleView;
  /// Stock left after this sale (the current stock for a repeated ref).
  stock: number;
  /// True when this ref was recorded before: nothing changed.
  duplicate: boolean;
}

/// Why a sale time is refused, or null.
export function saleTimeProblem(soldAt: Date, now: Date): SaleProblem | null {
  if (soldAt.getTime() > now.getTime() + SALE_MAX_FUTURE_MS) return problem("SALE_IN_FUTURE");
  if (soldAt.getTime() < now.getTime() - SALE_MAX_AGE_DAYS * 86_400_000) return problem("SALE_TOO_OLD", { days: SALE_MAX_AGE_DAYS });
  return null;
}

/// A refusal of a sale as a catalog key with its parameters (and the English for logs).
export interface SaleProblem {
  message: string;
  key: TErrorKey;
  params: Record<string, TErrorParamValue>;
}
function problem<K extends TErrorKey>(key: K, ...[params]: ErrorParamsArg<K>): SaleProblem {
  const p = (params ?? {}) as Record<string, TErrorParamValue>;
  return { message: errorText(key, p), key, params: p };
}

/// Sales need the merchant's recognition valid on the sale's day (policy in flag-expired.ts).
export function recognitionProblem(
  m: { recognitionNo: string | null; recognitionValidUntil: Date | null },
  saleDay: string,
): SaleProblem | null {
  const until = dateColumn(m.recognitionValidUntil);
  if (!m.recognitionNo || !until) return problem("NO_RECOGNITION");
  if (until < saleDay) return problem("RECOGNITION_EXPIRED", { number: m.recognitionNo, date: until });
  return null;
}

interface ListingForSale {
  id: string;
  counterId: string;
  productId: string;
  countyCode: string;
  status: string;
  priceFen: number;
  stock: number;
  recognitionNo: string | null;
  recognitionValidUntil: Date | null;
}

async function sameSale(c: PgClient, counterId: string, input: TRecordSale): Promise<RecordSaleResult | null> {
  const prev = (
    await c.query<SaleView>(`SELECT ${SALE_COLUMNS} FROM "CounterSale" WHERE "counterId" = $1 AND "clientRef" = $2`, [
      counterId,
      input.clientRef,
    ])
  ).rows[0];
  if (!prev) return null;
  if (
    prev.listingId !== input.listingId ||
    prev.quantity !== input.quantity ||
    (input.unitPriceFen !== undefined && input.unitPriceFen !== prev.unitPriceFen)
  )
    throw AppError.of("CONFLICT", "CLIENT_REF_USED", undefined, {
      issues: [issueAt("clientRef", "CLIENT_REF_USED")],
      details: { saleId: prev.id },
    });
  const stock = (await c.query<{ stock: number }>(`SELECT stock FROM "Listing" WHERE id = $1`, [prev.listingId])).rows[0]?.stock ?? 0;
  return { sale: prev, stock, duplicate: true };
}

/// Thrown inside the sale's transaction to roll back its decrement when another request stored the same ref first.
class SaleRaced extends Error {}

export async function recordSale(
  db: Db,
  { actor, ...input }: { actor: Actor } & TRecordSale & { counterId: string; now: Date },
): Promise<RecordSaleResult> {
  const soldAt = new Date(input.soldAt);
  const timeProblem = saleTimeProblem(soldAt, input.now);
  if (timeProblem) throw AppError.at("soldAt", timeProblem.key, timeProblem.params as never);
  const pool = pgPool(db);
  // A retry is answered before anything else is checked (the listing may have changed since).
  const dup = await withPgClient(db, (c0) => sameSale(c0, input.counterId, input));
  if (dup) return dup;
  const l = (
    await pool.query<ListingForSale>(
      `SELECT l.id, l."counterId", l."productId", l."countyCode", l.status::text AS status, l."priceFen", l.stock, m."recognitionNo", m."recognitionValidUntil"
         FROM "Listing" l JOIN "Merchant" m ON m.id = l."merchantId" WHERE l.id = $1`,
      [input.listingId],
    )
  ).rows[0];
  if (!l || l.counterId !== input.counterId) throw AppError.forbidden("No access to this listing");
  if (l.status !== "ACTIVE") throw AppError.at("listingId", "LISTING_NOT_ON_SALE", { status: l.status });
  const recProblem = recognitionProblem(l, shanghaiDay(soldAt));
  if (recProblem) throw AppError.at("listingId", recProblem.key, recProblem.params as never);
  if (input.batchId) {
    const b = (await pool.query<{ productId: string }>(`SELECT "productId" FROM "ProductBatch" WHERE id = $1`, [input.batchId])).rows[0];
    if (!b || b.productId !== l.productId) throw AppError.at("batchId", "NOT_BATCH_OF_PRODUCT");
  }
  const unitPriceFen = input.unitPriceFen ?? l.priceFen;
  const amountFen = unitPriceFen * input.quantity;
  if (amountFen > MAX_AMOUNT_FEN) throw AppError.at("quantity", "SALE_TOO_LARGE");

  return withPgClient(db, async (c) => {
    try {
      return await inPgTransaction(c, () => decrementAndInsert(c, actor, input, { l, unitPriceFen, amountFen, soldAt }));
    } catch (e) {
      if (!(e instanceof SaleRaced)) throw e;
    }
    // A concurrent request with the same ref committed first: our decrement was rolled back; answer with its sale.
    return inPgTransaction(c, async () => {
      const dup = await sameSale(c, input.counterId, input);
      if (dup) return dup;
      throw AppError.of("CONFLICT", "ALREADY_USED", undefined, { issues: [issueAt("clientRef", "ALREADY_USED")] });
    });
  });
}

/// The guarded decrement and the sale row, inside the caller's transaction.
async function decrementAndInsert(
  c: PgClient,
  actor: Actor,
  input: TRecordSale & { counterId: string; now: Date },
  { l, unitPriceFen, amountFen, soldAt }: { l: ListingForSale; unitPriceFen: number; amountFen: number; soldAt: Date },
): Promise<RecordSaleResult> {
  const dec = await c.query<{ stock: number }>(
    `UPDATE "Listing" SET stock = stock - $1, "updatedAt" = $3 WHERE id = $2 AND status = 'ACTIVE' AND stock >= $1 RETURNING stock`,
    [input.quantity, l.id, input.now],
  );
  const left = dec.rows[0];
  if (!left) {
    // The same ref may have won the race in another request: that is a retry, not a shortage.
    const dup = await sameSale(c, input.counterId, input);
    if (dup) return dup;
    const cur = (
      await c.query<{ stock: number; status: string }>(`SELECT stock, status::text AS status FROM "Listing" WHERE id = $1`, [l.id])
    ).rows[0]!;
    if (cur.status !== "ACTIVE") throw AppError.at("listingId", "LISTING_NOT_ON_SALE", { status: cur.status });
    throw AppError.of(
      "INVALID_INPUT",
      "ONLY_IN_STOCK",
      { stock: cur.stock },
      {
        issues: [issueAt("quantity", "ONLY_IN_STOCK", { stock: cur.stock })],
        details: { available: cur.stock },
      },
    );
  }
  const ins = await c.query<SaleView>(
    `INSERT INTO "CounterSale" (id, "listingId", "counterId", "batchId", quantity, "unitPriceFen", "amountFen", "soldAt", "clientRef", source, "recordedById", "createdAt")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, 'ENTRY', $9, $10)
     ON CONFLICT ("counterId", "clientRef") DO NOTHING
     RETURNING ${SALE_COLUMNS}`,
    [
      l.id,
      input.counterId,
      input.batchId ?? null,
      input.quantity,
      unitPriceFen,
      amountFen,
      soldAt,
      input.clientRef,
      actor.userId,
      input.now,
    ],
  );
  const sale = ins.rows[0];
  if (!sale) throw new SaleRaced();
  // The dashboard's sales roll-up of the sale's day.
  await writeOutbox(c, [rollupOutboxEvent(l.countyCode, soldAt)]);
  return { sale, stock: left.stock, duplicate: false };
}
