// A self-pickup node's settings as the node form takes them: how staff check who collects a parcel (Node.pickupCheck)
// and the days a parcel waits on the shelf before it is flagged for return (Node.pickupHoldDays, the domain's PICKUP_HOLD_DAYS).
import { PICKUP_CHECKS, PICKUP_HOLD_DAYS, type TPickupCheck } from "@xiangda/domain";
import { parseWholeNumber } from "./network-format.ts";

export { PICKUP_CHECKS, type TPickupCheck };
export const PICKUP_HOLD_RANGE = PICKUP_HOLD_DAYS;

/// Why a typed number of days is refused (an i18n key under nodes.pickupHoldDaysError), or null when it is fine or
/// empty (empty keeps the node's setting).
export function pickupHoldDaysError(raw: string): "wholeNumber" | "range" | null {
  const n = parseWholeNumber(raw);
  if (n === "invalid") return "wholeNumber";
  if (n === null) return null;
  return n < PICKUP_HOLD_RANGE.min || n > PICKUP_HOLD_RANGE.max ? "range" : null;
}
