// The county's counter form: draft (text as typed) to and from the API's counter, and the schema from the draft to
// the upsert input, piped into the shared ZCounterUpsertSchema of @xiangda/domain. A counter is in an area of the
// county, in a city outside it, or online (neither).
import { VENUE_TYPES, ZCounterUpsertSchema } from "@xiangda/domain";
import { z } from "zod";
import type { TCounter, TCounterInput } from "../../../components/counters/counters-api.ts";
import { optionalText } from "../../../components/form/index.ts";
import { noneMissing } from "./draft-checks.ts";

export const PLACES = ["area", "city", "online"] as const;
export type TPlace = (typeof PLACES)[number];

const text = z.string();
const ZCounterDraftSchema = z.object({
  code: text,
  name: text,
  venueType: z.enum(VENUE_TYPES),
  operatorName: text,
  address: text,
  place: z.enum(PLACES),
  /** Only narrows the area list; not sent. */
  townshipCode: text,
  /** A township or a village of the county. */
  areaCode: text,
  city: text,
  /** The node's code (what the node picker works with); sent as its id. */
  nodeId: text,
  active: z.boolean(),
});
export type TCounterDraft = z.input<typeof ZCounterDraftSchema>;

/** Every field path the form places under a field (the rest go to the summary): the draft's, but for those not sent. */
export const COUNTER_FIELDS = Object.keys(ZCounterDraftSchema.shape).filter((f) => f !== "place" && f !== "townshipCode");

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
    nodeId: c?.node.code ?? "",
    active: c?.active ?? true,
  };
}

/** Draft → the upsert input of a counter of `countyCode`; `nodeIdOf` finds the picked node's id by its code. */
export function counterSchema(countyCode: string, nodeIdOf: (code: string) => string | undefined): z.ZodType<TCounterInput, TCounterDraft> {
  return ZCounterDraftSchema.transform((d, ctx): z.input<typeof ZCounterUpsertSchema> => {
    const nodeId = d.nodeId ? nodeIdOf(d.nodeId) : undefined;
    const ok = noneMissing(ctx, {
      code: d.code,
      name: d.name,
      operatorName: d.operatorName,
      nodeId,
      ...(d.place === "area" ? { areaCode: d.areaCode || d.townshipCode } : {}),
      ...(d.place === "city" ? { city: d.city } : {}),
    });
    if (!ok || !nodeId) return z.NEVER;
    return {
      code: d.code.trim(),
      name: d.name.trim(),
      venueType: d.venueType,
      operatorName: d.operatorName.trim(),
      address: optionalText(d.address),
      // A township alone is a place too (a counter in the township's market).
      areaCode: d.place === "area" ? d.areaCode || d.townshipCode : null,
      city: d.place === "city" ? d.city.trim() : null,
      nodeId,
      active: d.active,
    };
  })
    .pipe(ZCounterUpsertSchema)
    .transform((input) => ({ countyCode, ...input }));
}
