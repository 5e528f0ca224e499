// The daily expiry check: flags what expired (naming it), is idempotent and safe to run concurrently,
// clears renewed listings; flagged listings show in the county's queue and follow the selling policy.
import { Prisma } from "@xiangda/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../test-utils/harness.ts";
import { buildWorld, type World } from "../../test-utils/fixtures.ts";
import { flagExpiredListings } from "./flag-expired.ts";
import { makeListing, makeProduct, NOW, recognise } from "../../test-utils/listings.ts";

let h: Harness;
let w: World;
let l: Record<"expiredRec" | "expiredCert" | "fine" | "draft", { id: string; counterId: string }>;
let recNo: string;
let certNo: string;

beforeAll(async () => {
  h = await createHarness();
  w = await buildWorld(h.deps.db);
  h.clock.set(NOW);
  const db = h.deps.db;
  await recognise(db, w.home.merchantId, "2026-11-19");
  await recognise(db, w.home.otherMerchantId, "2027-06-30");
  recNo = (await db.merchant.findUniqueOrThrow({ where: { id: w.home.merchantId } })).recognitionNo!;
  const p1 = await makeProduct(db, w.home.merchantId);
  const p2 = await makeProduct(db, w.home.otherMerchantId, {
    certs: [
      { kind: "GREEN_FOOD", validUntil: "2026-11-15" },
      { kind: "ORGANIC", validUntil: "2027-01-01" },
    ],
  });
  const p3 = await makeProduct(db, w.home.otherMerchantId, { certs: [{ kind: "ORGANIC", validUntil: "2026-11-20" }] });
  certNo = (await db.productCertification.findFirstOrThrow({ where: { productId: p2.id, kind: "GREEN_FOOD" } })).number;
  const base = { countyCode: w.home.countyCode, status: "ACTIVE" as const, stock: 10 };
  l = {
    expiredRec: await makeListing(db, { ...base, productId: p1.id, merchantId: w.home.merchantId, counterId: w.home.counterId }),
    expiredCert: await makeListing(db, { ...base, productId: p2.id, merchantId: w.home.otherMerchantId, counterId: w.home.counterId }),
    fine: await makeListing(db, { ...base, productId: p3.id, merchantId: w.home.otherMerchantId, counterId: w.home.counterId }),
    draft: await makeListing(db, {
      ...base,
      status: "DRAFT",
      productId: p1.id,
      merchantId: w.home.merchantId,
      counterId: w.home.otherCounterId,
    }),
  };
});
afterAll(async () => h?.close());

const row = (id: string) =>
  h.deps.db.listing.findUniqueOrThrow({ where: { id }, select: { flaggedAt: true, flagReason: true, flagIssues: true, status: true } });

describe("flagExpiredListings", () => {
  it("flags ACTIVE listings naming what expired, once; parallel runs flag once too", async () => {
    // 02:00 on 2026-11-20 in Asia/Shanghai is still 2026-11-19 in UTC: the day must be Shanghai's.
    const at = new Date("2026-11-19T18:00:00Z");
    const runs = await Promise.all([0, 1, 2, 3].map(() => flagExpiredListings(h.deps.db, at)));
    expect(runs.reduce((s, r) => s + r.flagged, 0)).toBe(2);
    expect(runs.every((r) => r.today === "2026-11-20")).toBe(true);
    expect(await row(l.expiredRec.id)).toEqual({
      status: "ACTIVE",
      flaggedAt: at,
      flagReason: `recognition ${recNo} expired on 2026-11-19`,
      flagIssues: [{ key: "RECOGNITION_EXPIRED_ON", params: { number: recNo, date: "2026-11-19" } }],
    });
    expect(await row(l.expiredCert.id)).toEqual({
      status: "ACTIVE",
      flaggedAt: at,
      flagReason: `GREEN_FOOD certification ${certNo} expired on 2026-11-15`,
      flagIssues: [{ key: "CERTIFICATION_EXPIRED", params: { certKind: "GREEN_FOOD", number: certNo, date: "2026-11-15" } }],
    });
    expect(await row(l.fine.id)).toMatchObject({ flaggedAt: null, flagReason: null, flagIssues: null });
    expect(await row(l.draft.id)).toMatchObject({ flaggedAt: null, status: "DRAFT" });

    // The next day: same reasons, nothing changes (flaggedAt keeps the first day).
    const next = await flagExpiredListings(h.deps.db, new Date("2026-11-20T18:00:00Z"));
    expect(next).toMatchObject({ today: "2026-11-21", cleared: 0 });
    // …except the ORGANIC certification valid until 2026-11-20, which expired overnight.
    expect(next.flagged).toBe(1);
    expect((await row(l.fine.id)).flagReason).toMatch(/^ORGANIC certification .* expired on 2026-11-20$/);
    expect((await row(l.expiredRec.id)).flaggedAt).toEqual(at);

    // A listing flagged before the reasons were kept as keys gets them on the next run, keeping its first day and
    // counting as nothing new.
    await h.deps.db.listing.update({ where: { id: l.expiredRec.id }, data: { flagIssues: Prisma.DbNull } });
    const again = await flagExpiredListings(h.deps.db, new Date("2026-11-20T18:00:00Z"));
    expect(again).toMatchObject({ flagged: 0, cleared: 0 });
    expect(await row(l.expiredRec.id)).toMatchObject({ flaggedAt: at, flagIssues: [{ key: "RECOGNITION_EXPIRED_ON" }] });
  });

  it("shows flagged listings in the county's review queue; sales follow the policy", async () => {
    const q = await h.callerAs(w.actors.manager).listings.reviewQueue({ countyCode: w.home.countyCode });
    expect(q.flagged.map((x) => x.id).sort()).toEqual([l.expiredRec.id, l.expiredCert.id, l.fine.id].sort());
    expect(q.flagged.find((x) => x.id === l.expiredRec.id)).toMatchObject({
      status: "ACTIVE",
      flagged: true,
      flagIssues: [{ key: "RECOGNITION_EXPIRED_ON", params: { number: recNo, date: "2026-11-19" } }],
      validity: { valid: false },
    });
    const op = h.callerAs(w.actors.counter);
    const sale = (listingId: string, soldAt: string, clientRef: string) =>
      op.listings.sales.record({ counterId: w.home.counterId, listingId, quantity: 1, soldAt, clientRef });
    // Recognition expired: refused for sales after its last valid day, accepted for a sale on that day.
    await expect(sale(l.expiredRec.id, "2026-11-20T09:00:00+08:00", "p1")).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("expired on 2026-11-19"),
    });
    expect((await sale(l.expiredRec.id, "2026-11-19T21:00:00+08:00", "p2")).stock).toBe(9);
    // Only a certification expired: flagged, still sells.
    expect((await sale(l.expiredCert.id, "2026-11-20T09:00:00+08:00", "p3")).stock).toBe(9);
  });

  it("clears the flag once renewed, and re-flags when the reason changes", async () => {
    const db = h.deps.db;
    await recognise(db, w.home.merchantId, "2027-11-19");
    const later = new Date("2026-11-20T18:00:00Z");
    const r = await flagExpiredListings(db, later);
    expect(r).toMatchObject({ cleared: 1, flagged: 0 });
    expect(await row(l.expiredRec.id)).toMatchObject({ flaggedAt: null, flagReason: null });
    // The other certification expires as well: the reason names both, in a fixed order.
    await db.productCertification.updateMany({
      where: { productId: (await db.listing.findUniqueOrThrow({ where: { id: l.expiredCert.id } })).productId, kind: "ORGANIC" },
      data: { validUntil: new Date("2026-11-01T00:00:00Z") },
    });
    expect((await flagExpiredListings(db, later)).flagged).toBe(1);
    expect((await row(l.expiredCert.id)).flagReason).toMatch(
      /^GREEN_FOOD certification .* expired on 2026-11-15; ORGANIC certification .* expired on 2026-11-01$/,
    );
    // Delisted listings are no longer checked.
    await db.listing.update({ where: { id: l.fine.id }, data: { status: "DELISTED" } });
    expect(await flagExpiredListings(db, later)).toMatchObject({ flagged: 0, cleared: 0 });
    expect((await row(l.fine.id)).flagReason).not.toBeNull();
  });
});
