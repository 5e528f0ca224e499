// Listing workflow and who may do what: drafts, review with recognition and certification checks,
// no self-approval, racing reviewers, stock adjustments, and merchants seeing only their own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import type { Actor } from "@xiangda/domain";
import { createHarness, type Harness } from "../../test-utils/harness.ts";
import { buildWorld, type World } from "../../test-utils/fixtures.ts";
import { makeActor, makeListing, makeProduct, NOW, recognise } from "../../test-utils/listings.ts";

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

function issues(e: unknown) {
  const cause = (e as TRPCError).cause as { issues?: { path: string; message: string }[] } | undefined;
  return cause?.issues ?? [];
}
async function fails(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof TRPCError) return e;
    throw e;
  }
  throw new Error("expected a failure");
}

describe("drafts", () => {
  it("a merchant lists its own active product on a counter of its county, and nothing else", async () => {
    const db = h.deps.db;
    const merchant = as(w.actors.merchant);
    const p = await makeProduct(db, w.home.merchantId, { name: "盖州苹果" });
    const l = await merchant.listings.create({
      merchantId: w.home.merchantId,
      productId: p.id,
      counterId: w.home.counterId,
      priceFen: 3990,
      stock: 20,
      minStock: 5,
    });
    expect(l).toMatchObject({
      status: "DRAFT",
      priceFen: 3990,
      stock: 20,
      minStock: 5,
      productName: "盖州苹果",
      merchantId: w.home.merchantId,
      countyCode: w.home.countyCode,
    });
    // Same product on the same counter again.
    expect(
      (
        await fails(
          merchant.listings.create({ merchantId: w.home.merchantId, productId: p.id, counterId: w.home.counterId, priceFen: 100 }),
        )
      ).code,
    ).toBe("CONFLICT");
    // Another merchant's product, a counter of another county, another merchant's id: all refused alike.
    const theirs = await makeProduct(db, w.home.otherMerchantId);
    expect(
      (
        await fails(
          merchant.listings.create({ merchantId: w.home.merchantId, productId: theirs.id, counterId: w.home.counterId, priceFen: 100 }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    expect(
      (
        await fails(
          merchant.listings.create({ merchantId: w.home.merchantId, productId: p.id, counterId: w.away.counterId, priceFen: 100 }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    expect(
      (
        await fails(
          merchant.listings.create({
            merchantId: w.home.otherMerchantId,
            productId: theirs.id,
            counterId: w.home.counterId,
            priceFen: 100,
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    // An inactive product.
    const old = await makeProduct(db, w.home.merchantId, { active: false });
    const e = await fails(
      merchant.listings.create({ merchantId: w.home.merchantId, productId: old.id, counterId: w.home.counterId, priceFen: 100 }),
    );
    expect(issues(e)).toEqual([{ path: "productId", message: "the product is not active", key: "PRODUCT_INACTIVE", params: {} }]);
  });

  it("validates price, stock and minimum", async () => {
    const merchant = as(w.actors.merchant);
    const p = await makeProduct(h.deps.db, w.home.merchantId);
    const base = { merchantId: w.home.merchantId, productId: p.id, counterId: w.home.otherCounterId };
    for (const bad of [
      { priceFen: 0 },
      { priceFen: 12.5 },
      { priceFen: 10_000_001 },
      { priceFen: 100, stock: -1 },
      { priceFen: 100, minStock: 1.5 },
    ]) {
      expect((await fails(merchant.listings.create({ ...base, ...bad }))).code).toBe("BAD_REQUEST");
    }
    const ok = await merchant.listings.create({ ...base, priceFen: 10_000_000 });
    const upd = await merchant.listings.update({ merchantId: w.home.merchantId, listingId: ok.id, priceFen: 2500, minStock: 4 });
    expect(upd).toMatchObject({ priceFen: 2500, minStock: 4, stock: 0 });
    expect((await fails(merchant.listings.update({ merchantId: w.home.merchantId, listingId: ok.id }))).code).toBe("BAD_REQUEST");
  });
});

describe("review", () => {
  it("submit → queue → reject with a reason → resubmit → approve; repeated approve is idempotent", async () => {
    const db = h.deps.db;
    const merchant = as(w.actors.merchant);
    const manager = as(w.actors.manager);
    const p = await makeProduct(db, w.home.merchantId, { certs: [{ kind: "GREEN_FOOD", validUntil: "2027-01-31" }] });
    const l = await merchant.listings.create({
      merchantId: w.home.merchantId,
      productId: p.id,
      counterId: w.home.counterId,
      priceFen: 1000,
    });
    const ref = { countyCode: w.home.countyCode, listingId: l.id };

    // Not yet submitted: not reviewable.
    expect((await fails(manager.listings.approve(ref))).code).toBe("UNPROCESSABLE_CONTENT");
    h.clock.set(new Date(NOW.getTime() + 1000));
    const sub = await merchant.listings.submit({ merchantId: w.home.merchantId, listingId: l.id });
    expect(sub.status).toBe("PENDING_REVIEW");
    expect((await merchant.listings.submit({ merchantId: w.home.merchantId, listingId: l.id })).status).toBe("PENDING_REVIEW");

    const q = await manager.listings.reviewQueue({ countyCode: w.home.countyCode });
    const item = q.pending.find((x) => x.id === l.id)!;
    expect(item.validity).toMatchObject({
      valid: true,
      recognition: { validUntil: "2027-06-30", valid: true },
      certifications: [{ kind: "GREEN_FOOD", validUntil: "2027-01-31", valid: true }],
    });

    // A merchant never reviews; another county's manager sees nothing.
    expect((await fails(merchant.listings.approve(ref))).code).toBe("FORBIDDEN");
    expect((await fails(as(w.actors.otherManager).listings.approve(ref))).code).toBe("FORBIDDEN");
    expect((await fails(as(w.actors.otherManager).listings.approve({ countyCode: w.away.countyCode, listingId: l.id }))).code).toBe(
      "FORBIDDEN",
    );

    // A reason is required.
    expect((await fails(manager.listings.reject({ ...ref, reason: "  " }))).code).toBe("BAD_REQUEST");
    const rej = await manager.listings.reject({ ...ref, reason: "价格高于市场价" });
    expect(rej).toMatchObject({ status: "REJECTED", rejectReason: "价格高于市场价", reviewedById: w.actors.manager!.userId });
    expect((await fails(manager.listings.approve(ref))).code).toBe("UNPROCESSABLE_CONTENT");
    expect((await merchant.listings.list({ merchantId: w.home.merchantId, status: "REJECTED" })).map((x) => x.id)).toContain(l.id);

    await merchant.listings.submit({ merchantId: w.home.merchantId, listingId: l.id });
    const ok = await manager.listings.approve(ref);
    expect(ok).toMatchObject({ status: "ACTIVE", rejectReason: null });
    const again = await manager.listings.approve(ref);
    expect(again).toEqual(ok);
    expect((await fails(manager.listings.reject({ ...ref, reason: "x" }))).code).toBe("UNPROCESSABLE_CONTENT");

    // Delisting: by the manager too; then approving it is an invalid transition.
    const del = await manager.listings.delist({ merchantId: w.home.merchantId, listingId: l.id });
    expect(del.status).toBe("DELISTED");
    expect((await merchant.listings.delist({ merchantId: w.home.merchantId, listingId: l.id })).status).toBe("DELISTED");
    expect((await fails(manager.listings.approve(ref))).code).toBe("UNPROCESSABLE_CONTENT");
    expect((await fails(merchant.listings.submit({ merchantId: w.home.merchantId, listingId: l.id }))).code).toBe("UNPROCESSABLE_CONTENT");
  });

  it("an expired recognition or certification blocks approval, naming what expired", async () => {
    const db = h.deps.db;
    const m = await db.merchant.create({ data: { countyCode: w.home.countyCode, name: "过期合作社" } });
    await recognise(db, m.id, "2026-11-19");
    const p = await makeProduct(db, m.id, {
      certs: [
        { kind: "ORGANIC", validUntil: "2026-11-20" },
        { kind: "GEO_INDICATION", validUntil: "2026-10-31" },
      ],
    });
    const l = await makeListing(db, {
      productId: p.id,
      counterId: w.home.counterId,
      merchantId: m.id,
      countyCode: w.home.countyCode,
      status: "PENDING_REVIEW",
    });
    const manager = as(w.actors.manager);
    const e = await fails(manager.listings.approve({ countyCode: w.home.countyCode, listingId: l.id }));
    expect(e.code).toBe("BAD_REQUEST");
    // Valid until 2026-11-20 is still valid on 2026-11-20 (Asia/Shanghai).
    expect(issues(e)).toEqual([
      {
        path: "recognitionValidUntil",
        message: expect.stringContaining("expired on 2026-11-19"),
        key: "RECOGNITION_EXPIRED_ON",
        params: { number: expect.any(String), date: "2026-11-19" },
      },
      {
        path: "certifications.GEO_INDICATION",
        message: expect.stringContaining("expired on 2026-10-31"),
        key: "CERTIFICATION_EXPIRED",
        params: { certKind: "GEO_INDICATION", number: expect.any(String), date: "2026-10-31" },
      },
    ]);
    expect((await db.listing.findUniqueOrThrow({ where: { id: l.id } })).status).toBe("PENDING_REVIEW");
    const q = await manager.listings.reviewQueue({ countyCode: w.home.countyCode });
    expect(q.pending.find((x) => x.id === l.id)?.validity).toMatchObject({ valid: false, recognition: { valid: false } });

    // Renewed: approval goes through.
    await recognise(db, m.id, "2027-11-19");
    await db.productCertification.updateMany({
      where: { productId: p.id, kind: "GEO_INDICATION" },
      data: { validUntil: new Date("2027-10-31T00:00:00Z") },
    });
    expect((await manager.listings.approve({ countyCode: w.home.countyCode, listingId: l.id })).status).toBe("ACTIVE");
    // A merchant without any recognition cannot be approved either.
    const none = await db.merchant.create({ data: { countyCode: w.home.countyCode, name: "未认定合作社" } });
    const p2 = await makeProduct(db, none.id);
    const l2 = await makeListing(db, {
      productId: p2.id,
      counterId: w.home.counterId,
      merchantId: none.id,
      countyCode: w.home.countyCode,
      status: "PENDING_REVIEW",
    });
    expect(issues(await fails(manager.listings.approve({ countyCode: w.home.countyCode, listingId: l2.id })))).toEqual([
      { path: "recognitionNo", message: "the merchant has no poverty-alleviation recognition", key: "NO_RECOGNITION_VALIDITY", params: {} },
    ]);
  });

  it("nobody approves a listing of their own merchant, nor one they submitted", async () => {
    const db = h.deps.db;
    const p = await makeProduct(db, w.home.merchantId);
    const l = await makeListing(db, {
      productId: p.id,
      counterId: w.home.otherCounterId,
      merchantId: w.home.merchantId,
      countyCode: w.home.countyCode,
      status: "PENDING_REVIEW",
    });
    const ref = { countyCode: w.home.countyCode, listingId: l.id };
    const linkedManager = await makeActor(db, "COUNTY_MANAGER", { countyCode: w.home.countyCode, merchantId: w.home.merchantId });
    const linkedAdmin = await makeActor(db, "ADMIN", { merchantId: w.home.merchantId });
    for (const a of [linkedManager, linkedAdmin]) {
      const e = await fails(as(a).listings.approve(ref));
      expect([e.code, e.message]).toEqual(["FORBIDDEN", "You cannot review a listing of your own merchant"]);
      expect((await fails(as(a).listings.reject({ ...ref, reason: "x" }))).code).toBe("FORBIDDEN");
    }
    // An ADMIN who submitted it on the merchant's behalf needs a second reviewer.
    const helper = await makeActor(db, "ADMIN");
    const p2 = await makeProduct(db, w.home.merchantId);
    const l2 = await as(helper).listings.create({
      merchantId: w.home.merchantId,
      productId: p2.id,
      counterId: w.home.counterId,
      priceFen: 500,
    });
    await as(helper).listings.submit({ merchantId: w.home.merchantId, listingId: l2.id });
    expect((await fails(as(helper).listings.approve({ countyCode: w.home.countyCode, listingId: l2.id }))).code).toBe("FORBIDDEN");
    expect((await as(w.actors.manager).listings.approve({ countyCode: w.home.countyCode, listingId: l2.id })).status).toBe("ACTIVE");
    expect((await as(w.actors.manager).listings.approve(ref)).status).toBe("ACTIVE");
  });

  it("racing reviewers get one result", async () => {
    const db = h.deps.db;
    const a = as(w.actors.manager);
    const b = as(w.actors.admin);
    for (let i = 0; i < 4; i++) {
      const p = await makeProduct(db, w.home.otherMerchantId);
      const l = await makeListing(db, {
        productId: p.id,
        counterId: w.home.counterId,
        merchantId: w.home.otherMerchantId,
        countyCode: w.home.countyCode,
        status: "PENDING_REVIEW",
      });
      const ref = { countyCode: w.home.countyCode, listingId: l.id };
      const [x, y] = await Promise.allSettled([a.listings.approve(ref), b.listings.reject({ ...ref, reason: "重复" })]);
      const ok = [x, y].filter((r) => r.status === "fulfilled");
      const bad = [x, y].filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(ok.length).toBe(1);
      expect((bad[0]!.reason as TRPCError).code).toBe("UNPROCESSABLE_CONTENT");
      const final = await db.listing.findUniqueOrThrow({ where: { id: l.id } });
      expect(final.status).toBe((ok[0] as PromiseFulfilledResult<{ status: string }>).value.status);
      // Two approvals at once: both answer ACTIVE, one review is recorded.
      const p2 = await makeProduct(db, w.home.otherMerchantId);
      const l2 = await makeListing(db, {
        productId: p2.id,
        counterId: w.home.counterId,
        merchantId: w.home.otherMerchantId,
        countyCode: w.home.countyCode,
        status: "PENDING_REVIEW",
      });
      const both = await Promise.all([a, b].map((c) => c.listings.approve({ countyCode: w.home.countyCode, listingId: l2.id })));
      expect(both.map((r) => r.status)).toEqual(["ACTIVE", "ACTIVE"]);
      expect(both[0]!.reviewedById).toBe(both[1]!.reviewedById);
    }
  });
});

describe("stock and shelves", () => {
  it("the merchant and the counter's operators adjust stock with a reason; never below zero", async () => {
    const db = h.deps.db;
    const p = await makeProduct(db, w.home.merchantId);
    const l = await makeListing(db, {
      productId: p.id,
      counterId: w.home.counterId,
      merchantId: w.home.merchantId,
      countyCode: w.home.countyCode,
      status: "ACTIVE",
      stock: 3,
      minStock: 5,
    });
    const op = as(w.actors.counter);
    expect((await op.listings.adjustStock({ listingId: l.id, delta: 10, reason: "到货" })).stock).toBe(13);
    expect((await as(w.actors.merchant).listings.adjustStock({ listingId: l.id, delta: -2, reason: "破损" })).stock).toBe(11);
    const e = await fails(op.listings.adjustStock({ listingId: l.id, delta: -12, reason: "盘点" }));
    expect(issues(e)).toEqual([{ path: "delta", message: "only 11 in stock; cannot remove 12", key: "ONLY_IN_STOCK_REMOVE", params: { stock: 11, remove: 12 } }]);
    expect((await fails(op.listings.adjustStock({ listingId: l.id, delta: 1, reason: "" }))).code).toBe("BAD_REQUEST");
    for (const who of [w.actors.otherCounter, w.actors.otherMerchant, w.actors.station, w.actors.manager]) {
      expect((await fails(as(who).listings.adjustStock({ listingId: l.id, delta: 1, reason: "x" }))).code).toBe("FORBIDDEN");
    }
    const audit = await db.auditLog.findFirst({ where: { action: "listings.adjustStock", outcome: "OK" }, orderBy: { at: "desc" } });
    expect(audit?.details).toMatchObject({ reason: "破损" });
  });

  it("a counter sees its live listings with belowMin and the restock suggestion", async () => {
    const db = h.deps.db;
    const mk = async (status: "ACTIVE" | "DRAFT", stock: number, minStock: number) =>
      makeListing(db, {
        productId: (await makeProduct(db, w.home.otherMerchantId)).id,
        counterId: w.home.otherCounterId,
        merchantId: w.home.otherMerchantId,
        countyCode: w.home.countyCode,
        status,
        stock,
        minStock,
      });
    const low = await mk("ACTIVE", 3, 10);
    const fine = await mk("ACTIVE", 10, 10);
    await mk("DRAFT", 0, 10);
    const shelf = await as(w.actors.otherCounter).listings.forCounter({ counterId: w.home.otherCounterId });
    const ids = shelf.map((x) => x.id);
    expect(ids).toContain(low.id);
    expect(ids).toContain(fine.id);
    expect(shelf.every((x) => x.status === "ACTIVE")).toBe(true);
    expect(shelf.find((x) => x.id === low.id)).toMatchObject({ belowMin: true, restockSuggested: true, suggestedRestockQty: 17 });
    expect(shelf.find((x) => x.id === fine.id)).toMatchObject({ belowMin: false, restockSuggested: false, suggestedRestockQty: 0 });
    expect(shelf[0]!.belowMin).toBe(true);
    expect((await fails(as(w.actors.counter).listings.forCounter({ counterId: w.home.otherCounterId }))).code).toBe("FORBIDDEN");
  });
});

describe("tenancy", () => {
  it("merchant A sees nothing of merchant B's listings", async () => {
    const db = h.deps.db;
    const pb = await makeProduct(db, w.home.otherMerchantId);
    const lb = await makeListing(db, {
      productId: pb.id,
      counterId: w.home.otherCounterId,
      merchantId: w.home.otherMerchantId,
      countyCode: w.home.countyCode,
    });
    const a = as(w.actors.merchant);
    const mine = await a.listings.list({ merchantId: w.home.merchantId });
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((x) => x.merchantId === w.home.merchantId)).toBe(true);
    expect((await fails(a.listings.list({ merchantId: w.home.otherMerchantId }))).code).toBe("FORBIDDEN");
    // B's listing through A's own merchant id: refused like a missing one.
    for (const call of [
      () => a.listings.update({ merchantId: w.home.merchantId, listingId: lb.id, priceFen: 1 }),
      () => a.listings.submit({ merchantId: w.home.merchantId, listingId: lb.id }),
      () => a.listings.delist({ merchantId: w.home.merchantId, listingId: lb.id }),
      () => a.listings.submit({ merchantId: w.home.merchantId, listingId: "00000000-0000-4000-8000-000000000000" }),
    ]) {
      const e = await fails(call());
      expect([e.code, e.message]).toEqual(["FORBIDDEN", "No access to this listing"]);
    }
    expect((await db.listing.findUniqueOrThrow({ where: { id: lb.id } })).status).toBe("DRAFT");
  });
});
