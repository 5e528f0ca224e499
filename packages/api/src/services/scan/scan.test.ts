// The scan API contract against real PostgreSQL: a parcel's whole journey, idempotency under
// racing duplicates, refusals that change nothing, misrouting, the three rules at the hub.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@xiangda/domain";
import { shipmentDetail, staffView } from "../shipments/tracking.ts";
import { createHarness, type Harness } from "../../test-utils/harness.ts";
import { importScanNetwork, SCAN_COUNTY, SCAN_MANAGER, scanStaff } from "../../test-utils/scan-network.ts";
import { FULL_INSPECTION } from "../../test-utils/three-rules.ts";
import { scaled } from "@xiangda/config/testing";

let h: Harness;
const countyCode = SCAN_COUNTY;
const ids: Record<string, string> = {};
const staff = (code: string): Actor => scanStaff(ids[code]!, code);
const manager = SCAN_MANAGER;

beforeAll(async () => {
  h = await createHarness();
  const net = await importScanNetwork(h, ["T5U,S105,HUB,TRUNK,16:00,50"]);
  Object.assign(ids, net.ids);
  h.clock.set(new Date("2026-11-23T00:00:00Z"));
}, scaled(60_000));
afterAll(async () => h?.close());

async function newParcel(phone = "13812345678") {
  const s = await h.callerAs(manager).shipments.create({
    countyCode,
    direction: "DOWN",
    fromCode: "HUB",
    to: "P200",
    recipientName: "王",
    recipientPhone: phone,
    weightG: 500,
    contentsCategory: "日用品",
  });
  return s.waybillNo;
}

/// The parcel's timeline as staff see it (stored events merged with the scans that moved it).
async function timeline(waybillNo: string) {
  return staffView(await shipmentDetail(h.deps.db, { waybillNo })).events;
}

const scan = (actor: Actor, code: string, action: string, node: string, extra: object = {}) =>
  h.callerAs(actor).scan.record({
    clientScanId: randomUUID(),
    code,
    action: action as never,
    nodeId: ids[node]!,
    at: h.clock.now.toISOString(),
    ...extra,
  });

describe("a parcel's journey", () => {
  it("goes hub → station → village point → picked up with its code", async () => {
    const wb = await newParcel();
    expect(await scan(staff("HUB"), wb, "DEPART", "HUB")).toMatchObject({
      outcome: "OK",
      nextHop: { code: "S102" },
      shipment: { status: "IN_TRANSIT" },
    });
    h.clock.advance(6 * 3600_000);
    expect(await scan(staff("S102"), wb, "ARRIVE", "S102")).toMatchObject({ outcome: "OK", nextHop: { code: "P200" } });
    expect(await scan(staff("S102"), wb, "HANDOVER", "S102")).toMatchObject({ outcome: "OK", nextHop: { code: "P200" } });
    expect((await h.deps.db.shipment.findUniqueOrThrow({ where: { waybillNo: wb } })).finishedAt).toBeNull();
    const arrivedAt = h.clock.now;
    const arrived = await scan(staff("P200"), wb, "ARRIVE", "P200");
    expect(arrived).toMatchObject({ outcome: "OK", shelfSlot: "A-01-01", shipment: { status: "AWAITING_PICKUP" } });
    const row = await h.deps.db.shipment.findUniqueOrThrow({ where: { waybillNo: wb } });
    expect(row.pickupCode).toMatch(/^\d{6}$/);
    // Arrival at the final node finishes it (the promise is that arrival); its county-day's roll-ups follow (outbox).
    expect(row.finishedAt).toEqual(arrivedAt);
    const rollups = await h.deps.db.outboxEvent.findMany({ where: { name: "dashboard.rollup" } });
    expect(rollups.map((r) => (r.payload as { day: string }).day)).toContain("2026-11-23");
    expect(await h.deps.db.outboxEvent.count({ where: { name: "notify.pickupReady" } })).toBe(1);

    h.clock.advance(3600_000);
    const wrong = await scan(staff("P200"), wb, "PICKUP", "P200", { pickupCode: row.pickupCode === "000000" ? "111111" : "000000" });
    expect(wrong).toMatchObject({ outcome: "INVALID_TRANSITION", message: expect.stringContaining("pickup code") });
    expect(await scan(staff("P200"), "A-01-01", "PICKUP", "P200", { pickupCode: row.pickupCode })).toMatchObject({
      outcome: "OK",
      shipment: { status: "DELIVERED" },
    });

    // Picking it up later keeps the finish at the arrival.
    expect((await h.deps.db.shipment.findUniqueOrThrow({ where: { waybillNo: wb } })).finishedAt).toEqual(arrivedAt);
    const legs = await h.deps.db.shipmentLeg.findMany({ where: { shipment: { waybillNo: wb } }, orderBy: { seq: "asc" } });
    expect(legs.map((l) => [l.status, !!l.actualDepart, !!l.actualArrive])).toEqual([
      ["ARRIVED", true, true],
      ["ARRIVED", true, true],
    ]);
    const events = (await timeline(wb)).filter((e) => e.type !== "LIGHT_CHANGED");
    expect(events.map((e) => e.type)).toEqual(["CREATED", "ROUTED", "DEPART", "ARRIVE", "HANDOVER", "ARRIVE", "PICKUP"]);
    // Scans carry where and what they said; the shelf slot shows on the arrival that put the parcel on the shelf.
    expect(events[5]).toMatchObject({ type: "ARRIVE", node: expect.any(String), details: { shelfSlot: "A-01-01" } });
    // Scans are not copied into the stored events.
    expect(
      await h.deps.db.shipmentEvent.count({ where: { shipment: { waybillNo: wb }, type: { in: ["DEPART", "ARRIVE", "PICKUP"] } } }),
    ).toBe(0);
    expect(await h.deps.db.scanEvent.count({ where: { code: { in: [wb, "A-01-01"] } } })).toBe(6);
  });

  it("flags parcels not collected within the node's hold days for return, once", async () => {
    const { flagUncollected } = await import("./flag-uncollected.ts");
    const wb = await newParcel("13800000099");
    await scan(staff("P200"), wb, "ARRIVE", "P200");
    const t0 = h.clock.now.getTime();
    expect((await flagUncollected(h.deps.db, new Date(t0 + 6 * 86_400_000))).flagged).toBe(0);
    expect((await flagUncollected(h.deps.db, new Date(t0 + 8 * 86_400_000))).flagged).toBeGreaterThanOrEqual(1);
    expect((await h.deps.db.shipment.findUniqueOrThrow({ where: { waybillNo: wb } })).returnFlaggedAt).not.toBeNull();
    expect((await flagUncollected(h.deps.db, new Date(t0 + 9 * 86_400_000))).flagged).toBe(0);
  });

  it("gives the next parcel the next free shelf slot", async () => {
    const a = await newParcel("13800000001");
    const b = await newParcel("13800000002");
    for (const wb of [a, b]) await scan(staff("P200"), wb, "ARRIVE", "P200");
    const slots = (await h.deps.db.shipment.findMany({ where: { waybillNo: { in: [a, b] } }, orderBy: { waybillNo: "asc" } })).map(
      (s) => s.shelfSlot,
    );
    expect(new Set(slots).size).toBe(2);
    const held = await h.deps.db.shipment.findMany({
      where: { status: "AWAITING_PICKUP", currentNodeId: ids.P200! },
      select: { shelfSlot: true },
    });
    expect(new Set(held.map((x) => x.shelfSlot)).size).toBe(held.length); // never two parcels in one slot
    expect(slots.every((x) => /^A-01-\d\d$/.test(x ?? ""))).toBe(true);
  });
});

describe("idempotency", () => {
  it("returns the first result for a repeated clientScanId, with one effect, even when racing", async () => {
    const wb = await newParcel();
    const input = { clientScanId: randomUUID(), code: wb, action: "DEPART" as const, nodeId: ids.HUB!, at: h.clock.now.toISOString() };
    const caller = h.callerAs(staff("HUB"));
    const results = await Promise.all(Array.from({ length: 8 }, () => caller.scan.record(input)));
    const distinct = [...new Set(results.map((r) => JSON.stringify(r)))];
    if (distinct.length > 1) console.log("DISTINCT", distinct);
    expect(distinct).toHaveLength(1);
    expect(results[0]!.outcome).toBe("OK");
    expect(await h.deps.db.scanEvent.count({ where: { clientScanId: input.clientScanId } })).toBe(1);
    expect((await timeline(wb)).filter((e) => e.type === "DEPART")).toHaveLength(1);
    expect(await caller.scan.record(input)).toEqual(results[0]);
  });

  it("answers the same action from another device as DUPLICATE with no effect", async () => {
    const wb = await newParcel();
    const [a, b] = await Promise.all([scan(staff("HUB"), wb, "DEPART", "HUB"), scan(staff("HUB"), wb, "DEPART", "HUB")]);
    expect([a.outcome, b.outcome].sort()).toEqual(["DUPLICATE", "OK"]);
    expect((await timeline(wb)).filter((e) => e.type === "DEPART")).toHaveLength(1);
  });
});

describe("refusals change nothing and are stored", () => {
  it("FORBIDDEN at another node, UNKNOWN_CODE for a bad check digit or an unknown number", async () => {
    const wb = await newParcel();
    const before = await h.deps.db.shipment.findUniqueOrThrow({ where: { waybillNo: wb } });
    expect(await scan(staff("S102"), wb, "DEPART", "HUB")).toMatchObject({
      outcome: "FORBIDDEN",
      reason: "OWN_NODE_ONLY",
      params: null,
      shipment: null,
    });
    const bad = wb.slice(0, -1) + String((Number(wb.slice(-1)) + 1) % 10);
    // The check digit is said to be wrong, never which one is right (that would be another valid number): issue #17.
    const mistyped = await scan(staff("HUB"), bad, "DEPART", "HUB");
    expect(mistyped).toMatchObject({
      outcome: "UNKNOWN_CODE",
      reason: "WAYBILL_CHECK_DIGIT",
      message: `${bad} has a wrong check digit; the number is mistyped`,
    });
    expect(mistyped.params).toEqual({ code: bad });
    expect(JSON.stringify(mistyped)).not.toContain(wb);
    expect(await scan(staff("HUB"), "xd12345", "DEPART", "HUB")).toMatchObject({
      outcome: "UNKNOWN_CODE",
      reason: "WAYBILL_FORMAT",
      params: { code: "xd12345" },
      message: expect.stringContaining("XD followed by 13 digits"),
    });
    // Every refusal has a reason code with its parameters (for the console's language) and the same in English.
    expect(await scan(staff("HUB"), "9999999", "DEPART", "HUB")).toMatchObject({
      outcome: "UNKNOWN_CODE",
      reason: "UNKNOWN_CODE",
      params: { code: "9999999" },
      message: "unknown code 9999999",
    });
    expect(await scan(staff("HUB"), wb, "DELIVER", "HUB")).toMatchObject({ outcome: "INVALID_TRANSITION", reason: "NOT_FINAL_NODE" });
    const after = await h.deps.db.shipment.findUniqueOrThrow({ where: { waybillNo: wb } });
    expect(after).toEqual(before);
    const stored = await h.deps.db.scanEvent.findMany({ where: { outcome: { in: ["FORBIDDEN", "UNKNOWN_CODE", "INVALID_TRANSITION"] } } });
    expect(stored.length).toBeGreaterThanOrEqual(4);
  });

  it("refuses a merchant or a manager of another county as FORBIDDEN", async () => {
    const wb = await newParcel();
    const merchant: Actor = { userId: randomUUID(), username: "mc", role: "MERCHANT", countyCode, nodeId: null, merchantId: randomUUID() };
    expect((await scan(merchant, wb, "DEPART", "HUB")).outcome).toBe("FORBIDDEN");
    expect((await scan({ ...manager, countyCode: "211021" }, wb, "DEPART", "HUB")).outcome).toBe("FORBIDDEN");
    expect((await scan(manager, wb, "DEPART", "HUB")).outcome).toBe("OK");
  });
});

describe("misrouting and the three rules", () => {
  it("MISROUTED names the expected node and queues a new route", async () => {
    const wb = await newParcel();
    await scan(staff("HUB"), wb, "DEPART", "HUB");
    const r = await scan(staff("S105"), wb, "ARRIVE", "S105");
    expect(r).toMatchObject({
      outcome: "MISROUTED",
      expected: { code: "S102" },
      reason: "MISROUTED_AT",
      params: { code: "S102", name: expect.any(String) },
      message: expect.stringContaining("S102"),
    });
    const s = await h.deps.db.shipment.findUniqueOrThrow({ where: { waybillNo: wb } });
    expect(s.currentNodeId).toBe(ids.S105);
    expect(
      await h.deps.db.outboxEvent.count({ where: { name: "shipments.replan", payload: { path: ["shipmentId"], equals: s.id } } }),
    ).toBe(1);
  });

  it("keeps an upward parcel at the hub until it is screened", async () => {
    const st = staff("S105");
    const accepted = await h.callerAs(st).shipments.accept({
      nodeId: ids.S105!,
      senderName: "李",
      senderIdNumber: "11010519491231002X",
      senderPhone: "13900001111",
      recipientName: "赵",
      recipientPhone: "13700002222",
      outboundCity: "沈阳市",
      weightG: 5000,
      contentsCategory: "苹果",
      inspection: FULL_INSPECTION,
    });
    expect(accepted.legs.map((l) => l.lane)).toEqual(["T5U"]);
    await scan(st, accepted.waybillNo, "DEPART", "S105");
    await scan(staff("HUB"), accepted.waybillNo, "ARRIVE", "HUB");
    // At its destination (the hub's outbound gate) it may still not be handed on unscreened.
    expect(await scan(staff("HUB"), accepted.waybillNo, "LOAD", "HUB", { vehicleId: randomUUID() })).toMatchObject({
      outcome: "INVALID_TRANSITION",
      message: expect.stringContaining("security screening"),
    });
  });
});

describe("lights follow scans", () => {
  it("turns RED at a late departure scan and GREEN again when the next leg is on track", async () => {
    const wb = await newParcel();
    const leg = await h.deps.db.shipmentLeg.findFirstOrThrow({ where: { shipment: { waybillNo: wb }, seq: 0 } });
    const saved = h.clock.now;
    try {
      h.clock.set(new Date(leg.plannedArrive.getTime() + 3600_000));
      expect((await scan(staff("HUB"), wb, "DEPART", "HUB")).shipment?.light).toBe("RED");
      expect((await scan(staff("S102"), wb, "ARRIVE", "S102")).shipment?.light).toBe("GREEN");
      const changes = await h.deps.db.shipmentEvent.findMany({
        where: { shipment: { waybillNo: wb }, type: "LIGHT_CHANGED" },
        orderBy: { id: "asc" },
      });
      expect(changes.map((e) => (e.details as { to: string }).to)).toEqual(["RED", "GREEN"]);
    } finally {
      h.clock.set(saved);
    }
  });
});

describe("device times and batches", () => {
  it("takes a device time far in the future as the server's, and keeps an old one as sent", async () => {
    const wb = await newParcel();
    await h.callerAs(staff("HUB")).scan.record({
      clientScanId: randomUUID(),
      code: wb,
      action: "DEPART",
      nodeId: ids.HUB!,
      at: new Date(h.clock.now.getTime() + 3 * 86_400_000).toISOString(),
    });
    const leg = await h.deps.db.shipmentLeg.findFirstOrThrow({ where: { shipment: { waybillNo: wb }, seq: 0 } });
    expect(leg.actualDepart?.toISOString()).toBe(h.clock.now.toISOString());
    const early = new Date(h.clock.now.getTime() - 3600_000).toISOString();
    await h.callerAs(staff("S102")).scan.record({ clientScanId: randomUUID(), code: wb, action: "ARRIVE", nodeId: ids.S102!, at: early });
    const arrived = await h.deps.db.shipmentLeg.findFirstOrThrow({ where: { shipment: { waybillNo: wb }, seq: 0 } });
    expect(arrived.actualArrive?.toISOString()).toBe(early);
  });

  it("records a batch in order with a result per scan", async () => {
    const wb = await newParcel();
    const mk = (action: string, node: string) => ({
      clientScanId: randomUUID(),
      code: wb,
      action: action as never,
      nodeId: ids[node]!,
      at: h.clock.now.toISOString(),
    });
    const { results } = await h
      .callerAs(manager)
      .scan.recordBatch({ scans: [mk("DEPART", "HUB"), mk("DEPART", "HUB"), mk("ARRIVE", "S102")] });
    expect(results.map((r) => r.outcome)).toEqual(["OK", "DUPLICATE", "OK"]);
    await expect(h.callerAs(manager).scan.recordBatch({ scans: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("runs a parcel's whole journey inside one batch: shelf code, pickup and a repeated clientScanId", async () => {
    const wb = await newParcel("13900001234");
    const mk = (action: string, code: string, node: string, extra: object = {}) => ({
      clientScanId: randomUUID(),
      code,
      action: action as never,
      nodeId: ids[node]!,
      at: h.clock.now.toISOString(),
      ...extra,
    });
    const arrive = mk("ARRIVE", wb, "P200");
    const { results } = await h.callerAs(manager).scan.recordBatch({
      scans: [
        mk("DEPART", wb, "HUB"),
        mk("ARRIVE", wb, "S102"),
        mk("HANDOVER", wb, "S102"),
        arrive,
        arrive,
        mk("ARRIVE", "XD000000000000", "P200"),
      ],
    });
    expect(results.map((r) => r.outcome)).toEqual(["OK", "OK", "OK", "OK", "OK", "UNKNOWN_CODE"]);
    expect(results[4]).toEqual(results[3]);
    const slot = results[3]!.shelfSlot!;
    expect(slot).toMatch(/^[A-Z]-\d\d-\d\d$/);
    // The slot just given out is scanned in the next batch to hand the parcel over.
    const { results: r2 } = await h.callerAs(manager).scan.recordBatch({ scans: [mk("PICKUP", slot, "P200", { phoneLast4: "1234" })] });
    expect(r2[0]).toMatchObject({ outcome: "OK", shipment: { waybillNo: wb, status: "DELIVERED" } });
    expect(await h.deps.db.scanEvent.count({ where: { clientScanId: arrive.clientScanId } })).toBe(1);
    const events = (await timeline(wb)).filter((e) => e.node !== null);
    expect(events.map((e) => e.type)).toEqual(["CREATED", "DEPART", "ARRIVE", "HANDOVER", "ARRIVE", "PICKUP"]);
  });

  it("never gives one shelf slot twice when batches race, and replays a whole retried batch", async () => {
    const parcels = await Promise.all(Array.from({ length: 12 }, () => newParcel()));
    const mk = (action: string, code: string, node: string) => ({
      clientScanId: randomUUID(),
      code,
      action: action as never,
      nodeId: ids[node]!,
      at: h.clock.now.toISOString(),
    });
    for (const [action, node] of [
      ["DEPART", "HUB"],
      ["ARRIVE", "S102"],
      ["HANDOVER", "S102"],
    ] as const) {
      await h.callerAs(manager).scan.recordBatch({ scans: parcels.map((wb) => mk(action, wb, node)) });
    }
    // Three overlapping batches arrive at once: the same parcels in different orders.
    const arrivals = parcels.map((wb) => mk("ARRIVE", wb, "P200"));
    const batches = [arrivals.slice(0, 8), [...arrivals.slice(4)].reverse(), arrivals.filter((_, i) => i % 2 === 0)];
    const answers = await Promise.all(batches.map((scans) => h.callerAs(manager).scan.recordBatch({ scans })));
    const byId = new Map<string, unknown>();
    for (const { results } of answers)
      for (const r of results) {
        expect(r.outcome).toBe("OK");
        if (byId.has(r.clientScanId)) expect(r).toEqual(byId.get(r.clientScanId));
        byId.set(r.clientScanId, r);
      }
    expect(await h.deps.db.scanEvent.count({ where: { clientScanId: { in: arrivals.map((a) => a.clientScanId) } } })).toBe(12);
    const waiting = await h.deps.db.shipment.findMany({ where: { waybillNo: { in: parcels } }, select: { shelfSlot: true, status: true } });
    expect(waiting.every((w) => w.status === "AWAITING_PICKUP")).toBe(true);
    expect(new Set(waiting.map((w) => w.shelfSlot)).size).toBe(12);
    const again = await h.callerAs(manager).scan.recordBatch({ scans: arrivals });
    expect(again.results.map((r) => r.shelfSlot)).toEqual(
      arrivals.map((a) => byId.get(a.clientScanId) as { shelfSlot: string }).map((r) => r.shelfSlot),
    );
  });
});
