// The open platform's standard events: every scan and timeline entry an organisation sees, as one code with its
// webhook type, its words in Chinese and English, and the codes carriers' and platforms' systems commonly use for the
// same step (so a carrier's system can post them on without translation).
import { z } from "zod";

export const WEBHOOK_EVENT_TYPES = [
  "shipment.created",
  "shipment.scanned",
  "shipment.ready_for_pickup",
  "shipment.delivered",
  "shipment.exception",
  "shipment.returned",
] as const;
export type TWebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
export const ZWebhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);

export interface StandardEvent {
  code: string;
  type: TWebhookEventType;
  zh: string;
  en: string;
  /// What produces it: scan actions (ARRIVE …) and timeline entries (ACCEPTED …).
  from: string;
  /// Cainiao-style logistics action and Kuaidi100 status code commonly used for the same step.
  cainiao: string;
  kuaidi100: string;
}

export const STANDARD_EVENTS = [
  {
    code: "PRE_ADVISED",
    type: "shipment.created",
    zh: "已预报",
    en: "Pre-advised",
    from: "POST /api/v1/shipments",
    cainiao: "CREATE",
    kuaidi100: "101",
  },
  {
    code: "MANIFEST_ANNOUNCED",
    type: "shipment.created",
    zh: "清单预报，待到站",
    en: "Announced by manifest, expected at the station",
    from: "MANIFEST_ANNOUNCED, CREATED",
    cainiao: "CREATE",
    kuaidi100: "101",
  },
  {
    code: "RECEIVED_AT_HUB",
    type: "shipment.created",
    zh: "县中心已接收",
    en: "Received at the county hub",
    from: "MANIFEST_ARRIVAL",
    cainiao: "ARRIVAL",
    kuaidi100: "1001",
  },
  {
    code: "ACCEPTED",
    type: "shipment.scanned",
    zh: "已收寄",
    en: "Accepted for sending",
    from: "ACCEPTED",
    cainiao: "GOT",
    kuaidi100: "1",
  },
  { code: "ARRIVED", type: "shipment.scanned", zh: "到达", en: "Arrived", from: "ARRIVE", cainiao: "ARRIVAL", kuaidi100: "0" },
  { code: "LOADED", type: "shipment.scanned", zh: "已装车", en: "Loaded", from: "LOAD", cainiao: "DEPARTURE", kuaidi100: "0" },
  { code: "DEPARTED", type: "shipment.scanned", zh: "已发出", en: "Departed", from: "DEPART", cainiao: "DEPARTURE", kuaidi100: "0" },
  {
    code: "HANDED_TO_POINT",
    type: "shipment.scanned",
    zh: "已交村级服务点",
    en: "Handed to the village point",
    from: "HANDOVER",
    cainiao: "SENT_SCAN",
    kuaidi100: "5",
  },
  {
    code: "READY_FOR_PICKUP",
    type: "shipment.ready_for_pickup",
    zh: "待取件",
    en: "Ready for pickup",
    from: "ARRIVE (onto a pickup shelf)",
    cainiao: "STA_INBOUND",
    kuaidi100: "501",
  },
  { code: "DELIVERED", type: "shipment.delivered", zh: "已签收", en: "Delivered", from: "DELIVER", cainiao: "SIGNED", kuaidi100: "301" },
  {
    code: "PICKED_UP",
    type: "shipment.delivered",
    zh: "已自提签收",
    en: "Picked up",
    from: "PICKUP",
    cainiao: "STA_SIGN",
    kuaidi100: "304",
  },
  { code: "EXCEPTION", type: "shipment.exception", zh: "异常", en: "Exception", from: "EXCEPTION", cainiao: "FAILED", kuaidi100: "2" },
  {
    code: "MISROUTED",
    type: "shipment.exception",
    zh: "错分，已改派",
    en: "Misrouted, re-planned",
    from: "MISROUTED",
    cainiao: "FAILED",
    kuaidi100: "7",
  },
  {
    code: "PICKUP_OVERDUE",
    type: "shipment.exception",
    zh: "超时未取，待退回",
    en: "Not collected in time, to be returned",
    from: "RETURN_FLAGGED",
    cainiao: "FAILED",
    kuaidi100: "205",
  },
  { code: "LOST", type: "shipment.exception", zh: "丢失", en: "Lost", from: "LOST", cainiao: "FAILED", kuaidi100: "2" },
  {
    code: "RETURNED",
    type: "shipment.returned",
    zh: "已退回",
    en: "Returned",
    from: "RETURN, RETURNED",
    cainiao: "RETURN",
    kuaidi100: "6",
  },
] as const satisfies readonly StandardEvent[];
export type TStandardEventCode = (typeof STANDARD_EVENTS)[number]["code"];

const BY_CODE = new Map<string, StandardEvent>(STANDARD_EVENTS.map((e) => [e.code, e]));

/// The standard event of a scan (its action, or MISROUTED) or timeline entry (its type), given the parcel's status
/// just after it; null for entries integrators are not told about (routing, lights).
export function standardEventOf(kind: string, status: string): StandardEvent | null {
  const code = ((): string | null => {
    switch (kind) {
      case "PRE_ADVISED":
        return "PRE_ADVISED";
      case "CREATED":
      case "MANIFEST_ANNOUNCED":
        return "MANIFEST_ANNOUNCED";
      case "MANIFEST_ARRIVAL":
        return "RECEIVED_AT_HUB";
      case "ACCEPTED":
        return "ACCEPTED";
      case "ARRIVE":
        return status === "AWAITING_PICKUP" ? "READY_FOR_PICKUP" : "ARRIVED";
      case "LOAD":
        return "LOADED";
      case "DEPART":
        return "DEPARTED";
      case "HANDOVER":
        return "HANDED_TO_POINT";
      case "DELIVER":
        return "DELIVERED";
      case "PICKUP":
        return "PICKED_UP";
      case "EXCEPTION":
        return "EXCEPTION";
      case "MISROUTED":
        return "MISROUTED";
      case "RETURN_FLAGGED":
        return "PICKUP_OVERDUE";
      case "LOST":
        return "LOST";
      case "RETURN":
      case "RETURNED":
        return "RETURNED";
      default:
        return null;
    }
  })();
  return code ? (BY_CODE.get(code) ?? null) : null;
}
