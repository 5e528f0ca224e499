// Every type of entry a shipment's timeline can show: the ShipmentEvent types the services write, and the scans shown
// from ScanEvent (their action, or MISROUTED for a misrouted scan that was re-planned). The web app labels each in zh
// and en (a test there fails when one has no label); a test in packages/api fails when a service writes a type not here.
import { SCAN_ACTIONS } from "../scan/state-machine.ts";

export const STORED_EVENT_TYPES = [
  "CREATED",
  "ACCEPTED",
  "SCREENED",
  "MANIFEST_ARRIVAL",
  "MANIFEST_ANNOUNCED",
  /// Pre-advised by a carrier or platform through `POST /api/v1/shipments`: expected at the hub until scanned in.
  "PRE_ADVISED",
  "ROUTED",
  "REROUTED",
  "ROUTE_FAILED",
  "LIGHT_CHANGED",
  /// Stocktake: a parcel found on another slot was moved there (details from, to).
  "SHELF_MOVED",
  /// The pickup notice was sent again from the shelf list.
  "PICKUP_NOTICE_RESENT",
  /// Not collected within the node's pickupHoldDays: to be returned.
  "RETURN_FLAGGED",
  /// Left out of a sealed load (details load, reason) and re-planned.
  "ROLLED",
  /// Finished from the exception queue.
  "RETURNED",
  "LOST",
] as const;

export const SHIPMENT_EVENT_TYPES = [...STORED_EVENT_TYPES, ...SCAN_ACTIONS, "MISROUTED"] as const;
export type TShipmentEventType = (typeof SHIPMENT_EVENT_TYPES)[number];
