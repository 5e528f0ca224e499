// The scan state machine, transition by transition.
import { describe, expect, it } from "vitest";
import { decideScan, type ScanInput, type ScanLeg, type ScanState } from "./state-machine.ts";

const HUB = "hub";
const ST = "station";
const VP = "point";
const OTHER = "other";
const legs = (...st: ScanLeg["status"][]): ScanLeg[] => [
  { seq: 0, fromNodeId: HUB, toNodeId: ST, toTier: "TOWNSHIP_STATION", status: st[0] ?? "PLANNED" },
  { seq: 1, fromNodeId: ST, toNodeId: VP, toTier: "VILLAGE_POINT", status: st[1] ?? "PLANNED" },
];
const state = (o: Partial<ScanState> = {}): ScanState => ({
  status: "AT_NODE",
  currentNodeId: HUB,
  destNodeId: VP,
  destHasShelves: true,
  legs: legs(),
  loadedVehicleId: null,
  missingRules: [],
  pickupCode: "123456",
  phoneLast4: "5678",
  lastAction: null,
  lastNodeId: null,
  ...o,
});
const scan = (action: ScanInput["action"], nodeId: string, o: Partial<ScanInput> = {}): ScanInput => ({
  action,
  nodeId,
  nodeIsHub: nodeId === HUB,
  ...o,
});

describe("DEPART / HANDOVER", () => {
  it("departs on the next planned leg from here", () => {
    expect(decideScan(state(), scan("DEPART", HUB))).toMatchObject({
      outcome: "OK",
      nextNodeId: ST,
      effect: { status: "IN_TRANSIT", departLeg: 0 },
    });
  });
  it("is a DUPLICATE when repeated, INVALID elsewhere", () => {
    const s = state({ status: "IN_TRANSIT", legs: legs("DEPARTED") });
    expect(decideScan(s, scan("DEPART", HUB))).toMatchObject({ outcome: "DUPLICATE", effect: null });
    expect(decideScan(s, scan("DEPART", ST)).outcome).toBe("INVALID_TRANSITION");
    expect(decideScan(state(), scan("DEPART", ST)).outcome).toBe("INVALID_TRANSITION");
  });
  it("refuses to let an upward parcel missing a rule leave the hub, naming it", () => {
    const d = decideScan(state({ missingRules: ["security screening (过机安检)"] }), scan("DEPART", HUB));
    expect(d).toMatchObject({ outcome: "INVALID_TRANSITION", message: expect.stringContaining("security screening") });
  });
  it("hands over only to a village point", () => {
    expect(decideScan(state(), scan("HANDOVER", HUB)).outcome).toBe("INVALID_TRANSITION");
    const atStation = state({ currentNodeId: ST, legs: legs("ARRIVED") });
    expect(decideScan(atStation, scan("HANDOVER", ST))).toMatchObject({ outcome: "OK", nextNodeId: VP, effect: { departLeg: 1 } });
  });
  it("needs a planned leg", () => {
    expect(decideScan(state({ legs: [] }), scan("DEPART", HUB))).toMatchObject({
      outcome: "INVALID_TRANSITION",
      message: expect.stringContaining("route"),
    });
  });
});

describe("ARRIVE", () => {
  it("arrives where the departed leg goes", () => {
    const s = state({ status: "IN_TRANSIT", legs: legs("DEPARTED") });
    expect(decideScan(s, scan("ARRIVE", ST))).toMatchObject({
      outcome: "OK",
      nextNodeId: VP,
      effect: { status: "AT_NODE", arriveLeg: 0, currentNodeId: ST },
    });
  });
  it("receives a parcel announced here (CREATED at this node, nothing travelled) without touching its legs", () => {
    const announced = state({ status: "CREATED", currentNodeId: ST, legs: [legs()[1]!] });
    expect(decideScan(announced, scan("ARRIVE", ST))).toEqual({
      outcome: "OK",
      reason: "ARRIVED",
      message: "arrived",
      effect: { status: "AT_NODE", currentNodeId: ST, loadedVehicleId: null },
      nextNodeId: VP,
    });
    // For self-pickup here, it goes straight onto a shelf.
    const pickupHere = state({ status: "CREATED", currentNodeId: ST, destNodeId: ST, legs: [] });
    expect(decideScan(pickupHere, scan("ARRIVE", ST))).toMatchObject({
      outcome: "OK",
      effect: { status: "AWAITING_PICKUP", assignShelf: true },
    });
    // Scanned in at the next node instead, the leg it skipped is closed as travelled, as for any parcel.
    expect(decideScan(announced, scan("ARRIVE", VP))).toMatchObject({ outcome: "OK", effect: { arriveLeg: 1, closeLegsBefore: 1 } });
    // A parcel accepted here under the three rules is here already.
    expect(decideScan(state({ status: "ACCEPTED", currentNodeId: ST }), scan("ARRIVE", ST))).toMatchObject({
      outcome: "DUPLICATE",
      reason: "ALREADY_ACCEPTED",
      message: "already accepted here",
      effect: null,
    });
  });
  it("accepts an arrival without a DEPART scan and closes the skipped leg", () => {
    expect(decideScan(state(), scan("ARRIVE", ST))).toMatchObject({ outcome: "OK", effect: { arriveLeg: 0, closeLegsBefore: 0 } });
  });
  it("puts a parcel on the shelf at its final node", () => {
    const s = state({ status: "IN_TRANSIT", currentNodeId: ST, legs: legs("ARRIVED", "DEPARTED") });
    expect(decideScan(s, scan("ARRIVE", VP))).toMatchObject({ outcome: "OK", effect: { status: "AWAITING_PICKUP", assignShelf: true } });
    expect(decideScan({ ...s, destHasShelves: false }, scan("ARRIVE", VP)).effect?.status).toBe("AT_NODE");
  });
  it("is MISROUTED somewhere else, naming where it was expected, and asks for a new route", () => {
    const s = state({ status: "IN_TRANSIT", legs: legs("DEPARTED") });
    expect(decideScan(s, scan("ARRIVE", OTHER))).toMatchObject({
      outcome: "MISROUTED",
      expectedNodeId: ST,
      effect: { currentNodeId: OTHER, replan: true },
    });
  });
  it("is a DUPLICATE when repeated", () => {
    expect(decideScan(state({ currentNodeId: ST }), scan("ARRIVE", ST)).outcome).toBe("DUPLICATE");
  });
});

describe("LOAD", () => {
  it("loads onto a vehicle once", () => {
    expect(decideScan(state(), scan("LOAD", HUB, { vehicleId: "v1" }))).toMatchObject({ outcome: "OK", effect: { loadedVehicleId: "v1" } });
    expect(decideScan(state({ loadedVehicleId: "v1" }), scan("LOAD", HUB, { vehicleId: "v1" })).outcome).toBe("DUPLICATE");
    expect(decideScan(state(), scan("LOAD", HUB)).outcome).toBe("INVALID_TRANSITION");
    expect(decideScan(state(), scan("LOAD", ST, { vehicleId: "v1" })).outcome).toBe("INVALID_TRANSITION");
  });
});

describe("DELIVER and PICKUP", () => {
  const waiting = state({ status: "AWAITING_PICKUP", currentNodeId: VP, legs: legs("ARRIVED", "ARRIVED") });
  it("picks up with the code or the phone's last 4 digits, never without", () => {
    expect(decideScan(waiting, scan("PICKUP", VP, { pickupCode: "123456" }))).toMatchObject({
      outcome: "OK",
      effect: { status: "DELIVERED" },
    });
    expect(decideScan(waiting, scan("PICKUP", VP, { phoneLast4: "5678" })).outcome).toBe("OK");
    expect(decideScan(waiting, scan("PICKUP", VP, { pickupCode: "000000" })).outcome).toBe("INVALID_TRANSITION");
    expect(decideScan(waiting, scan("PICKUP", VP)).outcome).toBe("INVALID_TRANSITION");
  });
  it("delivers only at the final node", () => {
    // At a self-pickup node a parcel on the shelf leaves by PICKUP only (issue #17, defect 3); elsewhere DELIVER.
    expect(decideScan(waiting, scan("DELIVER", VP))).toMatchObject({ outcome: "INVALID_TRANSITION", reason: "USE_PICKUP", effect: null });
    const noShelves = state({ status: "AT_NODE", currentNodeId: VP, destHasShelves: false, legs: legs("ARRIVED", "ARRIVED") });
    expect(decideScan(noShelves, scan("DELIVER", VP)).outcome).toBe("OK");
    expect(decideScan(state({ currentNodeId: ST }), scan("DELIVER", ST))).toMatchObject({
      outcome: "INVALID_TRANSITION",
      expectedNodeId: VP,
    });
  });
  it("treats a finished parcel's repeated scan as DUPLICATE and others as invalid", () => {
    const done = state({ status: "DELIVERED", currentNodeId: VP, lastAction: "PICKUP", lastNodeId: VP });
    expect(decideScan(done, scan("PICKUP", VP, { pickupCode: "123456" })).outcome).toBe("DUPLICATE");
    expect(decideScan(done, scan("ARRIVE", VP)).outcome).toBe("INVALID_TRANSITION");
  });
});

describe("EXCEPTION and RETURN", () => {
  it("needs a reason for an exception and reports it once", () => {
    expect(decideScan(state(), scan("EXCEPTION", HUB)).outcome).toBe("INVALID_TRANSITION");
    expect(decideScan(state(), scan("EXCEPTION", HUB, { exceptionReason: "破损" }))).toMatchObject({
      outcome: "OK",
      effect: { status: "EXCEPTION", exceptionReason: "破损" },
    });
    expect(decideScan(state({ status: "EXCEPTION" }), scan("EXCEPTION", HUB, { exceptionReason: "破损" })).outcome).toBe("DUPLICATE");
  });
  it("takes an exception only where the parcel is (or from where it left): elsewhere it changes nothing", () => {
    expect(decideScan(state(), scan("EXCEPTION", ST, { exceptionReason: "破损" }))).toMatchObject({
      outcome: "INVALID_TRANSITION",
      reason: "NOT_HERE_ARRIVE_FIRST",
      effect: null,
      expectedNodeId: HUB,
    });
    expect(decideScan(state({ status: "EXCEPTION" }), scan("EXCEPTION", OTHER, { exceptionReason: "破损" })).effect).toBeNull();
    const departed = state({ status: "IN_TRANSIT", legs: legs("DEPARTED") });
    expect(decideScan(departed, scan("EXCEPTION", HUB, { exceptionReason: "车辆事故" })).outcome).toBe("OK");
  });
  it("returns a parcel held here", () => {
    expect(decideScan(state({ status: "AT_NODE", currentNodeId: VP }), scan("RETURN", VP)).effect?.status).toBe("RETURNED");
    // Off the pickup shelf only once flagged for return, or refused in person (the recipient's check).
    const shelved = state({ status: "AWAITING_PICKUP", currentNodeId: VP });
    expect(decideScan(shelved, scan("RETURN", VP))).toMatchObject({ outcome: "INVALID_TRANSITION", reason: "RETURN_NOT_DUE" });
    expect(decideScan({ ...shelved, returnFlagged: true }, scan("RETURN", VP)).effect?.status).toBe("RETURNED");
    expect(decideScan(shelved, scan("RETURN", VP, { pickupCode: "123456" })).effect?.status).toBe("RETURNED");
    expect(decideScan(state({ status: "IN_TRANSIT", legs: legs("DEPARTED") }), scan("RETURN", HUB)).outcome).toBe("INVALID_TRANSITION");
  });
});
