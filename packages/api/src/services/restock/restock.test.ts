// Restock orders against real PostgreSQL: drafting (idempotent by clientRef), confirming into upward
// parcels routed village point → township station → counter node with the product's temperature class,
// confirming twice or concurrently, failures that create nothing, and who sees what.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_PARCEL_G } from "@xiangda/domain";
import { createHarness, type Harness } from "../../test-utils/harness.ts";
import { buildRestockWorld, PEOPLE, type RestockWorld } from "../../test-utils/restock-world.ts";
import { scaled } from "@xiangda/config/testing";
import { FULL_INSPECTION } from "../../test-utils/three-rules.ts";

let h: Harness;
let w: RestockWorld;

beforeAll(async () => {
  h = await createHarness();
  w = await buildRestockWorld(h.deps.db);
  h.clock.set(new Date("2026-11-23T00:00:00Z")); // 08:00 in Gaizhou, a Monday
}, scaled(60_000));
afterAll(async () => h?.close());

const as = (who: keyof RestockWorld["actors"]) => h.callerAs(w.actors[who]);
const ref = () => randomUUID();

async function draft(
  lines: { listingId: string; quantity: number; batchId?: string }[],
  counterId = w.hubCounter,
  who: "counter" | "merchant" = "counter",
) {
  return as(who).restock.create({ counterId, merchantId: w.merchant, lines, clientRef: ref() });
}

const counts = async () => ({
  shipments: await h.deps.db.shipment.count(),
  legs: await h.deps.db.shipmentLeg.count(),
  parcels: await h.deps.db.restockShipment.count(),
});

describe("drafting", () => {
  it("makes a DRAFT with an RS number; a retry with the same clientRef returns the same order", async () => {
    const clientRef = ref();
    const input = {
      counterId: w.hubCounter,
      merchantId: w.merchant,
      lines: [{ listingId: w.listings.appleHub, quantity: 4, batchId: w.batches.apple }],
      note: "周末促销",
      clientRef,
    };
    const a = await as("counter").restock.create(input);
    expect(a).toMatchObject({ status: "DRAFT", createdBy: "COUNTER", totals: { units: 4, weightG: 4 * 5_200, parcels: 0 }, shipments: [] });
    expect(a.orderNo).toMatch(/^RS261123\d{6}$/);
    const [b, c] = await Promise.all([as("counter").restock.create(input), as("counter").restock.create(input)]);
    expect([b.id, c.id]).toEqual([a.id, a.id]);
    expect(await h.deps.db.restockOrder.count({ where: { note: "周末促销" } })).toBe(1);
  });

  it("names the line that is wrong: another counter's listing, another product's batch, a repeated line", async () => {
    const c = as("counter");
    const base = { counterId: w.hubCounter, merchantId: w.merchant, clientRef: ref() };
    await expect(c.restock.create({ ...base, lines: [{ listingId: w.listings.appleFar, quantity: 1 }] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("lines.0.listingId"),
    });
    await expect(
      c.restock.create({ ...base, lines: [{ listingId: w.listings.chickenHub, quantity: 1, batchId: w.batches.apple }] }),
    ).rejects.toMatchObject({ message: expect.stringContaining("lines.0.batchId") });
    await expect(
      c.restock.create({
        ...base,
        lines: [
          { listingId: w.listings.appleHub, quantity: 1 },
          { listingId: w.listings.appleHub, quantity: 2 },
        ],
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining("lines.1") });
    await expect(c.restock.create({ ...base, lines: [{ listingId: w.listings.appleHub, quantity: 0 }] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("lines.0.quantity"),
    });
    // One merchant per order: another merchant's listing on the same counter does not fit.
    await expect(c.restock.create({ ...base, lines: [{ listingId: w.listings.uncoveredHub, quantity: 1 }] })).rejects.toMatchObject({
      message: expect.stringContaining("lines.0.listingId"),
    });
  });
});

describe("confirming", () => {
  it("creates upward parcels routed village point → township station → counter node, by temperature class, under 20 kg each", async () => {
    const order = await draft([
      { listingId: w.listings.appleHub, quantity: 9, batchId: w.batches.apple },
      { listingId: w.listings.chickenHub, quantity: 20 },
    ]);
    const done = await as("merchant").restock.confirm({ orderId: order.id });
    expect(done.status).toBe("CONFIRMED");
    // 9 boxes of 5.2 kg → 3 parcels of 3; 20 chickens of 1.5 kg → 2 parcels of 10.
    expect(done.shipments.map((s) => [s.temp, s.units, s.weightG, s.batchNo]).sort()).toEqual(
      [
        ["AMBIENT", 3, 15_600, "GT-2026-10-08"],
        ["AMBIENT", 3, 15_600, "GT-2026-10-08"],
        ["AMBIENT", 3, 15_600, "GT-2026-10-08"],
        ["CHILLED", 10, 15_000, null],
        ["CHILLED", 10, 15_000, null],
      ].sort(),
    );
    expect(done.shipments.reduce((n, s) => n + s.weightG, 0)).toBe(done.totals.weightG);
    expect(done.totals).toMatchObject({ units: 29, weightG: 9 * 5_200 + 20 * 1_500, parcels: 5 });
    for (const s of done.shipments) {
      expect(s.weightG).toBeLessThanOrEqual(MAX_PARCEL_G);
      expect(s).toMatchObject({ status: "CREATED", light: "GREEN", destination: "盖州分拨中心", currentNode: "高屯村服务点" });
      expect(s.promisedAt).not.toBeNull();
      // The route as the parties see it: node names, the last arrival being the promise.
      expect(s.route.map((l) => [l.from, l.to, l.status])).toEqual([
        ["高屯村服务点", expect.any(String), "PLANNED"],
        [expect.any(String), "盖州分拨中心", "PLANNED"],
      ]);
      expect(s.route.at(-1)?.plannedArrive).toBe(s.promisedAt);
    }

    const rows = await h.deps.db.shipment.findMany({
      where: { waybillNo: { in: done.shipments.map((s) => s.waybillNo) } },
      include: { legs: { orderBy: { seq: "asc" } }, events: { orderBy: { id: "asc" } } },
    });
    for (const s of rows) {
      expect(s).toMatchObject({
        direction: "UP",
        originNodeId: w.nodes.P200,
        destNodeId: w.nodes.HUB,
        senderName: "盖州市高屯果蔬专业合作社",
        senderPhone: PEOPLE.merchantPhone,
        recipientName: "新华超市扶贫专柜",
        recipientPhone: PEOPLE.hubPhone,
      });
      const route = s.legs.map((l) => [l.laneCode, l.fromNodeId, l.toNodeId]);
      // Cold parcels ride the cold milk run and the cold trunk; ambient ones the ambient lanes.
      const lanes = s.temp === "CHILLED" ? ["M200C", "T102C"] : ["M200U", "T102U"];
      expect(route).toEqual([
        [lanes[0], w.nodes.P200, w.nodes.S102],
        [lanes[1], w.nodes.S102, w.nodes.HUB],
      ]);
      expect(s.promisedAt?.toISOString()).toBe(s.legs.at(-1)?.plannedArrive.toISOString());
      expect(s.events.map((e) => e.type)).toEqual(["CREATED", "ROUTED"]);
      expect(s.events[0]?.details).toMatchObject({ restockOrderNo: order.orderNo });
    }
    const links = await h.deps.db.restockShipment.findMany({ where: { orderId: order.id } });
    expect(links).toHaveLength(5);
    expect(links.filter((l) => l.batchId === w.batches.apple).reduce((n, l) => n + l.units, 0)).toBe(9);
    expect(links.filter((l) => l.batchId === null).reduce((n, l) => n + l.units, 0)).toBe(20);
  });

  it("is idempotent: confirming again, or twice at once, gives the same parcels and no more", async () => {
    const order = await draft([{ listingId: w.listings.appleHub, quantity: 5 }]);
    const [a, b] = await Promise.all([
      as("merchant").restock.confirm({ orderId: order.id }),
      as("merchant").restock.confirm({ orderId: order.id }),
    ]);
    expect(a.shipments).toHaveLength(2);
    expect(b.shipments.map((s) => s.waybillNo)).toEqual(a.shipments.map((s) => s.waybillNo));
    const before = await counts();
    const again = await as("manager").restock.confirm({ orderId: order.id });
    expect(again.shipments.map((s) => s.waybillNo)).toEqual(a.shipments.map((s) => s.waybillNo));
    expect(await counts()).toEqual(before);
    expect(await h.deps.db.restockShipment.count({ where: { orderId: order.id } })).toBe(2);
  });

  it("fails a cold product with no cold lane to the counter, naming the line, and creates nothing", async () => {
    const order = await draft(
      [
        { listingId: w.listings.appleFar, quantity: 2 },
        { listingId: w.listings.chickenFar, quantity: 3 },
      ],
      w.farCounter,
      "merchant",
    );
    const before = await counts();
    const err = await as("merchant")
      .restock.confirm({ orderId: order.id })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^lines\.\d: 散养鸡 \(chilled\) cannot be routed: .*cold/),
    });
    expect(await counts()).toEqual(before);
    expect((await as("merchant").restock.get({ orderId: order.id })).status).toBe("DRAFT");
    // The ambient part alone goes: hub → S105 on the ambient trunk after the climb to the hub.
    const ambient = await draft([{ listingId: w.listings.appleFar, quantity: 2 }], w.farCounter, "merchant");
    const ok = await as("merchant").restock.confirm({ orderId: ambient.id });
    expect(ok.shipments).toMatchObject([{ destination: "沙岗站", temp: "AMBIENT" }]);
  });

  it("fails when the merchant's village is not covered (its township has no station) and creates nothing", async () => {
    const order = await as("uncovered").restock.create({
      counterId: w.hubCounter,
      merchantId: w.uncovered,
      lines: [{ listingId: w.listings.uncoveredHub, quantity: 2 }],
      clientRef: ref(),
    });
    const before = await counts();
    await expect(as("uncovered").restock.confirm({ orderId: order.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("originAreaCode"),
    });
    await h.deps.db.merchant.update({ where: { id: w.uncovered }, data: { originAreaCode: null } });
    await expect(as("uncovered").restock.confirm({ orderId: order.id })).rejects.toMatchObject({
      message: expect.stringContaining("originAreaCode: the merchant has no origin village"),
    });
    expect(await counts()).toEqual(before);
    expect(await h.deps.db.restockOrder.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: "DRAFT",
      confirmedAt: null,
    });
  });
});

describe("receiving into stock", () => {
  const scanAs = (waybillNo: string, action: "DEPART" | "ARRIVE" | "DELIVER", node: keyof RestockWorld["nodes"], clientScanId = ref()) => ({
    clientScanId,
    code: waybillNo,
    action,
    nodeId: w.nodes[node],
    at: h.clock.now.toISOString(),
  });
  /// Accepted at the village point under the three rules (issue #17: no scan moves an announced parcel before), then
  /// along the route to the counter's node (arrived, not yet delivered).
  const travel = async (waybills: string[]) => {
    for (const waybillNo of waybills)
      await as("manager").shipments.acceptAnnounced({
        nodeId: w.nodes.P200,
        waybillNo,
        senderIdNumber: "11010519491231002X",
        inspection: FULL_INSPECTION,
      });
    for (const [action, node] of [
      ["DEPART", "P200"],
      ["ARRIVE", "S102"],
      ["DEPART", "S102"],
      ["ARRIVE", "HUB"],
    ] as const) {
      const { results: r } = await as("manager").scan.recordBatch({ scans: waybills.map((wb) => scanAs(wb, action, node)) });
      expect(r.map((x) => x.outcome)).toEqual(waybills.map(() => "OK"));
    }
  };
  const stockOf = async (id: string) => (await h.deps.db.listing.findUniqueOrThrow({ where: { id }, select: { stock: true } })).stock;
  const allStock = async () => (await h.deps.db.listing.aggregate({ _sum: { stock: true } }))._sum.stock ?? 0;

  it("adds a parcel's units to its listing when it is delivered at the counter's node, once, and shows it to both sides", async () => {
    const order = await draft([
      { listingId: w.listings.appleHub, quantity: 9, batchId: w.batches.apple },
      { listingId: w.listings.chickenHub, quantity: 20 },
    ]);
    const done = await as("merchant").restock.confirm({ orderId: order.id });
    expect(done.totals).toMatchObject({ units: 29, receivedUnits: 0 });
    expect(done.shipments.every((s) => s.stockedAt === null)).toBe(true);
    const apples = done.shipments.filter((s) => s.batchNo === "GT-2026-10-08").map((s) => s.waybillNo);
    const chickens = done.shipments.filter((s) => s.batchNo === null).map((s) => s.waybillNo);
    const [apple0, chicken0, total0] = [await stockOf(w.listings.appleHub), await stockOf(w.listings.chickenHub), await allStock()];

    await travel([apples[0]!, ...chickens]);
    // Arrived at the counter's node is not yet received: nothing added.
    expect([await stockOf(w.listings.appleHub), await stockOf(w.listings.chickenHub)]).toEqual([apple0, chicken0]);

    const deliverId = ref();
    expect(await as("manager").scan.record(scanAs(apples[0]!, "DELIVER", "HUB", deliverId))).toMatchObject({ outcome: "OK" });
    expect(await stockOf(w.listings.appleHub)).toBe(apple0 + 3);
    // The same scan sent again (a retry) and a second DELIVER of the parcel add nothing.
    await as("manager").scan.record(scanAs(apples[0]!, "DELIVER", "HUB", deliverId));
    expect((await as("manager").scan.record(scanAs(apples[0]!, "DELIVER", "HUB"))).outcome).not.toBe("OK");
    expect(await stockOf(w.listings.appleHub)).toBe(apple0 + 3);

    // Both chicken parcels in one batch: one listing, their units summed.
    const { results: r } = await as("manager").scan.recordBatch({ scans: chickens.map((wb) => scanAs(wb, "DELIVER", "HUB")) });
    expect(r.map((x) => x.outcome)).toEqual(["OK", "OK"]);
    expect(await stockOf(w.listings.chickenHub)).toBe(chicken0 + 20);
    // No other listing moved.
    expect(await allStock()).toBe(total0 + 23);

    for (const who of ["counter", "merchant"] as const) {
      const scope = who === "counter" ? { counterId: w.hubCounter } : { merchantId: w.merchant };
      const v = (await as(who).restock.list({ ...scope, limit: 50 })).items.find((o) => o.id === order.id)!;
      expect(v.totals).toMatchObject({ units: 29, receivedUnits: 23 });
      expect(v.lines.map((l) => [l.productName, l.quantity, l.receivedUnits]).sort()).toEqual(
        [
          [expect.stringContaining("苹果"), 9, 3],
          [expect.any(String), 20, 20],
        ].sort(),
      );
      const stocked = v.shipments.filter((s) => s.stockedAt).map((s) => s.waybillNo);
      expect(stocked.sort()).toEqual([apples[0]!, ...chickens].sort());
    }
    const links = await h.deps.db.restockShipment.findMany({ where: { orderId: order.id, stockedAt: { not: null } } });
    expect(links).toHaveLength(3);
  });

  it("leaves listings alone when an ordinary parcel is delivered", async () => {
    const order = await draft([{ listingId: w.listings.appleHub, quantity: 3 }]);
    const [parcel] = (await as("merchant").restock.confirm({ orderId: order.id })).shipments;
    // Unlinked from its order, the same parcel is just a parcel: delivering it changes no stock.
    await h.deps.db.restockShipment.deleteMany({ where: { orderId: order.id } });
    const before = await allStock();
    await travel([parcel!.waybillNo]);
    expect(await as("manager").scan.record(scanAs(parcel!.waybillNo, "DELIVER", "HUB"))).toMatchObject({ outcome: "OK" });
    expect(await allStock()).toBe(before);
  });
});

describe("who sees and does what", () => {
  it("lets the merchant confirm, never the counter; the counter cancels only its own draft", async () => {
    const byCounter = await draft([{ listingId: w.listings.appleHub, quantity: 1 }]);
    const byMerchant = await draft([{ listingId: w.listings.appleHub, quantity: 1 }], w.hubCounter, "merchant");
    expect(byMerchant.createdBy).toBe("MERCHANT");
    await expect(as("counter").restock.confirm({ orderId: byCounter.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as("counter").restock.cancel({ orderId: byMerchant.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await as("counter").restock.cancel({ orderId: byCounter.id })).toMatchObject({ status: "CANCELLED" });
    expect(await as("counter").restock.cancel({ orderId: byCounter.id })).toMatchObject({ status: "CANCELLED" });
    await expect(as("merchant").restock.confirm({ orderId: byCounter.id })).rejects.toMatchObject({ code: "UNPROCESSABLE_CONTENT" });
    await as("merchant").restock.confirm({ orderId: byMerchant.id });
    await expect(as("merchant").restock.cancel({ orderId: byMerchant.id })).rejects.toMatchObject({ code: "UNPROCESSABLE_CONTENT" });
  });

  it("shows each party its own orders with parcels, status, promise and light, the contact masked; others see nothing", async () => {
    const order = await draft([{ listingId: w.listings.appleHub, quantity: 2 }]);
    await as("merchant").restock.confirm({ orderId: order.id });
    for (const who of ["merchant", "counter", "manager", "admin"] as const) {
      const got = await as(who).restock.get({ orderId: order.id });
      expect(got.shipments[0]).toMatchObject({
        status: "CREATED",
        light: "GREEN",
        promisedAt: expect.any(String),
        waybillNo: expect.any(String),
      });
      expect(got.recipient).toMatchObject({ name: "新华超市扶贫专柜", contactName: "赵**", contactPhone: "137****2222" });
      expect(JSON.stringify(got)).not.toContain(PEOPLE.hubPhone);
    }
    for (const who of ["otherMerchant", "otherCounter", "otherManager"] as const)
      await expect(as(who).restock.get({ orderId: order.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as("admin").restock.get({ orderId: randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as("merchant").restock.get({ orderId: randomUUID() })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const ids = (r: { items: { id: string }[] }) => r.items.map((i) => i.id);
    expect(ids(await as("merchant").restock.list({}))).toContain(order.id);
    expect(ids(await as("counter").restock.list({}))).toContain(order.id);
    expect(ids(await as("counter").restock.list({ counterId: w.hubCounter }))).toContain(order.id);
    expect(ids(await as("manager").restock.list({ countyCode: "210881" }))).toContain(order.id);
    expect(ids(await as("otherMerchant").restock.list({}))).toEqual([]);
    expect(ids(await as("otherCounter").restock.list({}))).not.toContain(order.id);
    await expect(as("otherCounter").restock.list({ counterId: w.hubCounter })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as("otherMerchant").restock.list({ merchantId: w.merchant })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as("otherManager").restock.list({ countyCode: "210881" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(ids(await as("otherManager").restock.list({}))).toEqual([]);
    // Drafting for someone else's counter or merchant is refused the same way.
    await expect(
      as("otherCounter").restock.create({
        counterId: w.hubCounter,
        merchantId: w.merchant,
        lines: [{ listingId: w.listings.appleHub, quantity: 1 }],
        clientRef: ref(),
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      as("otherMerchant").restock.create({
        counterId: w.hubCounter,
        merchantId: w.merchant,
        lines: [{ listingId: w.listings.appleHub, quantity: 1 }],
        clientRef: ref(),
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("pages the county's list newest first", async () => {
    const first = await as("manager").restock.list({ countyCode: "210881", limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const next = await as("manager").restock.list({ countyCode: "210881", limit: 2, cursor: first.nextCursor! });
    expect(next.items.map((i) => i.id)).not.toContain(first.items[0]!.id);
  });
});
