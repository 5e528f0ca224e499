// Scans at a node see and change only what concerns that node (issue #16, points 4 and 7): another node's load code is
// refused as "not at this node" with nothing of its contents, a refused scan of a parcel whose route never comes here
// says nothing of it, and an exception is reported only where the parcel is. Against real PostgreSQL.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeLoadCode, type Actor } from "@xiangda/domain";
import { assignReady } from "../consolidation/assign.ts";
import { createHarness, type Harness } from "../../test-utils/harness.ts";
import { importScanNetwork, SCAN_COUNTY, SCAN_MANAGER, scanStaff } from "../../test-utils/scan-network.ts";

let h: Harness;
const countyCode = SCAN_COUNTY;
const ids: Record<string, string> = {};
const names: Record<string, string> = {};
const staff = (code: string): Actor => scanStaff(ids[code]!, code);
const manager = SCAN_MANAGER;

beforeAll(async () => {
  h = await createHarness();
  const net = await importScanNetwork(h, []);
  Object.assign(ids, net.ids);
  Object.assign(names, net.names);
  h.clock.set(new Date("2026-11-23T00:00:00Z"));
}, 60_000);
afterAll(async () => h?.close());

/// A downward parcel at the hub for 沙岗站 (S105): its route is HUB → S105 and never comes to 高屯站 (S102).
async function parcelForS105(recipientName = "沙岗收件人") {
  const s = await h.callerAs(manager).shipments.create({
    countyCode,
    direction: "DOWN",
    fromCode: "HUB",
    to: "S105",
    recipientName,
    recipientPhone: "13812345678",
    weightG: 500,
    contentsCategory: "日用品",
  });
  return s.waybillNo;
}

const scan = (actor: Actor, code: string, action: string, node: string, extra: object = {}) => {
  const clientScanId = randomUUID();
  return h
    .callerAs(actor)
    .scan.record({ clientScanId, code, action: action as never, nodeId: ids[node]!, at: h.clock.now.toISOString(), ...extra })
    .then((r) => ({ r, clientScanId }));
};

/// Every parcel row and scan record, to prove a refusal changed nothing but its own scan record.
const snapshot = async () => {
  const parcels = await h.deps.db.shipment.findMany({ orderBy: { id: "asc" } });
  const legs = await h.deps.db.shipmentLeg.findMany({ orderBy: { id: "asc" } });
  const loads = await h.deps.db.load.findMany({ orderBy: { id: "asc" } });
  return JSON.stringify({ parcels, legs, loads }, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
};

describe("another node's load code", () => {
  let load: { id: string; code: string };
  let waybills: string[];

  beforeAll(async () => {
    waybills = [await parcelForS105("甲收件人"), await parcelForS105("乙收件人")];
    await assignReady(h.deps.db, { countyCode, now: h.clock.now });
    const first = await h.deps.db.shipment.findUniqueOrThrow({ where: { waybillNo: waybills[0]! } });
    const item = await h.deps.db.loadItem.findFirstOrThrow({ where: { shipmentId: first.id } });
    load = await h.deps.db.load.findUniqueOrThrow({ where: { id: item.loadId }, select: { id: true, code: true } });
    expect(await h.deps.db.loadItem.count({ where: { loadId: load.id } })).toBe(2);
  });

  it("is refused as not at this node, with none of its contents, in the answer or the stored scan, and changes nothing", async () => {
    const before = await snapshot();
    for (const [who, action, extra] of [
      [staff("S102"), "ARRIVE", {}],
      [staff("S102"), "DEPART", {}],
      [staff("S102"), "LOAD", { vehicleId: randomUUID() }],
      [staff("S102"), "HANDOVER", {}],
      // A manager scanning at 高屯站 is not at the load's node either.
      [manager, "ARRIVE", {}],
    ] as const) {
      const events = await h.deps.db.scanEvent.count();
      const { r, clientScanId } = await scan(who, load.code.toLowerCase(), action, "S102", extra);
      expect(r, action).toEqual({
        clientScanId,
        outcome: "UNKNOWN_CODE",
        action,
        inferred: false,
        warning: null,
        reason: "LOAD_NOT_HERE",
        params: { load: load.code },
        message: `load ${load.code} is not at this node`,
        shipment: null,
        nextHop: null,
        expected: null,
        shelfSlot: null,
      });
      const json = JSON.stringify(r);
      for (const wb of waybills) expect(json).not.toContain(wb);
      expect(json).not.toContain(names.S105!);
      // One scan record, the load scan's own: no scan per parcel.
      expect(await h.deps.db.scanEvent.count()).toBe(events + 1);
      const stored = await h.deps.db.scanEvent.findUniqueOrThrow({ where: { clientScanId } });
      expect(stored).toMatchObject({ outcome: "UNKNOWN_CODE", shipmentId: null, message: r.message });
      expect(stored.result).toEqual(r);
      const storedJson = JSON.stringify({ message: stored.message, result: stored.result, code: stored.code });
      for (const wb of waybills) expect(storedJson).not.toContain(wb);
    }
    expect(await snapshot()).toBe(before);
  });

  it("answers a load code that does not exist the same way (no oracle for other nodes' loads)", async () => {
    const unknown = makeLoadCode(9_999_999_999);
    const { r, clientScanId } = await scan(staff("S102"), unknown, "DEPART", "S102");
    expect(r).toEqual({
      clientScanId,
      outcome: "UNKNOWN_CODE",
      action: "DEPART",
      inferred: false,
      warning: null,
      reason: "LOAD_NOT_HERE",
      params: { load: unknown },
      message: `load ${unknown} is not at this node`,
      shipment: null,
      nextHop: null,
      expected: null,
      shelfSlot: null,
    });
  });

  it("still moves every parcel of the load at its own node", async () => {
    const { r } = await scan(staff("HUB"), load.code, "DEPART", "HUB");
    expect(r).toMatchObject({ outcome: "OK", reason: "LOAD_SUMMARY", params: { load: load.code, n: 2, ok: 2 } });
    h.clock.advance(6 * 3600_000);
    const { r: arrived } = await scan(staff("S105"), load.code, "ARRIVE", "S105");
    expect(arrived).toMatchObject({ outcome: "OK", reason: "LOAD_SUMMARY", params: { n: 2, ok: 2 } });
    expect((await h.deps.db.load.findUniqueOrThrow({ where: { id: load.id } })).status).toBe("ARRIVED");
  });
});

describe("refused scans of a parcel whose route never comes here", () => {
  it("say only that the parcel is not here: no status, destination, holding node or next hop, stored the same", async () => {
    const wb = await parcelForS105("丙收件人");
    const before = await snapshot();
    for (const [action, extra] of [
      ["DEPART", {}],
      ["HANDOVER", {}],
      ["LOAD", { vehicleId: randomUUID() }],
      ["DELIVER", {}],
      ["PICKUP", { phoneLast4: "5678" }],
      ["RETURN", {}],
      ["EXCEPTION", { exceptionReason: "破损" }],
    ] as const) {
      const { r, clientScanId } = await scan(staff("S102"), wb, action, "S102", extra);
      expect(r, action).toEqual({
        clientScanId,
        outcome: "INVALID_TRANSITION",
        action,
        inferred: false,
        warning: null,
        reason: "NOT_HERE",
        params: null,
        message: "the parcel is not at this node",
        shipment: null,
        nextHop: null,
        expected: null,
        shelfSlot: null,
      });
      const stored = await h.deps.db.scanEvent.findUniqueOrThrow({ where: { clientScanId } });
      expect(stored.result, action).toEqual(r);
      for (const leak of [names.S105!, names.HUB!, "S105", "丙"]) expect(JSON.stringify(stored.result), action).not.toContain(leak);
    }
    expect(await snapshot()).toBe(before);
  });

  it("a finished parcel's status is not told to a node it never came to", async () => {
    const wb = await parcelForS105();
    for (const [action, node] of [
      ["DEPART", "HUB"],
      ["ARRIVE", "S105"],
      ["DELIVER", "S105"],
    ] as const)
      expect((await scan(manager, wb, action, node)).r.outcome, `${action} ${node}`).toBe("OK");
    const { r } = await scan(staff("S102"), wb, "ARRIVE", "S102");
    expect(r).toMatchObject({ outcome: "INVALID_TRANSITION", reason: "NOT_HERE", params: null, shipment: null });
    expect(JSON.stringify(r)).not.toMatch(/delivered/i);
  });

  it("the nodes on its route still get the detail: the destination is told where the parcel is", async () => {
    const wb = await parcelForS105();
    const { r } = await scan(staff("S105"), wb, "DEPART", "S105");
    expect(r).toMatchObject({
      outcome: "INVALID_TRANSITION",
      reason: "NOT_HERE_ARRIVE_FIRST",
      expected: { code: "HUB" },
      shipment: { waybillNo: wb, destination: names.S105 },
    });
  });
});

describe("exceptions", () => {
  it("are reported only where the parcel is: elsewhere refused and nothing moves", async () => {
    const wb = await parcelForS105();
    const before = await snapshot();
    // On its route but not there yet (S105), or not on its route at all (S102).
    const { r: dest } = await scan(staff("S105"), wb, "EXCEPTION", "S105", { exceptionReason: "破损" });
    expect(dest).toMatchObject({ outcome: "INVALID_TRANSITION", reason: "NOT_HERE_ARRIVE_FIRST", expected: { code: "HUB" } });
    const { r: other } = await scan(manager, wb, "EXCEPTION", "S102", { exceptionReason: "破损" });
    expect(other).toMatchObject({ outcome: "INVALID_TRANSITION", reason: "NOT_HERE_ARRIVE_FIRST" });
    expect(await snapshot()).toBe(before);
    const { r: here } = await scan(staff("HUB"), wb, "EXCEPTION", "HUB", { exceptionReason: "破损" });
    expect(here).toMatchObject({ outcome: "OK", reason: "EXCEPTION_REPORTED", shipment: { status: "EXCEPTION" } });
    expect((await h.deps.db.shipment.findUniqueOrThrow({ where: { waybillNo: wb } })).currentNodeId).toBe(ids.HUB);
  });
});
