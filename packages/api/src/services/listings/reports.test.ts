// Sales reports against hand-computed figures: by counter, venue type, product, origin village (batch
// origin wins over the merchant's), and the income reaching poor villages; days are Asia/Shanghai.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArea } from "@xiangda/db/factories";
import { createHarness, type Harness } from "../../test-utils/harness.ts";
import { buildWorld, type World } from "../../test-utils/fixtures.ts";
import { makeListing, makeProduct, NOW } from "../../test-utils/listings.ts";

let h: Harness;
let w: World;
const V1 = "210881101201"; // poor (the fixture's village, marked poor here)
const V2 = "210881102201"; // not poor
const V3 = "210881102202"; // poor, origin of a batch
let ids: Record<string, string>;

beforeAll(async () => {
  h = await createHarness();
  w = await buildWorld(h.deps.db);
  h.clock.set(NOW);
  const db = h.deps.db;
  const county = w.home.countyCode;
  await db.adminArea.update({ where: { code: V1 }, data: { isPoor: true } });
  await createArea(db, { code: V2, countyCode: county, level: "VILLAGE", kind: "村委会", name: "二村", parentCode: "210881102000" });
  await createArea(db, {
    code: V3,
    countyCode: county,
    level: "VILLAGE",
    kind: "村委会",
    name: "三村",
    parentCode: "210881102000",
    isPoor: true,
  });
  await db.merchant.update({ where: { id: w.home.merchantId }, data: { originAreaCode: V1 } });
  await db.merchant.update({ where: { id: w.home.otherMerchantId }, data: { originAreaCode: V2 } });
  const m3 = await db.merchant.create({ data: { countyCode: county, name: "无产地合作社" } });
  const p1 = await makeProduct(db, w.home.merchantId, { name: "报表苹果" });
  const p2 = await makeProduct(db, w.home.otherMerchantId, { name: "报表梨" });
  const p3 = await makeProduct(db, m3.id, { name: "报表蘑菇" });
  const b2 = await db.productBatch.create({
    data: {
      productId: p2.id,
      merchantId: w.home.otherMerchantId,
      batchNo: "B2",
      producedOn: new Date("2026-10-01T00:00:00Z"),
      quantity: 100,
      originAreaCode: V3,
      traceCode: "TRACE-B2",
    },
  });
  const c3 = await db.counter.create({
    data: {
      countyCode: county,
      code: `${county}-C3`,
      name: "食堂专柜",
      venueType: "SUPERMARKET",
      operatorName: "超市二",
      nodeId: w.home.stationId,
    },
  });
  const listing = (productId: string, merchantId: string, counterId: string, countyCode = county) =>
    makeListing(db, { productId, merchantId, counterId, countyCode, status: "ACTIVE", stock: 100 });
  const l1 = await listing(p1.id, w.home.merchantId, w.home.counterId);
  const l2 = await listing(p2.id, w.home.otherMerchantId, w.home.otherCounterId);
  const l3 = await listing(p3.id, m3.id, c3.id);
  const l4 = await listing(p1.id, w.home.merchantId, w.home.otherCounterId);
  // Another county's sale must never show.
  const awayP = await makeProduct(db, w.away.merchantId);
  const awayL = await makeListing(db, {
    productId: awayP.id,
    merchantId: w.away.merchantId,
    counterId: w.away.counterId,
    countyCode: w.away.countyCode,
    status: "ACTIVE",
  });
  let n = 0;
  const sale = (l: { id: string; counterId: string }, quantity: number, unitPriceFen: number, soldAt: string, batchId?: string) =>
    db.counterSale.create({
      data: {
        listingId: l.id,
        counterId: l.counterId,
        quantity,
        unitPriceFen,
        amountFen: quantity * unitPriceFen,
        soldAt: new Date(soldAt),
        clientRef: `r${++n}`,
        batchId: batchId ?? null,
      },
    });
  await sale(l1, 3, 1000, "2026-11-10T09:00:00+08:00");
  await sale(l1, 1, 1000, "2026-11-12T23:59:00+08:00");
  await sale(l4, 2, 1200, "2026-11-11T10:00:00+08:00");
  await sale(l2, 5, 2000, "2026-11-11T10:00:00+08:00");
  await sale(l2, 2, 1900, "2026-11-11T11:00:00+08:00", b2.id);
  await sale(l3, 4, 500, "2026-11-10T00:00:00+08:00");
  // Outside the days (Asia/Shanghai): the evening before and the midnight after.
  await sale(l1, 10, 1000, "2026-11-09T23:59:00+08:00");
  await sale(l1, 10, 1000, "2026-11-13T00:00:00+08:00");
  await sale(awayL, 7, 700, "2026-11-11T10:00:00+08:00");
  ids = { c1: w.home.counterId, c2: w.home.otherCounterId, c3: c3.id, p1: p1.id, p2: p2.id, p3: p3.id };
});
afterAll(async () => h?.close());

const range = { from: "2026-11-10", to: "2026-11-12" };

describe("listings.reports.sales", () => {
  it("adds up the county's sales by counter, venue, product and origin village", async () => {
    const r = await h.callerAs(w.actors.manager).listings.reports.sales({ countyCode: w.home.countyCode, ...range });
    expect(r.totals).toEqual({ sales: 6, quantity: 17, amountFen: 22200 });
    expect(r.byCounter.map((c) => [c.counterId, c.venueType, c.quantity, c.amountFen])).toEqual([
      [ids.c2, "HIGHWAY_SERVICE_AREA", 9, 16200],
      [ids.c1, "SUPERMARKET", 4, 4000],
      [ids.c3, "SUPERMARKET", 4, 2000],
    ]);
    expect(r.byVenueType).toEqual([
      { venueType: "HIGHWAY_SERVICE_AREA", quantity: 9, amountFen: 16200 },
      { venueType: "SUPERMARKET", quantity: 8, amountFen: 6000 },
    ]);
    expect(r.byProduct.map((p) => [p.productId, p.quantity, p.amountFen])).toEqual([
      [ids.p2, 7, 13800],
      [ids.p1, 6, 6400],
      [ids.p3, 4, 2000],
    ]);
    expect(r.byVillage.map((v) => [v.areaCode, v.isPoor, v.quantity, v.amountFen])).toEqual([
      [V2, false, 5, 10000],
      [V1, true, 6, 6400],
      [V3, true, 2, 3800],
      [null, false, 4, 2000],
    ]);
    expect(r.byVillage[0]).toMatchObject({ name: "二村", townshipName: "盖州二镇" });
    expect(r.poorVillages).toEqual({
      quantity: 8,
      amountFen: 10200,
      villages: 2,
      byVillage: [
        { areaCode: V1, name: "盖州一村委会", townshipName: "盖州一镇", quantity: 6, amountFen: 6400 },
        { areaCode: V3, name: "三村", townshipName: "盖州二镇", quantity: 2, amountFen: 3800 },
      ],
    });
  });

  it("a single day, and an empty range, add up right", async () => {
    const c = h.callerAs(w.actors.admin).listings.reports;
    const d11 = await c.sales({ countyCode: w.home.countyCode, from: "2026-11-11", to: "2026-11-11" });
    expect(d11.totals).toEqual({ sales: 3, quantity: 9, amountFen: 16200 });
    expect(d11.poorVillages).toMatchObject({ amountFen: 2400 + 3800, villages: 2 });
    const none = await c.sales({ countyCode: w.home.countyCode, from: "2026-12-01", to: "2026-12-02" });
    expect(none).toMatchObject({
      totals: { sales: 0, quantity: 0, amountFen: 0 },
      byCounter: [],
      poorVillages: { amountFen: 0, villages: 0, byVillage: [] },
    });
  });

  it("a merchant sees the same figures for its own sales only", async () => {
    const r = await h.callerAs(w.actors.merchant).listings.reports.merchantSales({ merchantId: w.home.merchantId, ...range });
    expect(r.totals).toEqual({ sales: 3, quantity: 6, amountFen: 6400 });
    expect(r.byCounter.map((c) => [c.counterId, c.amountFen])).toEqual([
      [ids.c1, 4000],
      [ids.c2, 2400],
    ]);
    expect(r.byProduct.map((p) => p.productId)).toEqual([ids.p1]);
    expect(r.poorVillages).toMatchObject({ amountFen: 6400, villages: 1 });
    const other = await h.callerAs(w.actors.otherMerchant).listings.reports.merchantSales({ merchantId: w.home.otherMerchantId, ...range });
    expect(other.totals).toEqual({ sales: 2, quantity: 7, amountFen: 13800 });
    expect(other.poorVillages).toMatchObject({ amountFen: 3800, byVillage: [{ areaCode: V3 }] });
  });

  it("is refused outside the caller's scope", async () => {
    await expect(
      h.callerAs(w.actors.otherManager).listings.reports.sales({ countyCode: w.home.countyCode, ...range }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(h.callerAs(w.actors.merchant).listings.reports.sales({ countyCode: w.home.countyCode, ...range })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      h.callerAs(w.actors.merchant).listings.reports.merchantSales({ merchantId: w.home.otherMerchantId, ...range }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
