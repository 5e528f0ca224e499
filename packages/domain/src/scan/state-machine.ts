// The station scan state machine: what a scan of a parcel at a node means, given where the parcel is.
// Pure: the API loads the state, asks `decideScan`, and applies the effect in one transaction.

export const SCAN_ACTIONS = ["ARRIVE", "DEPART", "LOAD", "HANDOVER", "DELIVER", "PICKUP", "EXCEPTION", "RETURN"] as const;
export type TScanAction = (typeof SCAN_ACTIONS)[number];
export type TScanOutcome = "OK" | "DUPLICATE" | "MISROUTED" | "INVALID_TRANSITION" | "UNKNOWN_CODE" | "FORBIDDEN";

export type TShipmentStatus =
  "CREATED" | "ACCEPTED" | "AT_NODE" | "IN_TRANSIT" | "AWAITING_PICKUP" | "DELIVERED" | "RETURNED" | "EXCEPTION" | "CANCELLED";

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
}

export interface ScanInput {
  action: TScanAction;
  nodeId: string;
  nodeIsHub: boolean;
  vehicleId?: string | null;
  exceptionReason?: string | null;
  pickupCode?: string | null;
  phoneLast4?: string | null;
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
  message: string;
  effect: ScanEffect | null;
  /// Where the parcel should be (MISROUTED) or goes next.
  expectedNodeId?: string | null;
  nextNodeId?: string | null;
}

const FINAL: TShipmentStatus[] = ["DELIVERED", "RETURNED", "CANCELLED"];
const no = (outcome: TScanOutcome, message: string, extra: Partial<ScanDecision> = {}): ScanDecision => ({
  outcome,
  message,
  effect: null,
  ...extra,
});

function nextPlannedFrom(s: ScanState, nodeId: string): ScanLeg | undefined {
  return s.legs.find((l) => l.status === "PLANNED" && l.fromNodeId === nodeId);
}

function onArrivalAt(s: ScanState, nodeId: string): Pick<ScanEffect, "status" | "assignShelf"> {
  if (nodeId === s.destNodeId && s.destHasShelves) return { status: "AWAITING_PICKUP", assignShelf: true };
  return { status: "AT_NODE" };
}

export function decideScan(s: ScanState, scan: ScanInput): ScanDecision {
  const here = scan.nodeId;
  if (FINAL.includes(s.status)) {
    if (s.lastAction === scan.action && s.lastNodeId === here) return no("DUPLICATE", `already ${s.status.toLowerCase()}`);
    return no("INVALID_TRANSITION", `the parcel is already ${s.status.toLowerCase()}`);
  }
  switch (scan.action) {
    case "ARRIVE": {
      if ((s.status === "AT_NODE" || s.status === "AWAITING_PICKUP") && s.currentNodeId === here)
        return no("DUPLICATE", "already arrived here");
      // Created here and not yet moved: a parcel a station's manifest announced, or one its sender booked here, is
      // received by its first scan. One accepted here under the three rules is here already.
      if (s.status === "ACCEPTED" && s.currentNodeId === here) return no("DUPLICATE", "already accepted here");
      if (s.status === "CREATED" && s.currentNodeId === here && !s.legs.some((l) => l.status !== "PLANNED"))
        return {
          outcome: "OK",
          message: "arrived",
          effect: { ...onArrivalAt(s, here), currentNodeId: here, loadedVehicleId: null },
          nextNodeId: nextPlannedFrom(s, here)?.toNodeId ?? null,
        };
      const departed = s.legs.find((l) => l.status === "DEPARTED");
      // Without a DEPART scan, the leg it should be on is the next planned one from where it was.
      const leg = departed ?? (s.currentNodeId ? nextPlannedFrom(s, s.currentNodeId) : undefined);
      const expected = leg?.toNodeId ?? null;
      if (expected === here) {
        return {
          outcome: "OK",
          message: "arrived",
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
        message: expected ? "misrouted: expected at another node" : "misrouted: the route does not come here",
        expectedNodeId: expected,
        effect: { ...onArrivalAt(s, here), currentNodeId: here, replan: true, loadedVehicleId: null },
      };
    }
    case "DEPART":
    case "HANDOVER": {
      if (s.status === "IN_TRANSIT") {
        const departed = s.legs.find((l) => l.status === "DEPARTED");
        if (departed?.fromNodeId === here) return no("DUPLICATE", "already departed", { nextNodeId: departed.toNodeId });
        return no("INVALID_TRANSITION", "the parcel is in transit elsewhere; scan ARRIVE first");
      }
      if (s.currentNodeId !== here)
        return no("INVALID_TRANSITION", "the parcel is not at this node; scan ARRIVE first", { expectedNodeId: s.currentNodeId });
      if (scan.nodeIsHub && s.missingRules.length)
        return no("INVALID_TRANSITION", `may not leave the county hub without ${s.missingRules.join(", ")}`);
      const leg = nextPlannedFrom(s, here);
      if (!leg) return no("INVALID_TRANSITION", "no planned departure from this node; the parcel needs a new route", { effect: null });
      if (scan.action === "HANDOVER" && leg.toTier !== "VILLAGE_POINT")
        return no("INVALID_TRANSITION", "the next stop is not a village point; use DEPART", { nextNodeId: leg.toNodeId });
      return {
        outcome: "OK",
        message: scan.action === "HANDOVER" ? "handed over to the village point" : "departed",
        effect: { status: "IN_TRANSIT", currentNodeId: here, departLeg: leg.seq, clearShelf: true },
        nextNodeId: leg.toNodeId,
      };
    }
    case "LOAD": {
      if (s.currentNodeId !== here || s.status === "IN_TRANSIT")
        return no("INVALID_TRANSITION", "the parcel is not at this node; scan ARRIVE first", { expectedNodeId: s.currentNodeId });
      if (!scan.vehicleId) return no("INVALID_TRANSITION", "LOAD needs the vehicle");
      if (s.loadedVehicleId === scan.vehicleId) return no("DUPLICATE", "already loaded on this vehicle");
      if (scan.nodeIsHub && s.missingRules.length)
        return no("INVALID_TRANSITION", `may not be loaded at the county hub without ${s.missingRules.join(", ")}`);
      const leg = nextPlannedFrom(s, here);
      return {
        outcome: "OK",
        message: "loaded",
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
        return no("INVALID_TRANSITION", "the parcel is not at this node", { expectedNodeId: s.currentNodeId });
      if (here !== s.destNodeId) return no("INVALID_TRANSITION", "this is not the parcel's final node", { expectedNodeId: s.destNodeId });
      return { outcome: "OK", message: "delivered", effect: { status: "DELIVERED", currentNodeId: here, clearShelf: true } };
    }
    case "PICKUP": {
      if (s.status !== "AWAITING_PICKUP" || s.currentNodeId !== here)
        return no("INVALID_TRANSITION", "the parcel is not waiting for pickup here", { expectedNodeId: s.currentNodeId });
      const byCode = !!scan.pickupCode && scan.pickupCode === s.pickupCode;
      const byPhone = !!scan.phoneLast4 && scan.phoneLast4 === s.phoneLast4;
      if (!byCode && !byPhone) return no("INVALID_TRANSITION", "wrong or missing pickup code (or last 4 phone digits)");
      return { outcome: "OK", message: "picked up", effect: { status: "DELIVERED", currentNodeId: here, clearShelf: true } };
    }
    case "EXCEPTION": {
      if (!scan.exceptionReason?.trim()) return no("INVALID_TRANSITION", "an exception needs a reason");
      if (s.status === "EXCEPTION" && s.currentNodeId === here) return no("DUPLICATE", "exception already reported here");
      return {
        outcome: "OK",
        message: "exception reported",
        effect: { status: "EXCEPTION", currentNodeId: here, exceptionReason: scan.exceptionReason.trim() },
      };
    }
    case "RETURN": {
      if (s.currentNodeId !== here || s.status === "IN_TRANSIT")
        return no("INVALID_TRANSITION", "the parcel is not at this node", { expectedNodeId: s.currentNodeId });
      return { outcome: "OK", message: "returned to sender", effect: { status: "RETURNED", currentNodeId: here, clearShelf: true } };
    }
  }
}
