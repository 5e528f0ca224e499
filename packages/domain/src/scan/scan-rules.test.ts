// Issue #17 in the state machine, over every action and every way of asking: an announced parcel never accepted
// under the three rules is moved by no scan; a parcel on a self-pickup shelf leaves only by PICKUP with the node's
// check (or RETURN when due); a scan sent without an action gets one only where the code and node leave no doubt.
import { describe, expect, it } from "vitest";
import { inferScanAction } from "./infer-action.ts";
import {
  decideScan,
  PICKUP_CHECKS,
  SCAN_ACTIONS,
  type ScanInput,
  type ScanLeg,
  type ScanState,
  type TShipmentStatus,
} from "./state-machine.ts";
import { scanWarning } from "./warnings.ts";

const HUB = "hub";
const ST = "station";
const VP = "point";
const legsUp: ScanLeg[] = [
  { seq: 0, fromNodeId: VP, toNodeId: ST, toTier: "TOWNSHIP_STATION", status: "PLANNED" },
  { seq: 1, fromNodeId: ST, toNodeId: HUB, toTier: "COUNTY_HUB", status: "PLANNED" },
];
const base: ScanState = {
  status: "CREATED",
  currentNodeId: VP,
  destNodeId: HUB,
  destHasShelves: false,
  legs: legsUp,
  loadedVehicleId: null,
  missingRules: ["real-name registration (实名收寄)", "contents inspection (收寄验视)", "security screening (过机安检)"],
  pickupCode: null,
  phoneLast4: "5678",
  lastAction: null,
  lastNodeId: null,
};
/// Every way a scan can be asked at a node: each action, with and without a vehicle, codes, digits, ID check, reason.
function* inputs(nodeId: string): Generator<ScanInput> {
  for (const action of SCAN_ACTIONS)
    for (const extra of [
      {},
      { vehicleId: "v1" },
      { exceptionReason: "破损" },
      { pickupCode: "123456" },
      { pickupCode: "000000" },
      { phoneLast4: "5678" },
      { phoneLast4: "0000" },
      { idChecked: true },
    ])
      for (const pickupCheck of PICKUP_CHECKS) yield { action, nodeId, nodeIsHub: nodeId === HUB, pickupCheck, ...extra };
}

describe("an announced parcel not accepted under the three rules", () => {
  it("is moved by no scan at any node, and the answer says why", () => {
    for (const status of ["CREATED"] as TShipmentStatus[])
      for (const node of [VP, ST, HUB, "elsewhere"]) {
        const s = { ...base, status, notAccepted: true };
        for (const input of inputs(node)) {
          const d = decideScan(s, input);
          expect(d.effect, `${input.action} at ${node}`).toBeNull();
          expect(d).toMatchObject({ outcome: "INVALID_TRANSITION", reason: "NOT_ACCEPTED", expectedNodeId: VP });
        }
      }
  });
  it("is still received by ARRIVE once accepted (a downward parcel announced on a manifest needs no acceptance)", () => {
    const announcedDown = { ...base, destNodeId: VP, legs: [], missingRules: [], currentNodeId: ST };
    expect(decideScan(announcedDown, { action: "ARRIVE", nodeId: ST, nodeIsHub: false }).outcome).toBe("OK");
  });
});

describe("a parcel on a self-pickup node's shelf", () => {
  const shelved: ScanState = {
    ...base,
    status: "AWAITING_PICKUP",
    currentNodeId: VP,
    destNodeId: VP,
    destHasShelves: true,
    legs: [{ seq: 0, fromNodeId: ST, toNodeId: VP, toTier: "VILLAGE_POINT", status: "ARRIVED" }],
    missingRules: [],
    pickupCode: "123456",
  };
  it("ends only by PICKUP with a check the node's policy accepts, or by RETURN when flagged or refused in person", () => {
    for (const returnFlagged of [false, true])
      for (const input of inputs(VP)) {
        const d = decideScan({ ...shelved, returnFlagged }, input);
        const check = input.pickupCheck!;
        const proof =
          input.pickupCode === "123456" ||
          (check !== "CODE" && input.phoneLast4 === "5678") ||
          (check === "CODE_PHONE_OR_ID" && input.idChecked === true);
        const label = `${input.action} ${check} ${JSON.stringify(input)} flagged=${returnFlagged}`;
        if (d.effect?.status === "DELIVERED") expect(input.action === "PICKUP" && proof, label).toBe(true);
        if (d.effect?.status === "RETURNED") expect(input.action === "RETURN" && (returnFlagged || proof), label).toBe(true);
        // Nothing takes it off the shelf to a state a later DELIVER would end (no planned leg from here).
        if (d.effect && d.effect.status !== "DELIVERED" && d.effect.status !== "RETURNED")
          expect(d.effect.clearShelf, label).not.toBe(true);
        if (input.action === "PICKUP" && proof) expect(d).toMatchObject({ outcome: "OK", params: { by: expect.any(String) } });
      }
  });
  it("refuses DELIVER with a reason that says to use PICKUP, and names the policy's check when a pickup fails", () => {
    expect(decideScan(shelved, { action: "DELIVER", nodeId: VP, nodeIsHub: false })).toMatchObject({ reason: "USE_PICKUP", effect: null });
    const pickup = (pickupCheck: (typeof PICKUP_CHECKS)[number], extra: object) =>
      decideScan(shelved, { action: "PICKUP", nodeId: VP, nodeIsHub: false, pickupCheck, ...extra });
    expect(pickup("CODE", { phoneLast4: "5678" })).toMatchObject({ outcome: "INVALID_TRANSITION", reason: "PICKUP_CODE_ONLY" });
    expect(pickup("CODE_OR_PHONE", { idChecked: true })).toMatchObject({ reason: "WRONG_PICKUP_CODE" });
    expect(pickup("CODE_PHONE_OR_ID", {})).toMatchObject({ reason: "WRONG_PICKUP_CHECK" });
    expect(pickup("CODE_PHONE_OR_ID", { idChecked: true })).toMatchObject({ outcome: "OK", params: { by: "ID" } });
  });
});

describe("inferring the action", () => {
  const scanAt = (nodeId: string, extra: Partial<ScanInput> = {}) => ({ nodeId, nodeIsHub: nodeId === HUB, ...extra });
  const down: ScanState = {
    ...base,
    status: "IN_TRANSIT",
    currentNodeId: HUB,
    destNodeId: VP,
    destHasShelves: true,
    missingRules: [],
    pickupCode: "123456",
    legs: [
      { seq: 0, fromNodeId: HUB, toNodeId: ST, toTier: "TOWNSHIP_STATION", status: "DEPARTED" },
      { seq: 1, fromNodeId: ST, toNodeId: VP, toTier: "VILLAGE_POINT", status: "PLANNED" },
    ],
  };
  it("arrives a parcel that can only arrive here, and refuses to guess elsewhere", () => {
    expect(inferScanAction(down, scanAt(ST))).toEqual({ action: "ARRIVE" });
    expect(inferScanAction(down, scanAt("elsewhere"))).toEqual({ action: null, refuse: "ACTION_NEEDED" });
    expect(inferScanAction(down, scanAt(VP))).toEqual({ action: null, refuse: "ACTION_NEEDED" });
    // Here already: ARRIVE answers "already arrived" without moving it.
    const here = { ...down, status: "AT_NODE" as const, currentNodeId: ST };
    expect(inferScanAction(here, scanAt(ST))).toEqual({ action: "ARRIVE" });
    expect(inferScanAction(here, scanAt(ST, { vehicleId: "v1" }))).toEqual({ action: "LOAD" });
  });
  it("makes a parcel on this node's shelf a pickup, refused without the recipient's check", () => {
    const shelved = { ...down, status: "AWAITING_PICKUP" as const, currentNodeId: VP };
    expect(inferScanAction(shelved, scanAt(VP), "A-01-02")).toEqual({
      action: "PICKUP",
      refuse: "PICKUP_NEEDS_CHECK",
      params: { slot: "A-01-02" },
    });
    expect(inferScanAction(shelved, scanAt(VP, { phoneLast4: "5678" }))).toEqual({ action: "PICKUP" });
  });
  it("lets an announced parcel's scan be refused as not accepted", () => {
    const s = { ...base, notAccepted: true };
    const inferred = inferScanAction(s, scanAt(ST));
    expect(decideScan(s, { ...scanAt(ST), action: inferred.action! }).reason).toBe("NOT_ACCEPTED");
  });
});

describe("warnings", () => {
  const now = new Date("2026-11-23T10:00:00Z");
  const p = { status: "AT_NODE", light: "GREEN", routeError: null, promisedAt: new Date("2026-11-23T12:00:00Z"), finishedAt: null };
  it("say late by how long, behind plan, no route, or arrived late; nothing for an on-time or finished parcel", () => {
    expect(scanWarning(p, now)).toBeNull();
    expect(scanWarning({ ...p, light: "RED" }, now)).toMatchObject({ code: "BEHIND_PLAN" });
    expect(scanWarning({ ...p, promisedAt: new Date("2026-11-23T07:25:00Z") }, now)).toEqual({
      code: "LATE",
      params: { hours: 2, minutes: 35, totalMinutes: 155 },
      message: "late by 2 h 35 min against its promised time: give it priority and send it on first",
    });
    expect(scanWarning({ ...p, light: "RED", routeError: "no route to 高屯村点" }, now)).toMatchObject({ code: "UNROUTABLE", params: {} });
    const shelf = {
      ...p,
      status: "AWAITING_PICKUP",
      promisedAt: new Date("2026-11-23T09:00:00Z"),
      finishedAt: new Date("2026-11-23T09:45:00Z"),
    };
    expect(scanWarning(shelf, now)).toMatchObject({ code: "LATE_ARRIVED", params: { hours: 0, minutes: 45 } });
    expect(scanWarning({ ...p, status: "DELIVERED", light: "RED", promisedAt: new Date(0) }, now)).toBeNull();
  });
});
