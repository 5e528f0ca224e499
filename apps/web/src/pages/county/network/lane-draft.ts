// A lane's draft: what the lane form's fields hold, checked and turned into the input the server takes.
import { LANE_MODES, splitDepartures } from "@xiangda/domain";
import { z } from "zod";
import { requiredWholeNumber } from "../../../components/form/index.ts";
import type { TLane, TLaneInput } from "../../../lib/network-api.ts";
import { normaliseWeekdays } from "./network-format.ts";

const ZLaneDraftFields = z.object({
  code: z.string(),
  fromCode: z.string(),
  toCode: z.string(),
  mode: z.enum(LANE_MODES),
  directReason: z.string(),
  departures: z.string(),
  weekdays: z.array(z.number()),
  cutoffMinutes: requiredWholeNumber(),
  transitMinutes: requiredWholeNumber(),
  cold: z.boolean(),
  stopAreaCodes: z.array(z.string()),
});

export const ZLaneDraftSchema = ZLaneDraftFields.transform((d): Omit<TLaneInput, "countyCode"> => ({
  ...d,
  code: d.code.trim(),
  directReason: d.mode === "DIRECT" ? d.directReason.trim() || null : null,
  departures: splitDepartures(d.departures),
  weekdays: normaliseWeekdays(d.weekdays),
  stopAreaCodes: d.mode === "MILK_RUN" ? d.stopAreaCodes : [],
}));
export type TLaneDraft = z.input<typeof ZLaneDraftSchema>;

/** Every field of the draft is shown under its own field. */
export const LANE_FORM_FIELDS = ZLaneDraftFields.keyof().options;

export function laneDraftOf(lane: TLane | null): TLaneDraft {
  return {
    code: lane?.code ?? "",
    fromCode: lane?.fromCode ?? "",
    toCode: lane?.toCode ?? "",
    mode: lane?.mode ?? "TRUNK",
    directReason: lane?.directReason ?? "",
    departures: lane?.departures.join(";") ?? "",
    weekdays: lane ? [...lane.weekdays] : [1, 2, 3, 4, 5, 6, 7],
    cutoffMinutes: lane ? String(lane.cutoffMinutes) : "30",
    transitMinutes: lane ? String(lane.transitMinutes) : "",
    cold: lane?.cold ?? false,
    stopAreaCodes: lane ? [...lane.stopAreaCodes] : [],
  };
}
