// Pure helpers of the shipment pages: routes split by plan, leg lights, the resident ID check as you type, and the
// manifest template. Their enumerations are the domain's (SHIPMENT_STATUSES, LIGHTS, DIRECTIONS, TEMP_CLASSES, …).
import { legLight, SHIPMENT_EVENT_TYPES, validateResidentId, worstLight } from "@xiangda/domain";
import type { TLeg, TLight } from "../../../lib/shipments-api.ts";

/** The columns a carrier's arrival manifest may have (address or villageCode locates the recipient). */
export const MANIFEST_COLUMNS =
  "waybillNo, recipientName, recipientPhone, address | villageCode, weightG, temp, contentsCategory, declaredValueFen";
/** The header row of the manifest template (the file-import kit's SheetTemplate makes the CSV of it). */
export const MANIFEST_TEMPLATE_HEADER =
  "waybillNo,recipientName,recipientPhone,address,villageCode,weightG,temp,contentsCategory,declaredValueFen";

export interface TLegGroups {
  /** The route the parcel is on: every leg not cancelled, in plan and sequence order (travelled legs of an older plan first). */
  current: TLeg[];
  /** Cancelled legs of earlier plans, one group per plan, newest plan first. */
  previous: Array<{ plan: number; legs: TLeg[] }>;
}

export function splitLegs(legs: readonly TLeg[]): TLegGroups {
  const byOrder = [...legs].sort((a, b) => a.plan - b.plan || a.seq - b.seq);
  const current = byOrder.filter((l) => l.status !== "CANCELLED");
  const plans = new Map<number, TLeg[]>();
  for (const leg of byOrder) {
    if (leg.status !== "CANCELLED") continue;
    const list = plans.get(leg.plan) ?? [];
    list.push(leg);
    plans.set(leg.plan, list);
  }
  const previous = [...plans.entries()].sort((a, b) => b[0] - a[0]).map(([plan, list]) => ({ plan, legs: list }));
  return { current, previous };
}

type TTimedLeg = Pick<TLeg, "status" | "plannedDepart" | "plannedArrive" | "actualArrive"> & { light?: TLight };

/**
 * The light a leg shows now: the stored one, or worse when its times say so (a leg past its planned arrival is red even
 * before the next recompute). Cancelled legs have no light.
 */
export function legDisplayLight(leg: TTimedLeg, now: Date): TLight | null {
  if (leg.status === "CANCELLED") return null;
  const timed = legLight(
    {
      status: leg.status,
      plannedDepart: new Date(leg.plannedDepart),
      plannedArrive: new Date(leg.plannedArrive),
      actualArrive: leg.actualArrive ? new Date(leg.actualArrive) : null,
    },
    now,
  );
  return leg.light ? worstLight(leg.light, timed) : timed;
}

/** Minutes between two instants, rounded down (negative when `to` is before `from`). */
export function minutesBetween(from: string | Date, to: string | Date): number {
  return Math.floor((new Date(to).getTime() - new Date(from).getTime()) / 60_000);
}

export type TIdCheck =
  | { state: "empty" }
  /** Fewer than 18 characters and still typing: not yet an error. */
  | { state: "typing"; length: number }
  | { state: "ok"; birthDate: string }
  | { state: "FORMAT"; length: number }
  /** Only the character typed: naming the right one would give away a different valid ID. */
  | { state: "CHECK_DIGIT"; got: string }
  | { state: "BIRTH_DATE"; birth: string };

/** The resident ID as typed, checked by the same rule the server applies (GB 11643, ISO 7064 MOD 11-2). */
export function checkResidentId(raw: string, today: Date): TIdCheck {
  const id = raw.trim().toUpperCase();
  if (!id) return { state: "empty" };
  if (id.length < 18 && /^\d*$/.test(id)) return { state: "typing", length: id.length };
  const r = validateResidentId(id, today);
  if (r.ok) return { state: "ok", birthDate: r.birthDate };
  if (r.reason === "CHECK_DIGIT") return { state: "CHECK_DIGIT", got: id.slice(17) };
  if (r.reason === "BIRTH_DATE") return { state: "BIRTH_DATE", birth: id.slice(6, 14) };
  return { state: "FORMAT", length: id.length };
}

/** Every timeline entry type the server writes (the shared catalog, domain); each has a label under `events`. */
const EVENT_TYPES = SHIPMENT_EVENT_TYPES;
export type TEventType = (typeof EVENT_TYPES)[number];

/** An event type the UI has a label for, or null (shown as the raw type). */
export function knownEventType(type: string): TEventType | null {
  return (EVENT_TYPES as readonly string[]).includes(type) ? (type as TEventType) : null;
}

/** The light reasons the server writes itself (route errors are free text and shown as they are). */
const LIGHT_REASONS = {
  "leg overdue": "legOverdue",
  "leg near its promised time": "legNear",
  "past the promised time": "pastPromise",
  "arrived after the promised time": "arrivedLate",
} as const;
export type TLightReasonKey = (typeof LIGHT_REASONS)[keyof typeof LIGHT_REASONS];

export function lightReasonKey(reason: string | null | undefined): TLightReasonKey | null {
  if (!reason) return null;
  return (LIGHT_REASONS as Record<string, TLightReasonKey | undefined>)[reason] ?? null;
}

/** The primitive values of an event's details (JSON), for a one-line summary; nested values are left out. */
export function detailEntries(details: unknown): Array<[string, string]> {
  if (typeof details !== "object" || details === null || Array.isArray(details)) return [];
  return Object.entries(details as Record<string, unknown>)
    .filter((entry): entry is [string, string | number | boolean] => ["string", "number", "boolean"].includes(typeof entry[1]))
    .map(([k, v]) => [k, String(v)]);
}
