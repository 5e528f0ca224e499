// A counter's sales sheet (CSV or XLSX, Chinese or English headers). All or nothing: any bad row and
// nothing is stored; every bad row is reported with its row number, column and reason. Stock is checked
// for the whole file inside one transaction with the counter's listings locked. Each row has a ref
// (单号); a row without one gets a ref derived from its content (listing, time, quantity, price and how
// many identical rows came before it in the file), so uploading the same file again — or a running
// sheet with new rows appended — stores only rows not stored before. (A ref from the file's hash and
// row number would store a whole running sheet again the moment one row is added.)
import { createHash } from "node:crypto";
import { withPgClient, withPgTransaction, writeOutbox, type Db, type PgClient } from "@xiangda/db";
import { parseIntField, type Actor, type TErrorKey, type TErrorParamValue } from "@xiangda/domain";
import { rollupOutboxEvents } from "../dashboard/rollup-event.ts";
import type { ImportIssue } from "../imports/import-types.ts";
import { aliasMap, readTable, type Table } from "../imports/read-table.ts";
import { shanghaiDay } from "./days.ts";
import { recognitionProblem, saleTimeProblem } from "./record-sale.ts";
import { MAX_AMOUNT_FEN } from "./sale-view.ts";
import { parseSoldAt, parseYuan, problemOf } from "./sale-values.ts";
import { MAX_SALE_QUANTITY } from "./schemas.ts";

export const SALES_HEADER_ALIASES = aliasMap({
  product: ["商品", "商品名称", "商品名", "产品", "品名", "listing", "listingid", "listing id", "product name", "productname"],
  quantity: ["数量", "销量", "qty"],
  unitPrice: ["单价", "单价(元)", "单价（元）", "unit price", "unit_price", "price"],
  soldAt: ["时间", "销售时间", "日期", "sold at", "sold_at", "time", "date"],
  ref: ["单号", "小票号", "流水号", "ref", "reference", "clientref", "client ref"],
});

export const MAX_UPLOAD_ROWS = 5000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface UploadSalesResult {
  rows: number;
  /// New sales (stored, or that would be stored on a dry run).
  toCreate: number;
  /// Rows whose ref was stored before (same sale): skipped.
  alreadyRecorded: number;
  totalQuantity: number;
  totalAmountFen: number;
  errors: ImportIssue[];
  /// Set when the sales were stored.
  stored: { importRunId: string; created: number } | null;
}

interface CounterListing {
  id: string;
  productId: string;
  status: string;
  priceFen: number;
  stock: number;
  name: string;
  recognitionNo: string | null;
  recognitionValidUntil: Date | null;
}

interface GoodRow {
  row: number;
  listingId: string;
  quantity: number;
  unitPriceFen: number;
  soldAt: Date;
  ref: string;
}

function autoRef(g: Omit<GoodRow, "ref" | "row">, nth: number): string {
  const h = createHash("sha256").update(`${g.listingId}|${g.soldAt.toISOString()}|${g.quantity}|${g.unitPriceFen}|${nth}`).digest("hex");
  return `auto-${h.slice(0, 24)}`;
}

async function counterListings(c: PgClient, counterId: string, lock: boolean): Promise<CounterListing[]> {
  return (
    await c.query<CounterListing>(
      `SELECT l.id, l."productId", l.status::text AS status, l."priceFen", l.stock, p.name, m."recognitionNo", m."recognitionValidUntil"
         FROM "Listing" l JOIN "Product" p ON p.id = l."productId" JOIN "Merchant" m ON m.id = l."merchantId"
        WHERE l."counterId" = $1 ORDER BY l.id ${lock ? "FOR UPDATE OF l" : ""}`,
      [counterId],
    )
  ).rows;
}

/// Parses and checks every cell; the listings come from the caller so the stored run re-checks under lock.
function checkRows(
  table: Table,
  listings: CounterListing[],
  opts: { xlsx: boolean; now: Date },
): { good: GoodRow[]; errors: ImportIssue[] } {
  const errors: ImportIssue[] = ["product", "quantity", "soldAt"]
    .filter((c) => !table.columns.includes(c))
    .map((c) => ({ row: 1, column: c, ...problemOf("MISSING_COLUMN", { column: c }) }));
  if (errors.length) return { good: [], errors };
  const byId = new Map(listings.map((l) => [l.id.toLowerCase(), l]));
  const byName = new Map<string, CounterListing[]>();
  for (const l of listings) byName.set(l.name, [...(byName.get(l.name) ?? []), l]);
  const good: GoodRow[] = [];
  const refRows = new Map<string, number>();
  const nthOf = new Map<string, number>();
  for (const { row, values: v } of table.rows) {
    const before = errors.length;
    const at = (
      column: string,
      p: { message: string; key?: TErrorKey | undefined; params?: Record<string, TErrorParamValue> | undefined },
    ) => errors.push({ row, column, message: p.message, key: p.key, params: p.params });
    const p = (v.product ?? "").trim();
    let l: CounterListing | undefined;
    if (!p) at("product", problemOf("REQUIRED"));
    else if (UUID.test(p)) {
      l = byId.get(p.toLowerCase());
      if (!l) at("product", problemOf("NO_LISTING_ON_COUNTER", { listing: p }));
    } else {
      const named = byName.get(p) ?? [];
      const live = named.filter((x) => x.status === "ACTIVE");
      if (named.length === 0) at("product", problemOf("NO_PRODUCT_LISTED", { name: p }));
      else if (live.length > 1) at("product", problemOf("LISTINGS_SAME_NAME", { n: live.length, name: p }));
      else l = live[0] ?? named[0];
    }
    if (l && l.status !== "ACTIVE") {
      at("product", problemOf("NAMED_LISTING_NOT_ON_SALE", { name: l.name, listingStatus: l.status }));
      l = undefined;
    }
    const q = parseIntField(v.quantity, { min: 1, max: MAX_SALE_QUANTITY, required: true });
    if (!q.ok) at("quantity", q);
    const price = parseYuan(v.unitPrice);
    if (!price.ok) at("unitPrice", price);
    const t = parseSoldAt(v.soldAt, opts.xlsx);
    if (!t.ok) at("soldAt", t);
    else {
      const tp = saleTimeProblem(t.value, opts.now);
      if (tp) at("soldAt", tp);
      else if (l) {
        const rp = recognitionProblem(l, shanghaiDay(t.value));
        if (rp) at("product", rp);
      }
    }
    const ref = (v.ref ?? "").trim();
    if (ref.length > 100) at("ref", problemOf("ZOD_TOO_LONG", { maximum: 100 }));
    if (ref && refRows.has(ref)) at("ref", problemOf("APPEARS_TWICE", { row: refRows.get(ref) ?? 0 }));
    if (ref) refRows.set(ref, row);
    if (errors.length > before || !l || !q.ok || !price.ok || !t.ok) continue;
    const g = { listingId: l.id, quantity: q.value!, unitPriceFen: price.value ?? l.priceFen, soldAt: t.value };
    if (g.quantity * g.unitPriceFen > MAX_AMOUNT_FEN) {
      at("quantity", problemOf("SALE_TOO_LARGE"));
      continue;
    }
    const key = `${g.listingId}|${g.soldAt.toISOString()}|${g.quantity}|${g.unitPriceFen}`;
    const nth = nthOf.get(key) ?? 0;
    nthOf.set(key, nth + 1);
    good.push({ ...g, row, ref: ref || autoRef(g, nth) });
  }
  return { good, errors };
}

/// Refs stored before: the same sale is skipped, a different sale under the same ref is an error.
async function splitRecorded(
  c: PgClient,
  counterId: string,
  good: GoodRow[],
  errors: ImportIssue[],
): Promise<{ fresh: GoodRow[]; already: number }> {
  const prev = new Map(
    (
      await c.query<{ clientRef: string; listingId: string; quantity: number; unitPriceFen: number }>(
        `SELECT "clientRef", "listingId", quantity, "unitPriceFen" FROM "CounterSale" WHERE "counterId" = $1 AND "clientRef" = ANY($2::text[])`,
        [counterId, good.map((g) => g.ref)],
      )
    ).rows.map((r) => [r.clientRef, r]),
  );
  const fresh: GoodRow[] = [];
  let already = 0;
  for (const g of good) {
    const p = prev.get(g.ref);
    if (!p) fresh.push(g);
    else if (p.listingId === g.listingId && p.quantity === g.quantity && p.unitPriceFen === g.unitPriceFen) already++;
    else errors.push({ row: g.row, column: "ref", ...problemOf("REF_USED_OTHER_SALE", { ref: g.ref }) });
  }
  return { fresh, already };
}

/// The whole file against the stock: the row whose running total passes the stock is the bad one.
function checkStock(fresh: GoodRow[], listings: CounterListing[], errors: ImportIssue[]) {
  const stock = new Map(listings.map((l) => [l.id, l]));
  const used = new Map<string, number>();
  for (const g of fresh) {
    const total = (used.get(g.listingId) ?? 0) + g.quantity;
    used.set(g.listingId, total);
    const l = stock.get(g.listingId)!;
    if (total > l.stock && total - g.quantity <= l.stock)
      errors.push({
        row: g.row,
        column: "quantity",
        ...problemOf("FILE_SELLS_MORE_THAN_STOCK", { total, name: l.name, stock: l.stock }),
      });
  }
  return used;
}

export async function uploadSales(
  db: Db,
  { actor, ...input }: { actor: Actor; counterId: string; countyCode: string; fileName: string; data: Buffer; dryRun: boolean; now: Date },
): Promise<UploadSalesResult> {
  const table = await readTable(input.fileName, input.data, SALES_HEADER_ALIASES);
  const xlsx = /\.xlsx$/i.test(input.fileName) || (input.data.length > 4 && input.data[0] === 0x50 && input.data[1] === 0x4b);
  if (table.rows.length > MAX_UPLOAD_ROWS)
    return {
      rows: table.rows.length,
      toCreate: 0,
      alreadyRecorded: 0,
      totalQuantity: 0,
      totalAmountFen: 0,
      errors: [{ row: 0, column: "file", ...problemOf("FILE_TOO_MANY_ROWS", { max: MAX_UPLOAD_ROWS }) }],
      stored: null,
    };
  const run = async (c: PgClient, lock: boolean): Promise<{ result: UploadSalesResult; fresh: GoodRow[]; used: Map<string, number> }> => {
    const listings = await counterListings(c, input.counterId, lock);
    const { good, errors } = checkRows(table, listings, { xlsx, now: input.now });
    const { fresh, already } = good.length ? await splitRecorded(c, input.counterId, good, errors) : { fresh: [], already: 0 };
    const used = checkStock(fresh, listings, errors);
    errors.sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
    const result: UploadSalesResult = {
      rows: table.rows.length,
      toCreate: errors.length ? 0 : fresh.length,
      alreadyRecorded: already,
      totalQuantity: fresh.reduce((s, g) => s + g.quantity, 0),
      totalAmountFen: fresh.reduce((s, g) => s + g.quantity * g.unitPriceFen, 0),
      errors,
      stored: null,
    };
    return { result, fresh, used };
  };

  if (input.dryRun) return withPgClient(db, async (c) => (await run(c, false)).result);

  return withPgTransaction(db, async (c) => {
    // The counter's listings stay locked until commit: two uploads (or sales) cannot both take the same stock.
    const { result, fresh, used } = await run(c, true);
    if (result.errors.length || fresh.length === 0) return result;
    const runId = (
      await c.query<{ id: string }>(
        `INSERT INTO "ImportRun" (id, "countyCode", kind, params, "fileName", status, total, done, summary, "createdById", "createdAt", "updatedAt", "finishedAt")
         VALUES (gen_random_uuid(), $1, 'sales', $2::jsonb, $3, 'DONE', $4, $4, $5::jsonb, $6, $7, $7, $7) RETURNING id`,
        [
          input.countyCode,
          JSON.stringify({ counterId: input.counterId }),
          input.fileName,
          table.rows.length,
          JSON.stringify({
            rows: table.rows.length,
            created: fresh.length,
            alreadyRecorded: result.alreadyRecorded,
            totalQuantity: result.totalQuantity,
            totalAmountFen: result.totalAmountFen,
          }),
          actor.userId,
          input.now,
        ],
      )
    ).rows[0]!.id;
    await c.query(
      `INSERT INTO "CounterSale" (id, "listingId", "counterId", quantity, "unitPriceFen", "amountFen", "soldAt", "clientRef", source, "importRunId", "recordedById", "createdAt")
       SELECT gen_random_uuid(), x."listingId", $1, x.quantity, x.price, x.quantity * x.price, x."soldAt", x.ref, 'UPLOAD', $2, $3, $4
         FROM unnest($5::uuid[], $6::int[], $7::int[], $8::timestamptz[], $9::text[]) AS x("listingId", quantity, price, "soldAt", ref)`,
      [
        input.counterId,
        runId,
        actor.userId,
        input.now,
        fresh.map((g) => g.listingId),
        fresh.map((g) => g.quantity),
        fresh.map((g) => g.unitPriceFen),
        fresh.map((g) => g.soldAt),
        fresh.map((g) => g.ref),
      ],
    );
    await c.query(
      `UPDATE "Listing" l SET stock = l.stock - x.q, "updatedAt" = $3 FROM unnest($1::uuid[], $2::int[]) AS x(id, q) WHERE l.id = x.id`,
      [[...used.keys()], [...used.values()], input.now],
    );
    // The dashboard's sales roll-ups of the days the sheet covers.
    await writeOutbox(c, rollupOutboxEvents(fresh.map((g) => ({ countyCode: input.countyCode, at: g.soldAt }))));
    return { ...result, stored: { importRunId: runId, created: fresh.length } };
  });
}
