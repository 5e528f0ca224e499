// The action of a scan sent without one (mode inference): what the code and the node leave no doubt about. A parcel
// that can only arrive here arrives; one on this node's shelf is a pickup (which needs the recipient's check); with a
// vehicle set it is loaded. Anything else is refused with ACTION_NEEDED rather than guessed: a wrong guess would move
// a parcel (a misrouted arrival re-plans it). Load codes are inferred where they are expanded (departing → LOAD,
// arriving → ARRIVE).
import type { TScanParams, TScanReason } from "./reasons.ts";
import { decideScan, type ScanInput, type ScanState, type TScanAction } from "./state-machine.ts";

export type TInferred =
  { action: TScanAction; refuse?: undefined } | { action: TScanAction | null; refuse: TScanReason; params?: TScanParams };

export function inferScanAction(s: ScanState, scan: Omit<ScanInput, "action">, shelfSlot: string | null = null): TInferred {
  // Announced, not accepted: the scan is refused as such (NOT_ACCEPTED), whatever it would have been.
  if (s.notAccepted) return { action: "ARRIVE" };
  if (scan.vehicleId) return { action: "LOAD" };
  if (s.status === "AWAITING_PICKUP" && s.currentNodeId === scan.nodeId) {
    if (scan.pickupCode || scan.phoneLast4 || scan.idChecked) return { action: "PICKUP" };
    return { action: "PICKUP", refuse: "PICKUP_NEEDS_CHECK", params: { slot: shelfSlot ?? "" } };
  }
  const arrive = decideScan(s, { ...scan, action: "ARRIVE" });
  // Expected here (or here already, or finished: the answer says so without moving it).
  if (arrive.outcome === "OK" || arrive.outcome === "DUPLICATE" || arrive.reason === "FINAL") return { action: "ARRIVE" };
  return { action: null, refuse: "ACTION_NEEDED" };
}
