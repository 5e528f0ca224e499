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
  /// Results stored before WAYBILL_FORMAT and WAYBILL_CHECK_DIGIT (an English detail).
  BAD_WAYBILL: "not a valid waybill number: {detail}",
  WAYBILL_FORMAT: "{code} is not a waybill number: XD followed by 13 digits",
  WAYBILL_CHECK_DIGIT: "{code} has a wrong check digit (expected {expected}); the number is mistyped",
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
