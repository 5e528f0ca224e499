// Property tests over HTTP for counter listings (create, update, stock) and the acceptance of upward parcels
// (三项制度): generated inputs, good, broken and hostile, from their rightful callers. Never a 5xx; a refusal
// changes nothing stored; an input error names its field; a resident ID never comes back in clear. Seed: XD_FC_SEED.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeListing, makeProduct, recognise } from "@xiangda/api/testing";
import { call, errorProblems, fingerprint, NASTY, runs, startProof, type Proof } from "./lib/http.ts";

let p: Proof;
const products: string[] = [];
let counters: string[] = [];

beforeAll(async () => {
  p = await startProof();
  const db = p.h.deps.db;
  await recognise(db, p.w.home.merchantId, "2099-12-31");
  for (let i = 0; i < 4; i++) products.push((await makeProduct(db, p.w.home.merchantId)).id);
  products.push((await makeProduct(db, p.w.home.merchantId, { active: false })).id);
  products.push((await makeProduct(db, p.w.home.otherMerchantId)).id);
  counters = [p.w.home.counterId, p.w.home.otherCounterId, p.w.away.counterId];
  await makeListing(db, {
    productId: products[0]!,
    counterId: counters[0]!,
    merchantId: p.w.home.merchantId,
    countyCode: p.w.home.countyCode,
    status: "ACTIVE",
    stock: 50,
  });
}, 60_000);
afterAll(async () => p?.close());

const field = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 8, arbitrary: good }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });
const text = (max: number) =>
  fc.oneof(fc.string({ maxLength: max }), fc.string({ unit: "grapheme", maxLength: max }), fc.constantFrom(...NASTY));
const id = (known: () => string[]) => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...known()) }, fc.uuid(), text(40));
const amount = (max: number) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0, max }) },
    fc.integer(),
    fc.double(),
    fc.constantFrom(-1, 0, max + 1, Number.MAX_SAFE_INTEGER, 0.5),
  );
const LISTING_TABLES = ["Listing", "Product", "Counter"];

/// Every procedure answer: a result, or a clean refusal that stored nothing.
async function checked(path: string, input: unknown, token: string, tables: string[]) {
  const before = await fingerprint(p.h.deps.db, tables);
  const r = await call(p.app, path, input, token);
  if (r.status !== 200) {
    expect(errorProblems(r)).toEqual([]);
    expect(await fingerprint(p.h.deps.db, tables)).toBe(before);
  }
  return r;
}

describe("listings", () => {
  it("create, update and adjustStock answer every generated input with a result or a clean, named refusal", async () => {
    const listings = async () => (await p.h.deps.db.listing.findMany({ select: { id: true } })).map((l) => l.id);
    let known = await listings();
    const seen = new Map<number, number>();
    const count = (s: number) => seen.set(s, (seen.get(s) ?? 0) + 1);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc
            .record(
              {
                merchantId: field(id(() => [p.w.home.merchantId, p.w.home.otherMerchantId])),
                productId: field(id(() => products)),
                counterId: field(id(() => counters)),
                priceFen: field(amount(10_000_000)),
                stock: field(amount(1_000_000)),
                minStock: field(amount(1_000_000)),
              },
              { requiredKeys: ["merchantId", "productId", "counterId"] },
            )
            .map((input) => ({ path: "listings.create", input })),
          fc
            .record(
              {
                merchantId: field(id(() => [p.w.home.merchantId])),
                listingId: field(id(() => known)),
                priceFen: field(amount(10_000_000)),
                minStock: field(amount(1_000_000)),
              },
              { requiredKeys: ["merchantId", "listingId"] },
            )
            .map((input) => ({ path: "listings.update", input })),
          fc
            .record(
              {
                listingId: field(id(() => known)),
                delta: field(fc.oneof({ weight: 3, arbitrary: fc.integer({ min: -200, max: 200 }) }, amount(1_000_000))),
                reason: field(text(220)),
              },
              { requiredKeys: ["listingId"] },
            )
            .map((input) => ({ path: "listings.adjustStock", input })),
        ),
        async ({ path, input }) => {
          const r = await checked(path, input, p.tokens.merchant, LISTING_TABLES);
          count(r.status);
          if (r.status === 200) {
            known = await listings();
            // Stock never goes below zero.
            expect(await p.h.deps.db.listing.count({ where: { stock: { lt: 0 } } })).toBe(0);
          }
        },
      ),
      runs(450),
    );
    expect(seen.get(200) ?? 0).toBeGreaterThan(0);
    expect(seen.get(400) ?? 0).toBeGreaterThan(0);
  }, 120_000);
});

/// A resident ID with a valid GB 11643 check character and birth date (1940–2005).
const residentId = fc
  .record({
    area: fc.constantFrom("110105", "210881", "440305"),
    born: fc.date({ min: new Date("1940-01-01T00:00:00Z"), max: new Date("2005-12-31T00:00:00Z"), noInvalidDate: true }),
    seq: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ area, born, seq }) => {
    const first = `${area}${born.toISOString().slice(0, 10).replace(/-/g, "")}${String(seq).padStart(3, "0")}`;
    const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const sum = [...first].reduce((s, d, i) => s + Number(d) * w[i]!, 0);
    return first + "10X98765432"[sum % 11]!;
  });
const PROHIBITED = ["explosives", "flammables", "toxic", "radioactive", "weapons", "drugs", "live_animals", "cash"];

describe("shipments.accept (三项制度)", () => {
  it("accepts only with a real name, a valid resident ID and a full inspection; refusals are clean and store nothing", async () => {
    const tables = ["Shipment", "ShipmentLeg", "ShipmentEvent"];
    const seen = new Map<number, number>();
    // Clean inputs (well-formed, hostile only in free text) and broken ones (any field anything, or missing).
    const acceptArb = (clean: boolean) => {
      const f = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<unknown> = text(30)) =>
        clean ? good : field(fc.oneof({ weight: 2, arbitrary: good }, { weight: 1, arbitrary: bad }));
      const name = fc.oneof(fc.constantFrom("李大山", "王芳", "赵女士"), fc.constantFrom(...NASTY.slice(0, 11)));
      return fc.record(
        {
          nodeId: f(fc.constantFrom(p.w.home.stationId, p.w.home.otherStationId, p.w.home.hubId), fc.uuid()),
          senderName: f(name, text(50)),
          senderIdNumber: f(fc.oneof({ weight: 3, arbitrary: residentId }, fc.stringMatching(/^\d{17}[\dX]$/))),
          senderPhone: f(fc.stringMatching(/^1\d{10}$/)),
          recipientName: f(name, text(50)),
          recipientPhone: f(fc.stringMatching(/^1\d{10}$/)),
          recipientAddress: f(text(200), text(220)),
          outboundCity: f(fc.constantFrom("沈阳市", "北京市"), text(50)),
          weightG: f(fc.integer({ min: 1, max: 30_000 }), amount(1_000_000)),
          temp: f(fc.constantFrom("AMBIENT", "CHILLED", "FROZEN")),
          contentsCategory: f(fc.constantFrom("苹果", "<b>土豆</b>"), text(50)),
          declaredValueFen: f(fc.integer({ min: 0, max: 1_000_000 }), amount(100_000_000)),
          inspection: f(
            fc.record(
              {
                inspected: f(fc.constant(true), fc.boolean()),
                prohibitedAbsent: f(
                  fc.constant(Object.fromEntries(PROHIBITED.map((k) => [k, true]))),
                  fc.oneof(
                    fc.subarray(PROHIBITED).map((ks) => Object.fromEntries(ks.map((k) => [k, true]))),
                    fc.dictionary(fc.constantFrom(...PROHIBITED, "other"), fc.jsonValue({ maxDepth: 0 })),
                  ),
                ),
                notes: f(text(200), text(220)),
              },
              { requiredKeys: ["inspected", "prohibitedAbsent"] },
            ),
          ),
          screening: f(fc.record({ screened: fc.boolean(), device: f(text(60), text(70)) }, { requiredKeys: ["screened"] })),
        },
        {
          requiredKeys: clean
            ? [
                "nodeId",
                "senderName",
                "senderIdNumber",
                "senderPhone",
                "recipientName",
                "recipientPhone",
                "outboundCity",
                "weightG",
                "contentsCategory",
                "inspection",
              ]
            : [],
        },
      );
    };
    await fc.assert(
      fc.asyncProperty(fc.oneof(acceptArb(true), acceptArb(false)), async (input) => {
        const r = await checked("shipments.accept", input, p.tokens.station, tables);
        seen.set(r.status, (seen.get(r.status) ?? 0) + 1);
        if (r.status === 200) {
          // Shown masked (first 3, last 4), never in clear.
          expect(r.text).not.toContain(String(input.senderIdNumber));
        }
      }),
      runs(400),
    );
    expect(seen.get(200) ?? 0).toBeGreaterThan(0);
    expect(seen.get(400) ?? 0).toBeGreaterThan(0);
  }, 120_000);
});

describe("shipments.acceptAnnounced (三项制度 for parcels announced before they are handed in)", () => {
  it("accepts a parcel waiting at the caller's node once, with a full inspection and a real name; refusals are clean", async () => {
    const tables = ["Shipment", "ShipmentEvent", "OutboxEvent"];
    const home = p.w.home;
    // Upward parcels announced at the home station (three) and at the other station (one).
    const waybills: string[] = [];
    for (const from of [`${home.countyCode}-S1`, `${home.countyCode}-S1`, `${home.countyCode}-S1`, `${home.countyCode}-S2`]) {
      const r = await call(
        p.app,
        "shipments.create",
        {
          countyCode: home.countyCode,
          direction: "UP",
          fromCode: from,
          to: `${home.countyCode}-HUB`,
          recipientName: "收货人",
          recipientPhone: "13812345678",
          weightG: 1000,
          contentsCategory: "苹果",
        },
        p.tokens.admin,
      );
      expect(r.status).toBe(200);
      waybills.push((r.body as { result: { data: { waybillNo: string } } }).result.data.waybillNo);
    }
    const seen = new Map<number, number>();
    const arb = (clean: boolean) => {
      const f = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<unknown> = text(30)) =>
        clean ? good : field(fc.oneof({ weight: 2, arbitrary: good }, { weight: 1, arbitrary: bad }));
      return fc.record(
        {
          nodeId: f(fc.constantFrom(home.stationId, home.otherStationId, home.hubId), fc.uuid()),
          waybillNo: f(fc.constantFrom(...waybills, "XD0000000000000"), text(40)),
          senderName: f(fc.constantFrom("李大山", "王芳", ...NASTY.slice(0, 6)), text(50)),
          senderIdNumber: f(fc.oneof({ weight: 3, arbitrary: residentId }, fc.stringMatching(/^\d{17}[\dX]$/))),
          inspection: f(
            fc.record({
              inspected: f(fc.constant(true), fc.boolean()),
              prohibitedAbsent: f(
                fc.constant(Object.fromEntries(PROHIBITED.map((k) => [k, true]))),
                fc.subarray(PROHIBITED).map((ks) => Object.fromEntries(ks.map((k) => [k, true]))),
              ),
              notes: f(text(200), text(220)),
            }),
          ),
          screening: f(fc.record({ screened: fc.boolean(), device: f(text(60), text(70)) }, { requiredKeys: ["screened"] })),
        },
        { requiredKeys: clean ? ["nodeId", "waybillNo", "inspection"] : [] },
      );
    };
    await fc.assert(
      fc.asyncProperty(fc.oneof(arb(true), arb(false)), async (input) => {
        const r = await checked("shipments.acceptAnnounced", input, p.tokens.station, tables);
        seen.set(r.status, (seen.get(r.status) ?? 0) + 1);
        if (r.status === 200 && typeof input.senderIdNumber === "string") expect(r.text).not.toContain(input.senderIdNumber);
      }),
      runs(300),
    );
    // Each parcel accepted at most once, and only ever at the station's own node: the staff may accept one announced
    // at the other station when they hold it (issue #17: acceptance at any node of the county), never elsewhere.
    const accepted = await p.h.deps.db.shipmentEvent.groupBy({
      by: ["shipmentId"],
      where: { type: "ACCEPTED", shipment: { waybillNo: { in: waybills } } },
      _count: true,
    });
    expect(accepted.every((a) => a._count === 1)).toBe(true);
    const acceptedAt = await p.h.deps.db.shipmentEvent.findMany({
      where: { type: "ACCEPTED", shipment: { waybillNo: { in: waybills } } },
      select: { nodeId: true },
    });
    expect(acceptedAt.every((e) => e.nodeId === home.stationId)).toBe(true);
    const atOther = await p.h.deps.db.shipment.findUniqueOrThrow({ where: { waybillNo: waybills[3]! } });
    expect(["CREATED", "ACCEPTED"]).toContain(atOther.status);
    if (atOther.status === "ACCEPTED") expect(atOther.currentNodeId).toBe(home.stationId);
    expect(seen.get(200) ?? 0).toBeGreaterThan(0);
    expect(seen.get(400) ?? 0).toBeGreaterThan(0);
  }, 120_000);
});
