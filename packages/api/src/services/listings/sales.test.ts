// Counter sales: atomic stock under concurrency, idempotent retries, the time window, and uploads
// that are all or nothing, report every bad row, and store nothing new when sent again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import ExcelJS from "exceljs";
import type { Actor } from "@xiangda/domain";
import { createHarness, type Harness } from "../../test-utils/harness.ts";
import { buildWorld, type World } from "../../test-utils/fixtures.ts";
import { makeListing, makeProduct, NOW, recognise } from "../../test-utils/listings.ts";

let h: Harness;
let w: World;
const as = (a: Actor | null) => h.callerAs(a);

beforeAll(async () => {
  h = await createHarness();
  w = await buildWorld(h.deps.db);
  h.clock.set(NOW);
  await recognise(h.deps.db, w.home.merchantId, "2027-06-30");
  await recognise(h.deps.db, w.home.otherMerchantId, "2027-06-30");
});
afterAll(async () => h?.close());

async function fails(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof TRPCError) return e;
    throw e;
  }
  throw new Error("expected a failure");
}
const issues = (e: TRPCError) => (e.cause as { issues?: unknown[] } | undefined)?.issues ?? [];

async function live(o: { merchantId?: string; counterId?: string; stock: number; priceFen?: number; name?: string }) {
  const merchantId = o.merchantId ?? w.home.merchantId;
  const p = await makeProduct(h.deps.db, merchantId, o.name ? { name: o.name } : {});
  return makeListing(h.deps.db, {
    productId: p.id,
    counterId: o.counterId ?? w.home.counterId,
    merchantId,
    countyCode: w.home.countyCode,
    status: "ACTIVE",
    stock: o.stock,
    priceFen: o.priceFen ?? 2500,
  });
}
const soldAt = "2026-11-20T11:30:00+08:00";
const b64 = (s: string | Buffer) => Buffer.from(s).toString("base64");
const counterId = () => w.home.counterId;

describe("sales.record", () => {
  it("25 parallel sales of 1 against a stock of 10: exactly 10 succeed, stock ends at 0", async () => {
    const l = await live({ stock: 10 });
    const results = await Promise.allSettled(
      Array.from({ length: 25 }, (_, i) =>
        as(w.actors.counter).listings.sales.record({ counterId: counterId(), listingId: l.id, quantity: 1, soldAt, clientRef: `par-${i}` }),
      ),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    const bad = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok.length).toBe(10);
    expect(bad.every((r) => issues(r.reason as TRPCError)[0] && (r.reason as TRPCError).code === "BAD_REQUEST")).toBe(true);
    expect(issues(bad[0]!.reason as TRPCError)).toEqual([{ path: "quantity", message: "only 0 in stock", key: "ONLY_IN_STOCK", params: { stock: 0 } }]);
    expect((await h.deps.db.listing.findUniqueOrThrow({ where: { id: l.id } })).stock).toBe(0);
    expect(await h.deps.db.counterSale.count({ where: { listingId: l.id } })).toBe(10);
  });

  it("a retry with the same clientRef returns the same sale and decrements once, even in parallel", async () => {
    const l = await live({ stock: 10, priceFen: 1250 });
    const op = as(w.actors.counter);
    const input = { counterId: counterId(), listingId: l.id, quantity: 3, soldAt, clientRef: "till-0001" };
    const first = await op.listings.sales.record(input);
    expect(first).toMatchObject({
      duplicate: false,
      stock: 7,
      sale: { quantity: 3, unitPriceFen: 1250, amountFen: 3750, source: "ENTRY", soldAt: new Date(soldAt) },
    });
    const again = await op.listings.sales.record(input);
    expect(again).toMatchObject({ duplicate: true, stock: 7, sale: { id: first.sale.id } });
    const racing = await Promise.all(Array.from({ length: 6 }, () => op.listings.sales.record({ ...input, clientRef: "till-0002" })));
    expect(new Set(racing.map((r) => r.sale.id)).size).toBe(1);
    expect(racing.filter((r) => !r.duplicate).length).toBe(1);
    expect((await h.deps.db.listing.findUniqueOrThrow({ where: { id: l.id } })).stock).toBe(4);
    // The same ref for a different sale is a conflict, not a silent success.
    const e = await fails(op.listings.sales.record({ ...input, quantity: 2 }));
    expect(e.code).toBe("CONFLICT");
    // A price other than the listing's, given explicitly.
    expect((await op.listings.sales.record({ ...input, clientRef: "till-0003", quantity: 1, unitPriceFen: 999 })).sale).toMatchObject({
      unitPriceFen: 999,
      amountFen: 999,
    });
  });

  it("refuses short stock, bad times, other counters' listings and listings not on sale; nothing is stored", async () => {
    const l = await live({ stock: 2 });
    const op = as(w.actors.counter);
    const base = { counterId: counterId(), listingId: l.id, quantity: 1, soldAt, clientRef: "x" };
    const short = await fails(op.listings.sales.record({ ...base, quantity: 3, clientRef: "short" }));
    expect(issues(short)).toEqual([{ path: "quantity", message: "only 2 in stock", key: "ONLY_IN_STOCK", params: { stock: 2 } }]);
    expect((short.cause as { details?: unknown }).details).toEqual({ available: 2 });
    const future = await fails(op.listings.sales.record({ ...base, soldAt: "2026-11-20T12:06:00+08:00" }));
    expect(issues(future)).toEqual([{ path: "soldAt", message: "is in the future", key: "SALE_IN_FUTURE", params: {} }]);
    expect((await op.listings.sales.record({ ...base, soldAt: "2026-11-20T12:04:00+08:00", clientRef: "drift" })).stock).toBe(1);
    const old = await fails(op.listings.sales.record({ ...base, soldAt: "2026-08-21T11:00:00+08:00" }));
    expect(issues(old)).toEqual([{ path: "soldAt", message: "is more than 90 days ago", key: "SALE_TOO_OLD", params: { days: 90 } }]);
    for (const bad of [{ quantity: 0 }, { quantity: 1.5 }, { clientRef: "" }, { soldAt: "2026-11-20 11:00" }]) {
      expect((await fails(op.listings.sales.record({ ...base, ...bad }))).code).toBe("BAD_REQUEST");
    }
    // Through another counter (its own operator): the listing is not there.
    expect((await fails(as(w.actors.otherCounter).listings.sales.record({ ...base, counterId: w.home.otherCounterId }))).code).toBe(
      "FORBIDDEN",
    );
    // Through this counter by another counter's operator.
    expect((await fails(as(w.actors.otherCounter).listings.sales.record(base))).code).toBe("FORBIDDEN");
    // A batch of another product.
    const otherProduct = await makeProduct(h.deps.db, w.home.merchantId);
    const batch = await h.deps.db.productBatch.create({
      data: {
        productId: otherProduct.id,
        merchantId: w.home.merchantId,
        batchNo: "X1",
        producedOn: new Date("2026-11-01T00:00:00Z"),
        quantity: 5,
        originAreaCode: "210881101201",
        traceCode: "TR-X1",
      },
    });
    expect(issues(await fails(op.listings.sales.record({ ...base, batchId: batch.id })))).toEqual([
      { path: "batchId", message: "not a batch of this listing's product", key: "NOT_BATCH_OF_PRODUCT", params: {} },
    ]);
    // Not ACTIVE.
    await h.deps.db.listing.update({ where: { id: l.id }, data: { status: "DELISTED" } });
    expect(issues(await fails(op.listings.sales.record(base)))).toEqual([
      { path: "listingId", message: "the listing is not on sale (DELISTED)", key: "LISTING_NOT_ON_SALE", params: { status: "DELISTED" } },
    ]);
    expect(await h.deps.db.counterSale.count({ where: { listingId: l.id } })).toBe(1);
    expect((await h.deps.db.listing.findUniqueOrThrow({ where: { id: l.id } })).stock).toBe(1);
  });
});

describe("sales.upload", () => {
  it("dry run reports every bad row with its column; a bad file stores nothing", async () => {
    const apple = await live({ stock: 5, name: "上传苹果", counterId: w.home.otherCounterId, merchantId: w.home.otherMerchantId });
    await live({ stock: 5, name: "上传梨", counterId: w.home.otherCounterId, merchantId: w.home.otherMerchantId });
    const csv = [
      "商品,数量,单价,时间,单号",
      `上传苹果,2,12.5,2026-11-20 09:00,R1`,
      `不存在,1,,2026-11-20 09:00,R2`,
      `上传梨,0,1.234,2026/11/31 09:00,R3`,
      `${apple.id},4,,2026-11-19 18:00,R4`,
      `上传梨,1,,2026-11-21 09:00,R1`,
    ].join("\n");
    const op = as(w.actors.otherCounter);
    const input = { counterId: w.home.otherCounterId, fileName: "sales.csv", contentBase64: b64(csv) };
    const dry = await op.listings.sales.upload({ ...input, dryRun: true });
    // Every row issue is a catalog key with its parameters (the page translates it), besides the English.
    for (const issue of dry.errors) expect(issue.key, issue.message).toBeTruthy();
    expect(dry.errors).toMatchObject([
      { row: 3, column: "product", message: 'no product "不存在" is listed on this counter' },
      { row: 4, column: "quantity", message: "must be at least 1" },
      { row: 4, column: "soldAt", message: '"2026/11/31 09:00" is not a real date and time' },
      { row: 4, column: "unitPrice", message: '"1.234" is not an amount in yuan with at most 2 decimals' },
      { row: 5, column: "quantity", message: 'the file sells 6+ of "上传苹果" up to here but only 5 are in stock' },
      { row: 6, column: "ref", message: "appears twice (row 2)" },
      { row: 6, column: "soldAt", message: "is in the future" },
    ]);
    expect(dry.stored).toBeNull();
    const real = await op.listings.sales.upload({ ...input, dryRun: false });
    expect(real.errors).toEqual(dry.errors);
    expect(real.stored).toBeNull();
    expect(await h.deps.db.counterSale.count({ where: { counterId: w.home.otherCounterId } })).toBe(0);
    expect((await h.deps.db.listing.findUniqueOrThrow({ where: { id: apple.id } })).stock).toBe(5);
    // Missing columns are reported on the header row.
    const noCols = await op.listings.sales.upload({ ...input, contentBase64: b64("product,ref\n上传苹果,R9\n"), dryRun: true });
    expect(noCols.errors).toMatchObject([
      { row: 1, column: "quantity", message: 'missing column "quantity"' },
      { row: 1, column: "soldAt", message: 'missing column "soldAt"' },
    ]);
  });

  it("stores a good file once (English headers, refs derived when missing); the same file again stores nothing", async () => {
    const l = await live({ stock: 10, priceFen: 1800, name: "英文苹果" });
    const csv = [
      "Product,Quantity,Unit price,Sold at,Ref",
      "英文苹果,2,,2026-11-20 08:00,",
      "英文苹果,1,20,2026-11-20 08:00,",
      "英文苹果,2,,2026-11-20 08:00,",
      `${l.id},3,19.9,2026-11-19T10:00:00+08:00,A-1`,
    ].join("\n");
    const op = as(w.actors.counter);
    const input = { counterId: counterId(), fileName: "s.csv", contentBase64: b64(csv), dryRun: false };
    const dry = await op.listings.sales.upload({ ...input, dryRun: true });
    expect(dry).toMatchObject({
      rows: 4,
      toCreate: 4,
      alreadyRecorded: 0,
      totalQuantity: 8,
      totalAmountFen: 2 * 1800 + 2000 + 2 * 1800 + 3 * 1990,
      errors: [],
      stored: null,
    });
    expect(await h.deps.db.counterSale.count({ where: { listingId: l.id } })).toBe(0);
    const first = await op.listings.sales.upload(input);
    expect(first.stored?.created).toBe(4);
    expect((await h.deps.db.listing.findUniqueOrThrow({ where: { id: l.id } })).stock).toBe(2);
    const sales = await h.deps.db.counterSale.findMany({ where: { listingId: l.id }, orderBy: { amountFen: "asc" } });
    expect(sales.map((s) => [s.quantity, s.unitPriceFen, s.amountFen, s.source, s.importRunId])).toEqual([
      [1, 2000, 2000, "UPLOAD", first.stored!.importRunId],
      [2, 1800, 3600, "UPLOAD", first.stored!.importRunId],
      [2, 1800, 3600, "UPLOAD", first.stored!.importRunId],
      [3, 1990, 5970, "UPLOAD", first.stored!.importRunId],
    ]);
    expect(sales.find((s) => s.quantity === 3)?.soldAt).toEqual(new Date("2026-11-19T02:00:00Z"));
    expect(sales.find((s) => s.quantity === 1)?.soldAt).toEqual(new Date("2026-11-20T00:00:00Z"));
    const run = await h.deps.db.importRun.findUniqueOrThrow({ where: { id: first.stored!.importRunId } });
    expect(run).toMatchObject({ kind: "sales", status: "DONE", countyCode: w.home.countyCode, total: 4 });

    const again = await op.listings.sales.upload(input);
    expect(again).toMatchObject({ toCreate: 0, alreadyRecorded: 4, errors: [], stored: null });
    // The running sheet grows by one row: only that row is new.
    const grown = await op.listings.sales.upload({ ...input, contentBase64: b64(`${csv}\n英文苹果,1,,2026-11-20 10:00,`) });
    expect(grown).toMatchObject({ toCreate: 1, alreadyRecorded: 4, stored: { created: 1 } });
    expect((await h.deps.db.listing.findUniqueOrThrow({ where: { id: l.id } })).stock).toBe(1);
    expect(await h.deps.db.counterSale.count({ where: { listingId: l.id } })).toBe(5);
  });

  it("reads XLSX with Chinese headers and date cells as Asia/Shanghai wall clock", async () => {
    const l = await live({
      stock: 4,
      priceFen: 1000,
      name: "表格苹果",
      counterId: w.home.otherCounterId,
      merchantId: w.home.otherMerchantId,
    });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("销售");
    ws.addRow(["商品", "数量", "单价", "时间", "单号"]);
    ws.addRow(["表格苹果", 2, 9.5, new Date(Date.UTC(2026, 10, 20, 9, 15)), "X-1"]);
    ws.addRow(["表格苹果", 1, "", "2026-11-20 10:00", "X-2"]);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await as(w.actors.otherCounter).listings.sales.upload({
      counterId: w.home.otherCounterId,
      fileName: "销售.xlsx",
      contentBase64: data.toString("base64"),
      dryRun: false,
    });
    expect(r).toMatchObject({ errors: [], stored: { created: 2 }, totalQuantity: 3, totalAmountFen: 2900 });
    const x1 = await h.deps.db.counterSale.findFirstOrThrow({ where: { counterId: w.home.otherCounterId, clientRef: "X-1" } });
    expect(x1.soldAt).toEqual(new Date("2026-11-20T01:15:00Z"));
    expect((await h.deps.db.listing.findUniqueOrThrow({ where: { id: l.id } })).stock).toBe(1);
  });

  it("the same file sent twice at once is stored once", async () => {
    const l = await live({ stock: 6, name: "并发苹果" });
    const csv = "商品,数量,时间\n并发苹果,1,2026-11-20 09:00\n并发苹果,2,2026-11-20 09:05\n";
    const input = { counterId: counterId(), fileName: "twice.csv", contentBase64: b64(csv), dryRun: false };
    const [a, b] = await Promise.all([as(w.actors.counter).listings.sales.upload(input), as(w.actors.admin).listings.sales.upload(input)]);
    expect([a.stored?.created ?? 0, b.stored?.created ?? 0].sort()).toEqual([0, 2]);
    expect([a.alreadyRecorded, b.alreadyRecorded].sort()).toEqual([0, 2]);
    expect((await h.deps.db.listing.findUniqueOrThrow({ where: { id: l.id } })).stock).toBe(3);
  });

  it("an operator cannot upload to another counter", async () => {
    const e = await fails(
      as(w.actors.counter).listings.sales.upload({
        counterId: w.home.otherCounterId,
        fileName: "s.csv",
        contentBase64: b64("商品,数量,时间\n"),
        dryRun: true,
      }),
    );
    expect(e.code).toBe("FORBIDDEN");
  });
});

describe("sales.list", () => {
  it("per counter by Asia/Shanghai day, and per merchant: only their own", async () => {
    const mine = await live({ stock: 10, name: "列表苹果" });
    const theirs = await live({ stock: 10, name: "列表梨", merchantId: w.home.otherMerchantId });
    const op = as(w.actors.counter);
    // 2026-11-18 23:30 UTC is 2026-11-19 07:30 in Shanghai.
    await op.listings.sales.record({
      counterId: counterId(),
      listingId: mine.id,
      quantity: 1,
      soldAt: "2026-11-18T23:30:00Z",
      clientRef: "L-1",
    });
    await op.listings.sales.record({
      counterId: counterId(),
      listingId: theirs.id,
      quantity: 2,
      soldAt: "2026-11-19T15:59:00Z",
      clientRef: "L-2",
    });
    await op.listings.sales.record({
      counterId: counterId(),
      listingId: mine.id,
      quantity: 4,
      soldAt: "2026-11-19T16:00:00Z",
      clientRef: "L-3",
    });
    const day19 = await op.listings.sales.list({ counterId: counterId(), from: "2026-11-19", to: "2026-11-19" });
    expect(day19.sales.map((s) => s.clientRef).filter((r) => r.startsWith("L-"))).toEqual(["L-2", "L-1"]);
    const m = await as(w.actors.merchant).listings.sales.merchantList({
      merchantId: w.home.merchantId,
      from: "2026-11-19",
      to: "2026-11-20",
    });
    expect(m.sales.every((s) => s.merchantId === w.home.merchantId)).toBe(true);
    expect(m.sales.map((s) => s.clientRef)).toContain("L-3");
    expect(m.sales.map((s) => s.clientRef)).not.toContain("L-2");
    expect(
      (
        await fails(
          as(w.actors.merchant).listings.sales.merchantList({ merchantId: w.home.otherMerchantId, from: "2026-11-19", to: "2026-11-20" }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    expect(
      (await fails(as(w.actors.merchant).listings.sales.list({ counterId: counterId(), from: "2026-11-19", to: "2026-11-20" }))).code,
    ).toBe("FORBIDDEN");
    expect((await fails(op.listings.sales.list({ counterId: counterId(), from: "2026-11-20", to: "2026-11-19" }))).code).toBe(
      "BAD_REQUEST",
    );
  });
});
