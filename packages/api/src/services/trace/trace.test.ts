// Public traceability against real PostgreSQL: a confirmed restock's parcels carrying a batch, moved by
// real scans, show up as the route to the counter; the answer holds no personal data; unknown codes
// are NOT_FOUND; look-ups are rate-limited per IP.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../test-utils/harness.ts";
import { buildRestockWorld, PEOPLE, TOWNSHIP, VILLAGE, type RestockWorld } from "../../test-utils/restock-world.ts";
import { traceCodeCandidates } from "./trace-code-input.ts";
import { scaled } from "@xiangda/config/testing";
import { FULL_INSPECTION } from "../../test-utils/three-rules.ts";

let h: Harness;
let w: RestockWorld;
let waybills: string[] = [];
let ipSeq = 0;
const anon = () => h.callerAs(null, { ip: `10.0.0.${++ipSeq}` });

beforeAll(async () => {
  h = await createHarness();
  w = await buildRestockWorld(h.deps.db);
  h.clock.set(new Date("2026-11-23T00:00:00Z")); // 08:00 in Gaizhou, a Monday
  const order = await h.callerAs(w.actors.counter).restock.create({
    counterId: w.hubCounter,
    merchantId: w.merchant,
    lines: [
      { listingId: w.listings.appleHub, quantity: 5, batchId: w.batches.apple },
      { listingId: w.listings.chickenHub, quantity: 2 },
    ],
    clientRef: randomUUID(),
  });
  const done = await h.callerAs(w.actors.merchant).restock.confirm({ orderId: order.id });
  waybills = done.shipments.filter((s) => s.batchNo === "GT-2026-10-08").map((s) => s.waybillNo);
  // A draft for the same batch: not travelled, so not shown.
  await h.callerAs(w.actors.counter).restock.create({
    counterId: w.hubCounter,
    merchantId: w.merchant,
    lines: [{ listingId: w.listings.appleHub, quantity: 1, batchId: w.batches.apple }],
    clientRef: randomUUID(),
  });
}, scaled(60_000));
afterAll(async () => h?.close());

const scan = (waybillNo: string, action: "DEPART" | "ARRIVE", node: keyof RestockWorld["nodes"]) =>
  h.callerAs(w.actors.manager).scan.record({
    clientScanId: randomUUID(),
    code: waybillNo,
    action,
    nodeId: w.nodes[node],
    at: h.clock.now.toISOString(),
  });

describe("the route a batch travelled", () => {
  it("shows product, certifications, origin, batch, and each parcel's legs and scans ending at the counter", async () => {
    expect(waybills).toHaveLength(2);
    const moved = waybills[0]!;
    // Accepted under the three rules first: an announced parcel is moved by no scan before (issue #17).
    await h.callerAs(w.actors.manager).shipments.acceptAnnounced({
      nodeId: w.nodes.P200,
      waybillNo: moved,
      senderIdNumber: "11010519491231002X",
      inspection: FULL_INSPECTION,
    });
    h.clock.set(new Date("2026-11-23T02:05:00Z"));
    expect(await scan(moved, "DEPART", "P200")).toMatchObject({ outcome: "OK" });
    h.clock.set(new Date("2026-11-23T02:21:00Z"));
    expect(await scan(moved, "ARRIVE", "S102")).toMatchObject({ outcome: "OK" });
    h.clock.set(new Date("2026-11-23T07:01:00Z"));
    expect(await scan(moved, "DEPART", "S102")).toMatchObject({ outcome: "OK" });
    h.clock.set(new Date("2026-11-23T07:52:00Z"));
    expect(await scan(moved, "ARRIVE", "HUB")).toMatchObject({ outcome: "OK" });

    const t = await anon().trace.get({ code: w.batches.appleCode });
    expect(t.product).toMatchObject({ name: "盖州苹果", category: "FRUIT", spec: "5kg/箱", regionalBrand: "盖州苹果", temp: "AMBIENT" });
    expect(t.product.certifications).toEqual([
      { kind: "GREEN_FOOD", number: "LB-18-21080112345A", validUntil: "2027-06-30", validToday: true },
      { kind: "GEO_INDICATION", number: "AGI02345", validUntil: "2025-12-31", validToday: false },
    ]);
    expect(t.merchant).toEqual({ name: "盖州市高屯果蔬专业合作社", type: "COOPERATIVE" });
    expect(t.origin.village).toMatchObject({ code: VILLAGE, name: expect.any(String) });
    expect(t.origin.township).toMatchObject({ code: TOWNSHIP, name: expect.stringMatching(/高屯/) });
    expect(t.batch).toEqual({ batchNo: "GT-2026-10-08", producedOn: "2026-10-08" });

    expect(t.routes).toHaveLength(2);
    for (const r of t.routes) {
      expect(r.legs.map((l) => [l.from, l.to])).toEqual([
        ["高屯村服务点", "高屯站"],
        ["高屯站", "盖州分拨中心"],
      ]);
      expect(r.counter).toEqual({ name: "新华超市扶贫专柜", venueType: "SUPERMARKET", city: "营口市" });
    }
    expect(t.routes.reduce((n, r) => n + r.units, 0)).toBe(5);
    const travelled = t.routes.find((r) => r.scans.length > 0)!;
    expect(travelled.scans).toEqual([
      { node: "高屯村服务点", action: "DEPART", at: "2026-11-23T02:05:00.000Z" },
      { node: "高屯站", action: "ARRIVE", at: "2026-11-23T02:21:00.000Z" },
      { node: "高屯站", action: "DEPART", at: "2026-11-23T07:01:00.000Z" },
      { node: "盖州分拨中心", action: "ARRIVE", at: "2026-11-23T07:52:00.000Z" },
    ]);
    expect(travelled.legs.map((l) => [l.actualDepart, l.actualArrive])).toEqual([
      ["2026-11-23T02:05:00.000Z", "2026-11-23T02:21:00.000Z"],
      ["2026-11-23T07:01:00.000Z", "2026-11-23T07:52:00.000Z"],
    ]);
    expect(t.routes.find((r) => r.scans.length === 0)?.legs.every((l) => l.actualDepart === null)).toBe(true);
  });

  it("holds no personal data: no names or phones of sender, recipient or staff, no ids or waybill numbers", async () => {
    const json = JSON.stringify(await anon().trace.get({ code: w.batches.appleCode }));
    for (const secret of [PEOPLE.merchantContact, PEOPLE.merchantPhone, PEOPLE.hubContact, PEOPLE.hubPhone, "r_counter", "r_merchant"])
      expect(json).not.toContain(secret);
    for (const wb of waybills) expect(json).not.toContain(wb);
    expect(json).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
    expect(json).not.toMatch(/1[3-9]\d{9}/);
    expect(json).not.toMatch(/recipient|sender|phone|contact/i);
  });

  it("shows a household merchant by a masked name only", async () => {
    const t = await anon().trace.get({ code: w.batches.householdCode });
    expect(t.merchant).toEqual({ name: "王**", type: "HOUSEHOLD" });
    expect(t.routes).toEqual([]);
    const json = JSON.stringify(t);
    expect(json).not.toContain(PEOPLE.household);
    expect(json).not.toContain(PEOPLE.householdPhone);
  });
});

describe("reading the code", () => {
  it("takes the code in any case, with spaces or dashes, or the URL of the QR label", async () => {
    const code = w.batches.appleCode;
    const spaced = code.toLowerCase().replace(/(.{4})/g, "$1 ");
    for (const input of [
      spaced,
      ` ${code.slice(0, 8)}-${code.slice(8)} `,
      `https://xiangda.example/t/${code}`,
      `https://xiangda.example/t/${code.toLowerCase()}?from=qr`,
    ]) {
      expect((await anon().trace.get({ code: input })).batch.batchNo).toBe("GT-2026-10-08");
    }
    expect(traceCodeCandidates("abco-il12")).toEqual(["ABCOIL12", "ABC01112"]);
    expect(traceCodeCandidates("<script>")).toEqual([]);
  });

  it("answers NOT_FOUND alike for an unknown, a malformed and an empty-looking code", async () => {
    for (const code of ["7K3M9Q2XW4HB8N5RT", "not a code!", "https://xiangda.example/t/", "---"]) {
      await expect(anon().trace.get({ code })).rejects.toMatchObject({ code: "NOT_FOUND", message: "No product matches that trace code" });
    }
  });

  it("limits look-ups per IP and minute, found or not", async () => {
    const c = h.callerAs(null, { ip: "192.0.2.7" });
    for (let i = 0; i < 30; i++) await c.trace.get({ code: i % 2 ? w.batches.appleCode : "UNKNOWN" }).catch(() => null);
    await expect(c.trace.get({ code: w.batches.appleCode })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    // Another IP is not affected.
    expect((await anon().trace.get({ code: w.batches.appleCode })).product.name).toBe("盖州苹果");
  });
});
