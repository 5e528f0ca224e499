import { describe, expect, it } from "vitest";
import { SCAN_ACTIONS } from "../scan/state-machine.ts";
import { STANDARD_EVENTS, WEBHOOK_EVENT_TYPES, standardEventOf } from "./events.ts";

describe("standard events", () => {
  it("every scan action has one, and an arrival onto a pickup shelf is ready for pickup", () => {
    for (const a of SCAN_ACTIONS) expect(standardEventOf(a, "AT_NODE"), a).not.toBeNull();
    expect(standardEventOf("ARRIVE", "AT_NODE")?.code).toBe("ARRIVED");
    expect(standardEventOf("ARRIVE", "AWAITING_PICKUP")).toMatchObject({ code: "READY_FOR_PICKUP", type: "shipment.ready_for_pickup" });
    expect(standardEventOf("PICKUP", "DELIVERED")?.type).toBe("shipment.delivered");
    expect(standardEventOf("RETURNED", "RETURNED")?.type).toBe("shipment.returned");
  });

  it("the timeline entries the feed's trigger copies each have one; routing and lights have none", () => {
    for (const k of [
      "CREATED",
      "PRE_ADVISED",
      "ACCEPTED",
      "MANIFEST_ARRIVAL",
      "MANIFEST_ANNOUNCED",
      "RETURN_FLAGGED",
      "RETURNED",
      "LOST",
      "MISROUTED",
    ])
      expect(standardEventOf(k, "AT_NODE"), k).not.toBeNull();
    for (const k of ["ROUTED", "REROUTED", "LIGHT_CHANGED", "SHELF_MOVED"]) expect(standardEventOf(k, "AT_NODE"), k).toBeNull();
  });

  it("codes are unique and every webhook type is produced by some code", () => {
    expect(new Set(STANDARD_EVENTS.map((e) => e.code)).size).toBe(STANDARD_EVENTS.length);
    expect(new Set(STANDARD_EVENTS.map((e) => e.type))).toEqual(new Set(WEBHOOK_EVENT_TYPES));
  });
});
