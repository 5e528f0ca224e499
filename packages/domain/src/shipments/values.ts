// Shipment vocabularies (mirroring the database enums; a test in packages/db compares them) in display order, shared
// by the API's schemas and the web app's filters, selects and checklists.

export const SHIPMENT_STATUSES = [
  "CREATED",
  "ACCEPTED",
  "AT_NODE",
  "IN_TRANSIT",
  "AWAITING_PICKUP",
  "DELIVERED",
  "RETURNED",
  "EXCEPTION",
  "CANCELLED",
  "LOST",
] as const;
export type TShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

/** A parcel's promise as a traffic light, best first. */
export const LIGHTS = ["GREEN", "YELLOW", "RED"] as const;

/** Down: goods to the villages; up: farm products to the city. */
export const DIRECTIONS = ["DOWN", "UP"] as const;
export type TDirection = (typeof DIRECTIONS)[number];

export const TEMP_CLASSES = ["AMBIENT", "CHILLED", "FROZEN"] as const;
export type TTempClass = (typeof TEMP_CLASSES)[number];

/** Why a parcel is in the county's exception queue: reported as an exception, RED, or without a route. */
export const EXCEPTION_CAUSES = ["EXCEPTION", "RED", "UNROUTABLE"] as const;
export type TExceptionCause = (typeof EXCEPTION_CAUSES)[number];

/** What the county may do about a parcel in the queue (the database enum ExceptionActionKind). */
export const EXCEPTION_ACTIONS = ["CALL", "NOTIFY", "REPLAN", "RETURN", "LOST"] as const;
export type TExceptionActionKind = (typeof EXCEPTION_ACTIONS)[number];

/** The prohibited-items checklist of 收寄验视, in the order the acceptance desk lists it. */
export const PROHIBITED_ITEMS = ["explosives", "flammables", "toxic", "radioactive", "weapons", "drugs", "live_animals", "cash"] as const;
export type TProhibitedItem = (typeof PROHIBITED_ITEMS)[number];
