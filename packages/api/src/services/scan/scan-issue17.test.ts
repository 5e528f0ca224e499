// Issue #17 in the scan API, against real PostgreSQL: an announced parcel not accepted under the three rules is moved by
// no scan (defect 2); a parcel on a self-pickup shelf leaves only by PICKUP with the node's check (defect 3); a late or
// unroutable parcel's scan carries a warning (defect 8); the vehicle by number or plate, mode inference and the
// departing vehicles (defect 4, contract C1).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@xiangda/domain";
import { scaled } from "@xiangda/config/testing";
import { assignReady } from "../consolidation/assign.ts";
import { publicTracking } from "../shipments/tracking.ts";
import { createHarness, type Harness } from "../../test-utils/harness.ts";
import { FULL_INSPECTION } from "../../test-utils/three-rules.ts";
import { importScanNetwork, SCAN_COUNTY, SCAN_MANAGER, scanStaff } from "../../test-utils/scan-network.ts";

let h: Harness;
const countyCode = SCAN_COUNTY;
const ids: Record<string, string> = {};
const staff = (code: string): Actor => scanStaff(ids[code]!, code);
const manager = SCAN_MANAGER;
let vehicleId: string;

beforeAll(async () => {
  h = await createHarness();
  const net = await importScanNetwork(h, ["T2U,S102,HUB,TRUNK,16:00,50", "M1U,P200,S102,MILK_RUN,10:30,20"]);
  Object.assign(ids, net.ids);
  h.clock.set(new Date("2026-11-23T00:00:00Z"));
  vehicleId = (
    await h.deps.db.vehicle.create({
      data: { countyCode, number: "GZ-V-047", plate: "辽HD10047", homeNodeId: ids.HUB!, capacityKg: 1500, capacityL: 8000 },
    })
  ).id;
}, scaled(60_000));
afterAll(async () => h?.close());

const scan = (actor: Actor, code: string, action: string | undefined, node: string, extra: object = {}) =>
  h.callerAs(actor).scan.record({
    clientScanId: randomUUID(),
    code,
    ...(action ? { action: action as never } : {}),
    nodeId: ids[node]!,
    at: h.clock.now.toISOString(),
    ...extra,
  });

async function downParcel(to = "P200", phone = "13812345678") {
  const s = await h.callerAs(manager).shipments.create({
    countyCode,
    direction: "DOWN",
    fromCode: "HUB",
    to,
    recipientName: "王",
    recipientPhone: phone,
    weightG: 500,
    contentsCategory: "日用品",
  });
  return s.waybillNo;
}

/// Parcels, legs, loads and stored events: a refusal changes none of them.
const snapshot = async () => {
  const parcels = await h.deps.db.shipment.findMany({ orderBy: { id: "asc" } });
  const legs = await h.deps.db.shipmentLeg.findMany({ orderBy: { id: "asc" } });
  const events = await h.deps.db.shipmentEvent.findMany({ orderBy: { id: "asc" } });
  const loads = await h.deps.db.load.findMany({ orderBy: { id: "asc" } });
  return JSON.stringify({ parcels, legs, events, loads }, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
};

describe("defect 2: an announced parcel not accepted under the three rules", () => {
  /// Booked at the village point for sending out (a restock order's parcels are announced the same way): CREATED, no
  /// inspection, no real name, no screening; its route runs 高屯村点 → 高屯站 → 中心.
  async function announced() {
    const s = await h.callerAs(manager).shipments.create({
      countyCode,
      direction: "UP",
      fromCode: "P200",
      to: "out",
      outboundCity: "沈阳市",
      recipientName: "赵",
      recipientPhone: "13700002222",
      senderName: "李",
      weightG: 3000,
      contentsCategory: "苹果",
    });
    const row = await h.deps.db.shipment.findUniqueOrThrow({ where: { waybillNo: s.waybillNo } });
    expect(row).toMatchObject({ status: "CREATED", direction: "UP", currentNodeId: ids.P200, inspection: null, screening: null });
    const legs = await h.deps.db.shipmentLeg.findMany({ where: { shipmentId: row.id }, orderBy: { seq: "asc" } });
    expect(legs.map((l) => [l.fromNodeId, l.toNodeId])).toEqual([
      [ids.P200, ids.S102],
      [ids.S102, ids.HUB],
    ]);
    return s.waybillNo;
  }

  it("is moved by no scan, at any node, by staff or a manager; the answer says to accept it first", async () => {
    const wb = await announced();
    const before = await snapshot();
    for (const node of ["S102", "P200", "HUB"])
      for (const action of ["ARRIVE", "DEPART", "LOAD", "HANDOVER", "DELIVER", "PICKUP", "EXCEPTION", "RETURN", undefined])
        for (const who of [staff(node), manager]) {
          const r = await scan(who, wb, action, node, { vehicleId: randomUUID(), exceptionReason: "破损", phoneLast4: "2222" });
          expect(r, `${action} at ${node} by ${who.role}`).toMatchObject({
            outcome: "INVALID_TRANSITION",
            reason: "NOT_ACCEPTED",
            message: expect.stringContaining("three rules"),
            shipment: { waybillNo: wb, status: "CREATED" },
            expected: { code: "P200" },
          });
        }
    // At a node its route never comes to, station staff are told only that it is not here (issue #16).
    expect(await scan(staff("S105"), wb, "ARRIVE", "S105")).toMatchObject({ outcome: "INVALID_TRANSITION", reason: "NOT_HERE" });
    expect(await snapshot()).toBe(before);
    // The public trace shows no station it was scanned at: no scan event, no leg travelled.
    const trace = await publicTracking(h.deps.db, { waybillNo: wb, phoneLast4: "2222" });
    expect(trace.events.map((e) => e.type)).toEqual(["CREATED", "ROUTED"]);
    expect(trace.legs.every((l) => l.status === "PLANNED")).toBe(true);
  });

  it("is received by acceptance; then scans move it", async () => {
    const wb = await announced();
    await h.callerAs(staff("P200")).shipments.acceptAnnounced({
      nodeId: ids.P200!,
      waybillNo: wb,
      senderIdNumber: "11010519491231002X",
      inspection: FULL_INSPECTION,
    });
    expect(await scan(staff("S102"), wb, "ARRIVE", "S102")).toMatchObject({ outcome: "OK", shipment: { status: "AT_NODE" } });
  });
});

describe("defect 3: a parcel on a self-pickup shelf", () => {
  async function shelved(phone: string) {
    const wb = await downParcel("P200", phone);
    for (const [action, node] of [
      ["DEPART", "HUB"],
      ["ARRIVE", "S102"],
      ["HANDOVER", "S102"],
    ] as const)
      expect(await scan(manager, wb, action, node)).toMatchObject({ outcome: "OK" });
    expect(await scan(manager, wb, "ARRIVE", "P200")).toMatchObject({ outcome: "OK", shipment: { status: "AWAITING_PICKUP" } });
    return { wb, row: await h.deps.db.shipment.findUniqueOrThrow({ where: { waybillNo: wb } }) };
  }
  const setCheck = (pickupCheck: "CODE" | "CODE_OR_PHONE" | "CODE_PHONE_OR_ID") =>
    h.deps.db.node.update({ where: { id: ids.P200! }, data: { pickupCheck } });

  it("is not ended by DELIVER, RETURN or LOAD without the recipient's check: the answer says to use PICKUP", async () => {
    const { wb, row } = await shelved("13900001111");
    const before = await snapshot();
    for (const [action, reason, extra] of [
      ["DELIVER", "USE_PICKUP", {}],
      ["RETURN", "RETURN_NOT_DUE", {}],
      ["LOAD", "USE_PICKUP", { vehicleId }],
      ["PICKUP", "WRONG_PICKUP_CODE", {}],
    ] as const)
      for (const who of [staff("P200"), manager])
        expect(await scan(who, wb, action, "P200", extra), `${action} ${who.role}`).toMatchObject({
          outcome: "INVALID_TRANSITION",
          reason,
          shipment: { status: "AWAITING_PICKUP" },
          shelfSlot: row.shelfSlot,
        });
    expect(await snapshot()).toBe(before);
    expect(await scan(staff("P200"), row.shelfSlot!, "PICKUP", "P200", { pickupCode: row.pickupCode })).toMatchObject({
      outcome: "OK",
      params: { by: "CODE" },
      shipment: { waybillNo: wb, status: "DELIVERED" },
    });
  });

  it("leaves by the checks the node's policy allows: code only, code or phone digits, or an ID check too", async () => {
    try {
      await setCheck("CODE");
      const a = await shelved("13900002222");
      expect(await scan(staff("P200"), a.wb, "PICKUP", "P200", { phoneLast4: "2222" })).toMatchObject({ reason: "PICKUP_CODE_ONLY" });
      expect(await scan(staff("P200"), a.wb, "PICKUP", "P200", { pickupCode: a.row.pickupCode })).toMatchObject({ outcome: "OK" });
      await setCheck("CODE_PHONE_OR_ID");
      const b = await shelved("13900003333");
      expect(await scan(staff("P200"), b.wb, "PICKUP", "P200", { idChecked: false })).toMatchObject({ reason: "WRONG_PICKUP_CHECK" });
      expect(await scan(staff("P200"), b.wb, "PICKUP", "P200", { idChecked: true })).toMatchObject({ outcome: "OK", params: { by: "ID" } });
      // Flagged for return after the hold days, it may go back to the sender.
      const c = await shelved("13900004444");
      await h.deps.db.shipment.update({ where: { id: c.row.id }, data: { returnFlaggedAt: h.clock.now } });
      expect(await scan(staff("P200"), c.wb, "RETURN", "P200")).toMatchObject({ outcome: "OK", shipment: { status: "RETURNED" } });
    } finally {
      await setCheck("CODE_OR_PHONE");
    }
  });
});

describe("defect 8: warnings beside the outcome", () => {
  it("a late parcel scans OK with how late it is and what to do; an on-time one has no warning", async () => {
    const wb = await downParcel();
    const onTime = await scan(staff("HUB"), wb, "DEPART", "HUB");
    expect(onTime).toMatchObject({ outcome: "OK", warning: null });
    const s = await h.deps.db.shipment.findUniqueOrThrow({ where: { waybillNo: wb } });
    const saved = h.clock.now;
    try {
      h.clock.set(new Date(s.promisedAt!.getTime() + 2 * 3600_000 + 35 * 60_000));
      const late = await scan(staff("S102"), wb, "ARRIVE", "S102");
      expect(late).toMatchObject({
        outcome: "OK",
        shipment: { light: "RED" },
        warning: { code: "LATE", params: { hours: 2, minutes: 35 }, message: expect.stringContaining("late by 2 h 35 min") },
      });
      // A repeated scan says it again.
      expect(await scan(staff("S102"), wb, "ARRIVE", "S102")).toMatchObject({ outcome: "DUPLICATE", warning: { code: "LATE" } });
    } finally {
      h.clock.set(saved);
    }
  });

  it("an unroutable parcel scans OK and says it has no route", async () => {
    const wb = await downParcel();
    await h.deps.db.shipment.update({ where: { waybillNo: wb }, data: { routeError: "no route to 高屯村点", light: "RED" } });
    expect(await scan(staff("HUB"), wb, "DEPART", "HUB")).toMatchObject({
      outcome: "OK",
      warning: { code: "UNROUTABLE", message: expect.stringContaining("no route") },
    });
  });
});

describe("defect 4 and C1: vehicles by number or plate, inferred actions, departing vehicles", () => {
  it("loads by the vehicle's number or plate, typed in any case and spacing; an unknown vehicle is refused and changes nothing", async () => {
    const a = await downParcel();
    const b = await downParcel();
    expect(await scan(staff("HUB"), a, "LOAD", "HUB", { vehicle: " gz-v-047 " })).toMatchObject({ outcome: "OK", action: "LOAD" });
    expect(await scan(staff("HUB"), b, "LOAD", "HUB", { vehicle: "辽hd 10047" })).toMatchObject({ outcome: "OK" });
    for (const wb of [a, b])
      expect((await h.deps.db.shipment.findUniqueOrThrow({ where: { waybillNo: wb } })).loadedVehicleId).toBe(vehicleId);
    const c = await downParcel();
    const before = await snapshot();
    const r = await scan(staff("HUB"), c, "LOAD", "HUB", { vehicle: "GZ-V-999" });
    expect(r).toMatchObject({ outcome: "UNKNOWN_CODE", reason: "UNKNOWN_VEHICLE", params: { vehicle: "GZ-V-999" }, shipment: null });
    expect(await snapshot()).toBe(before);
    const stored = await h.deps.db.scanEvent.findUniqueOrThrow({ where: { clientScanId: r.clientScanId } });
    expect(stored).toMatchObject({ action: "LOAD", vehicleId: null, outcome: "UNKNOWN_CODE" });
  });

  it("infers ARRIVE for a parcel that can only arrive here, PICKUP on this node's shelf, and refuses to guess otherwise", async () => {
    const wb = await downParcel();
    await scan(staff("HUB"), wb, "DEPART", "HUB");
    // Elsewhere: a manager is told to choose; station staff whose node its route never reaches hear only NOT_HERE.
    const before = await snapshot();
    expect(await scan(manager, wb, undefined, "S105")).toMatchObject({
      outcome: "INVALID_TRANSITION",
      reason: "ACTION_NEEDED",
      action: null,
      inferred: true,
    });
    expect(await scan(staff("S105"), wb, undefined, "S105")).toMatchObject({ reason: "NOT_HERE", action: null, inferred: true });
    expect(await snapshot()).toBe(before);
    const arrived = await scan(staff("S102"), wb, undefined, "S102");
    expect(arrived).toMatchObject({ outcome: "OK", action: "ARRIVE", inferred: true, shipment: { status: "AT_NODE" } });
    // Replayed as first answered.
    const replay = await h.callerAs(staff("S102")).scan.record({
      clientScanId: arrived.clientScanId,
      code: wb,
      nodeId: ids.S102!,
      at: h.clock.now.toISOString(),
    });
    expect(replay).toEqual(arrived);
    expect(await h.deps.db.scanEvent.findUniqueOrThrow({ where: { clientScanId: arrived.clientScanId } })).toMatchObject({
      action: "ARRIVE",
    });
    await scan(staff("S102"), wb, "HANDOVER", "S102");
    const shelf = await scan(staff("P200"), wb, undefined, "P200");
    expect(shelf).toMatchObject({ outcome: "OK", action: "ARRIVE", shipment: { status: "AWAITING_PICKUP" } });
    // On the shelf: a pickup, which needs the recipient's check.
    expect(await scan(staff("P200"), wb, undefined, "P200")).toMatchObject({
      outcome: "INVALID_TRANSITION",
      reason: "PICKUP_NEEDS_CHECK",
      params: { slot: shelf.shelfSlot },
      action: "PICKUP",
      inferred: true,
    });
    expect(await scan(staff("P200"), shelf.shelfSlot!, undefined, "P200", { phoneLast4: "5678" })).toMatchObject({
      outcome: "OK",
      action: "PICKUP",
      inferred: true,
      shipment: { waybillNo: wb, status: "DELIVERED" },
    });
    // A sent action is never replaced.
    expect(await scan(staff("HUB"), await downParcel(), "DEPART", "HUB")).toMatchObject({ action: "DEPART", inferred: false });
  });

  it("infers LOAD for a load code leaving here and ARRIVE where it goes; lists the vehicles of today's departing loads", async () => {
    const parcels = [await downParcel("S105"), await downParcel("S105")];
    await assignReady(h.deps.db, { countyCode, now: h.clock.now });
    const first = await h.deps.db.shipment.findUniqueOrThrow({ where: { waybillNo: parcels[0]! } });
    const item = await h.deps.db.loadItem.findFirstOrThrow({ where: { shipmentId: first.id } });
    const load = await h.deps.db.load.findUniqueOrThrow({ where: { id: item.loadId } });

    // Sealed with its vehicle chosen: the vehicle is offered at the hub, to the hub's staff and the county's manager.
    await h.deps.db.load.update({ where: { id: load.id }, data: { status: "SEALED" } });
    await h.deps.db.loadVehicle.create({
      data: {
        loadId: load.id,
        vehicleId,
        seq: 0,
        parcels: 2,
        weightG: 1000,
        volumeCm3: 0,
        fillWeight: 0.1,
        fillVolume: 0,
        busyUntil: load.departAt,
      },
    });
    const offered = {
      vehicleId,
      number: "GZ-V-047",
      plate: "辽HD10047",
      loadCode: load.code,
      loadId: load.id,
      departsAt: load.departAt.toISOString(),
    };
    expect(await h.callerAs(staff("HUB")).scan.departingVehicles({ nodeId: ids.HUB! })).toEqual({ vehicles: [offered] });
    expect((await h.callerAs(manager).scan.departingVehicles({ nodeId: ids.HUB! })).vehicles).toContainEqual(offered);
    expect(await h.callerAs(staff("S105")).scan.departingVehicles({ nodeId: ids.S105! })).toEqual({ vehicles: [] });
    await expect(h.callerAs(staff("S102")).scan.departingVehicles({ nodeId: ids.HUB! })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const loaded = await scan(staff("HUB"), load.code, undefined, "HUB", { vehicle: "GZ-V-047" });
    expect(loaded).toMatchObject({ outcome: "OK", action: "LOAD", inferred: true, reason: "LOAD_SUMMARY", params: { n: 2, ok: 2 } });
    for (const wb of parcels)
      expect((await h.deps.db.shipment.findUniqueOrThrow({ where: { waybillNo: wb } })).loadedVehicleId).toBe(vehicleId);
    expect(await scan(staff("HUB"), load.code, "DEPART", "HUB")).toMatchObject({ outcome: "OK", action: "DEPART", inferred: false });
    // Gone: no longer offered.
    expect(await h.callerAs(staff("HUB")).scan.departingVehicles({ nodeId: ids.HUB! })).toEqual({ vehicles: [] });
    h.clock.advance(6 * 3600_000);
    const arrived = await scan(staff("S105"), load.code, undefined, "S105");
    expect(arrived).toMatchObject({ outcome: "OK", action: "ARRIVE", inferred: true, params: { n: 2, ok: 2 } });
    expect((await h.deps.db.load.findUniqueOrThrow({ where: { id: load.id } })).status).toBe("ARRIVED");
  });
});
