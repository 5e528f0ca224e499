// The county's counter form: draft (text as typed) to and from the API's counter and upsert input. A counter is in
// an area of the county, in a city outside it, or online (neither).
import type { TCounter, TCounterInput, TVenueType } from "../../../components/counters/counters-api.ts";

export type TPlace = "area" | "city" | "online";

export interface TCounterDraft {
  code: string;
  name: string;
  venueType: TVenueType;
  operatorName: string;
  address: string;
  place: TPlace;
  /** Only narrows the area list; not sent. */
  townshipCode: string;
  /** A township or a village of the county. */
  areaCode: string;
  city: string;
  /** The node's code (what the node picker works with); sent as its id. */
  nodeCode: string;
  active: boolean;
}

export function counterDraftOf(c: TCounter | null, townshipOf: (areaCode: string) => string): TCounterDraft {
  return {
    code: c?.code ?? "",
    name: c?.name ?? "",
    venueType: c?.venueType ?? "SUPERMARKET",
    operatorName: c?.operatorName ?? "",
    address: c?.address ?? "",
    place: !c || c.areaCode ? "area" : c.city ? "city" : "online",
    townshipCode: c?.areaCode ? townshipOf(c.areaCode) : "",
    areaCode: c?.areaCode ?? "",
    city: c?.city ?? "",
    nodeCode: c?.node.code ?? "",
    active: c?.active ?? true,
  };
}

/** The upsert input, or the fields the form can already tell are missing. */
export function counterInputOf(
  d: TCounterDraft,
  countyCode: string,
  nodeIdOf: (code: string) => string | undefined,
): { ok: true; input: TCounterInput } | { ok: false; errors: Record<string, "required"> } {
  const errors: Record<string, "required"> = {};
  if (!d.code.trim()) errors.code = "required";
  if (!d.name.trim()) errors.name = "required";
  if (!d.operatorName.trim()) errors.operatorName = "required";
  const nodeId = d.nodeCode ? nodeIdOf(d.nodeCode) : undefined;
  if (!nodeId) errors.nodeId = "required";
  if (d.place === "area" && !d.areaCode && !d.townshipCode) errors.areaCode = "required";
  if (d.place === "city" && !d.city.trim()) errors.city = "required";
  if (Object.keys(errors).length > 0 || !nodeId) return { ok: false, errors };
  return {
    ok: true,
    input: {
      countyCode,
      code: d.code.trim(),
      name: d.name.trim(),
      venueType: d.venueType,
      operatorName: d.operatorName.trim(),
      address: d.address.trim() || null,
      // A township alone is a place too (a counter in the township's market).
      areaCode: d.place === "area" ? d.areaCode || d.townshipCode : null,
      city: d.place === "city" ? d.city.trim() : null,
      nodeId,
      active: d.active,
    },
  };
}
