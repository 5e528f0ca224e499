// The station scan state machine: what a scan of a parcel at a node means, given where the parcel is.
// Pure: the API loads the state, asks `decideScan`, and applies the effect in one transaction.
import type { TShipmentStatus } from "../shipments/values.ts";
import { scanMessage, type TScanParams, type TScanReason } from "./reasons.ts";

export const SCAN_ACTIONS = ["ARRIVE", "DEPART", "LOAD", "HANDOVER", "DELIVER", "PICKUP", "EXCEPTION", "RETURN"] as const;
export type TScanAction = (typeof SCAN_ACTIONS)[number];
export type TScanOutcome = "OK" | "DUPLICATE" | "MISROUTED" | "INVALID_TRANSITION" | "UNKNOWN_CODE" | "FORBIDDEN";

/// How a self-pickup node checks who collects a parcel (Node.pickupCheck): the 6-digit pickup code only; the code or
/// the recipient's phone's last 4 digits (the default); or either of those or an ID check by the staff.
export const PICKUP_CHECKS = ["CODE", "CODE_OR_PHONE", "CODE_PHONE_OR_ID"] as const;
export type TPickupCheck = (typeof PICKUP_CHECKS)[number];
/// The days a parcel may wait on a self-pickup shelf before it is flagged for return (Node.pickupHoldDays).
export const PICKUP_HOLD_DAYS = { min: 1, max: 60 } as const;

export type { TShipmentStatus };

export interface ScanLeg {
  seq: number;
  fromNodeId: string;
  toNodeId: string;
  toTier: "COUNTY_HUB" | "TOWNSHIP_STATION" | "VILLAGE_POINT";
  status: "PLANNED" | "DEPARTED" | "ARRIVED";
}

export interface ScanState {
  status: TShipmentStatus;
  currentNodeId: string | null;
  destNodeId: string | null;
  /// The final node keeps parcels on shelves for self-pickup.
  destHasShelves: boolean;
  /// Legs of the current plan in order (cancelled legs left out).
  legs: ScanLeg[];
  loadedVehicleId: string | null;
  /// Three rules an upward parcel still misses (must be empty to leave the county hub).
  missingRules: string[];
  pickupCode: string | null;
  phoneLast4: string;
  /// The last action that changed the parcel and where (for DUPLICATE detection).
  lastAction: TScanAction | null;
  lastNodeId: string | null;
  /// An upward parcel announced (a confirmed restock order, a booking) and never accepted under the three rules: it
  /// enters the network only by acceptance at the desk, never by a scan.
  notAccepted?: boolean;
  /// Flagged for return after the node's hold days on the pickup shelf.
  returnFlagged?: boolean;
}

export interface ScanInput {
  action: TScanAction;
  nodeId: string;
  nodeIsHub: boolean;
  vehicleId?: string | null;
  exceptionReason?: string | null;
  pickupCode?: string | null;
  phoneLast4?: string | null;
  /// The staff checked the recipient's ID (counts where the node's pickup check allows it).
  idChecked?: boolean | null;
  /// The scanning node's pickup check (default CODE_OR_PHONE).
  pickupCheck?: TPickupCheck;
}

export interface ScanEffect {
  status: TShipmentStatus;
  currentNodeId: string;
  departLeg?: number;
  arriveLeg?: number;
  /// Legs skipped without a DEPART scan are closed as travelled on arrival.
  closeLegsBefore?: number;
  loadedVehicleId?: string | null;
  assignShelf?: boolean;
  clearShelf?: boolean;
  replan?: boolean;
  exceptionReason?: string;
}

export interface ScanDecision {
  outcome: TScanOutcome;
  /// Why, as a code (with `params`) a client can show in its language; `message` is the English sentence.
  reason: TScanReason;
  params?: TScanParams;
  message: string;
  effect: ScanEffect | null;
  /// Where the parcel should be (MISROUTED) or goes next.
  expectedNodeId?: string | null;
  nextNodeId?: string | null;
}

const FINAL: TShipmentStatus[] = ["DELIVERED", "RETURNED", "CANCELLED", "LOST"];
const no = (outcome: TScanOutcome, reason: TScanReason, params?: TScanParams, extra: Partial<ScanDecision> = {}): ScanDecision => ({
  outcome,
  reason,
  ...(params ? { params } : {}),
  message: scanMessage(reason, params),
  effect: null,
  ...extra,
});
const ok = (reason: TScanReason): Pick<ScanDecision, "outcome" | "reason" | "message"> => ({
  outcome: "OK",
  reason,
  message: scanMessage(reason),
});

function nextPlannedFrom(s: ScanState, nodeId: string): ScanLeg | undefined {
  return s.legs.find((l) => l.status === "PLANNED" && l.fromNodeId === nodeId);
}

/// How the recipient proved who they are under the node's check, or null.
function pickupProof(s: ScanState, scan: ScanInput): "CODE" | "PHONE" | "ID" | null {
  const check = scan.pickupCheck ?? "CODE_OR_PHONE";
  if (!!scan.pickupCode && scan.pickupCode === s.pickupCode) return "CODE";
  if (check !== "CODE" && !!scan.phoneLast4 && scan.phoneLast4 === s.phoneLast4) return "PHONE";
  if (check === "CODE_PHONE_OR_ID" && scan.idChecked === true) return "ID";
  return null;
}

const WRONG_CHECK: Record<TPickupCheck, TScanReason> = {
  CODE: "PICKUP_CODE_ONLY",
  CODE_OR_PHONE: "WRONG_PICKUP_CODE",
  CODE_PHONE_OR_ID: "WRONG_PICKUP_CHECK",
};

function onArrivalAt(s: ScanState, nodeId: string): Pick<ScanEffect, "status" | "assignShelf"> {
  if (nodeId === s.destNodeId && s.destHasShelves) return { status: "AWAITING_PICKUP", assignShelf: true };
  return { status: "AT_NODE" };
}

export function decideScan(s: ScanState, scan: ScanInput): ScanDecision {
  const here = scan.nodeId;
  if (FINAL.includes(s.status)) {
    if (s.lastAction === scan.action && s.lastNodeId === here) return no("DUPLICATE", "ALREADY_FINAL", { status: s.status.toLowerCase() });
    return no("INVALID_TRANSITION", "FINAL", { status: s.status.toLowerCase() });
  }
  // Announced and never accepted under the three rules: received only by acceptance (at the desk), at any node.
  if (s.notAccepted) return no("INVALID_TRANSITION", "NOT_ACCEPTED", undefined, { expectedNodeId: s.currentNodeId });
  const onShelfHere = s.status === "AWAITING_PICKUP" && s.currentNodeId === here;
  switch (scan.action) {
    case "ARRIVE": {
      if ((s.status === "AT_NODE" || s.status === "AWAITING_PICKUP") && s.currentNodeId === here) return no("DUPLICATE", "ALREADY_ARRIVED");
      // Created here and not yet moved: a parcel a station's manifest announced, or one its sender booked here, is
      // received by its first scan. One accepted here under the three rules is here already.
      if (s.status === "ACCEPTED" && s.currentNodeId === here) return no("DUPLICATE", "ALREADY_ACCEPTED");
      if (s.status === "CREATED" && s.currentNodeId === here && !s.legs.some((l) => l.status !== "PLANNED"))
        return {
          ...ok("ARRIVED"),
          effect: { ...onArrivalAt(s, here), currentNodeId: here, loadedVehicleId: null },
          nextNodeId: nextPlannedFrom(s, here)?.toNodeId ?? null,
        };
      const departed = s.legs.find((l) => l.status === "DEPARTED");
      // Without a DEPART scan, the leg it should be on is the next planned one from where it was.
      const leg = departed ?? (s.currentNodeId ? nextPlannedFrom(s, s.currentNodeId) : undefined);
      const expected = leg?.toNodeId ?? null;
      if (expected === here) {
        return {
          ...ok("ARRIVED"),
          effect: {
            ...onArrivalAt(s, here),
            currentNodeId: here,
            arriveLeg: leg!.seq,
            ...(departed ? {} : { closeLegsBefore: leg!.seq }),
            loadedVehicleId: null,
          },
          nextNodeId: nextPlannedFrom(s, here)?.toNodeId ?? null,
        };
      }
      // Somewhere its route does not go: it is here now, and its route is planned again from here.
      return {
        outcome: "MISROUTED",
        reason: expected ? "MISROUTED" : "OFF_ROUTE",
        message: scanMessage(expected ? "MISROUTED" : "OFF_ROUTE"),
        expectedNodeId: expected,
        effect: { ...onArrivalAt(s, here), currentNodeId: here, replan: true, loadedVehicleId: null },
      };
    }
    case "DEPART":
    case "HANDOVER": {
      if (s.status === "IN_TRANSIT") {
        const departed = s.legs.find((l) => l.status === "DEPARTED");
        if (departed?.fromNodeId === here) return no("DUPLICATE", "ALREADY_DEPARTED", undefined, { nextNodeId: departed.toNodeId });
        return no("INVALID_TRANSITION", "IN_TRANSIT_ELSEWHERE");
      }
      if (s.currentNodeId !== here)
        return no("INVALID_TRANSITION", "NOT_HERE_ARRIVE_FIRST", undefined, { expectedNodeId: s.currentNodeId });
      if (scan.nodeIsHub && s.missingRules.length)
        return no("INVALID_TRANSITION", "HUB_RULES_DEPART", { rules: s.missingRules.join(", ") });
      const leg = nextPlannedFrom(s, here);
      if (!leg) return no("INVALID_TRANSITION", "NO_DEPARTURE");
      if (scan.action === "HANDOVER" && leg.toTier !== "VILLAGE_POINT")
        return no("INVALID_TRANSITION", "NOT_TO_POINT", undefined, { nextNodeId: leg.toNodeId });
      return {
        ...ok(scan.action === "HANDOVER" ? "HANDED_OVER" : "DEPARTED"),
        effect: { status: "IN_TRANSIT", currentNodeId: here, departLeg: leg.seq, clearShelf: true },
        nextNodeId: leg.toNodeId,
      };
    }
    case "LOAD": {
      if (s.currentNodeId !== here || s.status === "IN_TRANSIT")
        return no("INVALID_TRANSITION", "NOT_HERE_ARRIVE_FIRST", undefined, { expectedNodeId: s.currentNodeId });
      if (!scan.vehicleId) return no("INVALID_TRANSITION", "VEHICLE_REQUIRED");
      // Off the shelf onto a vehicle only when its route goes on from here; otherwise it would leave the shelf unchecked.
      if (onShelfHere && !nextPlannedFrom(s, here)) return no("INVALID_TRANSITION", "USE_PICKUP");
      if (s.loadedVehicleId === scan.vehicleId) return no("DUPLICATE", "ALREADY_LOADED");
      if (scan.nodeIsHub && s.missingRules.length) return no("INVALID_TRANSITION", "HUB_RULES_LOAD", { rules: s.missingRules.join(", ") });
      const leg = nextPlannedFrom(s, here);
      return {
        ...ok("LOADED"),
        effect: {
          status: s.status === "AWAITING_PICKUP" ? "AT_NODE" : s.status === "EXCEPTION" ? "EXCEPTION" : "AT_NODE",
          currentNodeId: here,
          loadedVehicleId: scan.vehicleId,
          clearShelf: true,
        },
        nextNodeId: leg?.toNodeId ?? null,
      };
    }
    case "DELIVER": {
      if (s.currentNodeId !== here || s.status === "IN_TRANSIT")
        return no("INVALID_TRANSITION", "NOT_HERE", undefined, { expectedNodeId: s.currentNodeId });
      if (here !== s.destNodeId) return no("INVALID_TRANSITION", "NOT_FINAL_NODE", undefined, { expectedNodeId: s.destNodeId });
      // A self-pickup node hands parcels out against the recipient's check (PICKUP), never by a plain DELIVER.
      if (onShelfHere || s.destHasShelves) return no("INVALID_TRANSITION", "USE_PICKUP");
      return { ...ok("DELIVERED"), effect: { status: "DELIVERED", currentNodeId: here, clearShelf: true } };
    }
    case "PICKUP": {
      if (s.status !== "AWAITING_PICKUP" || s.currentNodeId !== here)
        return no("INVALID_TRANSITION", "NOT_AWAITING_PICKUP", undefined, { expectedNodeId: s.currentNodeId });
      const by = pickupProof(s, scan);
      if (!by) return no("INVALID_TRANSITION", WRONG_CHECK[scan.pickupCheck ?? "CODE_OR_PHONE"]);
      return { ...ok("PICKED_UP"), params: { by }, effect: { status: "DELIVERED", currentNodeId: here, clearShelf: true } };
    }
    case "EXCEPTION": {
      if (!scan.exceptionReason?.trim()) return no("INVALID_TRANSITION", "EXCEPTION_REASON_REQUIRED");
      // Reported by the node that has it (or sent it off on the leg it is on), never by another: an exception moves the
      // parcel to the reporting node. A parcel in hand that the network places elsewhere is scanned in (ARRIVE) first.
      if (s.currentNodeId !== here)
        return no("INVALID_TRANSITION", "NOT_HERE_ARRIVE_FIRST", undefined, { expectedNodeId: s.currentNodeId });
      if (s.status === "EXCEPTION" && s.currentNodeId === here) return no("DUPLICATE", "ALREADY_EXCEPTION");
      return {
        ...ok("EXCEPTION_REPORTED"),
        effect: { status: "EXCEPTION", currentNodeId: here, exceptionReason: scan.exceptionReason.trim() },
      };
    }
    case "RETURN": {
      if (s.currentNodeId !== here || s.status === "IN_TRANSIT")
        return no("INVALID_TRANSITION", "NOT_HERE", undefined, { expectedNodeId: s.currentNodeId });
      // Off the pickup shelf back to the sender: once flagged for return, or refused by the recipient in person.
      if (onShelfHere && !s.returnFlagged && !pickupProof(s, scan)) return no("INVALID_TRANSITION", "RETURN_NOT_DUE");
      return { ...ok("RETURNED"), effect: { status: "RETURNED", currentNodeId: here, clearShelf: true } };
    }
  }
}
