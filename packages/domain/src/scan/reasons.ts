// Why a scan came out as it did, as a code with parameters: clients show it in their own language (the station
// console's Chinese and English), scripts read `message`, the same sentence in English.

export const SCAN_REASONS = {
  ALREADY_FINAL: "already {status}",
  FINAL: "the parcel is already {status}",
  ALREADY_ARRIVED: "already arrived here",
  ALREADY_ACCEPTED: "already accepted here",
  ARRIVED: "arrived",
  MISROUTED: "misrouted: expected at another node",
  MISROUTED_AT: "misrouted: expected at {name} ({code}); a new route is being planned",
  OFF_ROUTE: "misrouted: the route does not come here",
  ALREADY_DEPARTED: "already departed",
  IN_TRANSIT_ELSEWHERE: "the parcel is in transit elsewhere; scan ARRIVE first",
  NOT_HERE_ARRIVE_FIRST: "the parcel is not at this node; scan ARRIVE first",
  HUB_RULES_DEPART: "may not leave the county hub without {rules}",
  NO_DEPARTURE: "no planned departure from this node; the parcel needs a new route",
  NOT_TO_POINT: "the next stop is not a village point; use DEPART",
  HANDED_OVER: "handed over to the village point",
  DEPARTED: "departed",
  VEHICLE_REQUIRED: "LOAD needs the vehicle",
  ALREADY_LOADED: "already loaded on this vehicle",
  HUB_RULES_LOAD: "may not be loaded at the county hub without {rules}",
  LOADED: "loaded",
  NOT_HERE: "the parcel is not at this node",
  NOT_FINAL_NODE: "this is not the parcel's final node",
  DELIVERED: "delivered",
  NOT_AWAITING_PICKUP: "the parcel is not waiting for pickup here",
  WRONG_PICKUP_CODE: "wrong or missing pickup code (or last 4 phone digits)",
  PICKED_UP: "picked up",
  EXCEPTION_REASON_REQUIRED: "an exception needs a reason",
  ALREADY_EXCEPTION: "exception already reported here",
  EXCEPTION_REPORTED: "exception reported",
  RETURNED: "returned to sender",
  OWN_NODE_ONLY: "you may scan only at your own node",
  /// An upward parcel announced (a restock order, a booking) and never accepted under the three rules: no scan moves it.
  NOT_ACCEPTED: "not accepted under the three rules (inspection, real name, screening): accept it at the desk first",
  /// A parcel on a self-pickup node's shelf leaves only by PICKUP with the node's check.
  USE_PICKUP: "the parcel waits on the pickup shelf: hand it out by PICKUP with the pickup code, phone digits or ID check",
  RETURN_NOT_DUE:
    "the parcel waits on the pickup shelf and is not due for return: hand it out by PICKUP, or return it with the recipient's pickup code or phone digits when refused",
  PICKUP_CODE_ONLY: "wrong or missing pickup code (this node hands out by pickup code only)",
  WRONG_PICKUP_CHECK: "wrong or missing pickup code, last 4 phone digits or ID check",
  /// No action sent and the parcel is on this node's shelf: a pickup needs the recipient's check.
  PICKUP_NEEDS_CHECK: "the parcel waits on the shelf at {slot}: scan PICKUP with the pickup code, the phone's last 4 digits or an ID check",
  /// No action sent and none follows from the code and the node.
  ACTION_NEEDED: "choose the action: the parcel is not expected here",
  UNKNOWN_VEHICLE: "no vehicle {vehicle} in this county",
  /// Results stored before WAYBILL_FORMAT and WAYBILL_CHECK_DIGIT (an English detail).
  BAD_WAYBILL: "not a valid waybill number: {detail}",
  WAYBILL_FORMAT: "{code} is not a waybill number: XD followed by 13 digits",
  /// Never the digit that would be right: with it, a mistyped number becomes another valid one (someone else's parcel).
  WAYBILL_CHECK_DIGIT: "{code} has a wrong check digit; the number is mistyped",
  NOT_IN_COUNTY: "no parcel {waybillNo} in this county",
  SHELF_EMPTY: "shelf slot {slot} is empty",
  SEVERAL_CARRIERS: "{code} is a waybill number of several carriers; scan the XD label",
  UNKNOWN_CODE: "unknown code {code}",
  VEHICLE_NOT_ON_LOAD: "this vehicle is not on load {load}",
  LOAD_ACTION: "a load can be scanned to load, depart, hand over or arrive; scan {action} parcel by parcel",
  LOAD_EMPTY: "load {load} has no parcels",
  /// A load's barcode scanned where the load neither leaves from nor goes to (or no such load): nothing of its contents.
  LOAD_NOT_HERE: "load {load} is not at this node",
  /// A load's barcode: its parcels' own results summed up; the message goes on with ", {dup} already" and
  /// ", {refused} refused ({first}: {firstMessage})" when there are some (params `dup`, `refused`, `first`, `firstMessage`).
  LOAD_SUMMARY: "load {load}: {n} parcels, {ok} {action} OK",
} as const;

export type TScanReason = keyof typeof SCAN_REASONS;
export type TScanParams = Record<string, string | number>;

/// The English sentence of a reason (every `{name}` from params; a missing one stays empty).
export function scanMessage(reason: TScanReason, params: TScanParams = {}): string {
  return SCAN_REASONS[reason].replace(/\{(\w+)\}/g, (_m, k: string) => String(params[k] ?? ""));
}
