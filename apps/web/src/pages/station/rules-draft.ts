// The three rules' part of both acceptance desks' drafts (收寄验视 checklist, the inspection, its notes; 过机安检 and
// its machine): the draft fields, their checks, and where the server's paths of them show.
import { PROHIBITED_ITEMS, ZInspectionSchema, type TProhibitedItem } from "@xiangda/domain";
import { z } from "zod";
import { issueKey } from "../../components/form/index.ts";

export const noneChecked = () => Object.fromEntries(PROHIBITED_ITEMS.map((item) => [item, false])) as Record<TProhibitedItem, boolean>;

/** Every item recorded as checked and absent (the form refuses to send until each is ticked). */
export const allAbsent = () => Object.fromEntries(PROHIBITED_ITEMS.map((item) => [item, true])) as Record<TProhibitedItem, true>;

export interface TRulesDraft {
  prohibited: Record<TProhibitedItem, boolean>;
  inspected: boolean;
  notes: string;
  screened: boolean;
  device: string;
}

/** A fresh checklist; the screening choice and machine carry over, since the same desk uses the same machine all day. */
export const emptyRules = (keep: Pick<TRulesDraft, "screened" | "device">): TRulesDraft => ({
  prohibited: noneChecked(),
  inspected: false,
  notes: "",
  ...keep,
});

/** Trimmed text; empty is left out. */
export const optionalTrimmed = () => z.string().transform((s) => s.trim() || undefined);

/** The checks of the rules' fields: each item ticked, the inspection confirmed, notes within the server's limit. */
export const ZRulesDraftShape = {
  prohibited: z
    .record(z.enum(PROHIBITED_ITEMS), z.boolean())
    .refine((ticked) => PROHIBITED_ITEMS.every((item) => ticked[item]), issueKey("station", "accept.mustCheck")),
  inspected: z.boolean().refine((v) => v, issueKey("station", "accept.mustInspect")),
  notes: optionalTrimmed().pipe(ZInspectionSchema.shape.notes),
  screened: z.boolean(),
  device: optionalTrimmed(),
};

/** The inspection as sent: every item checked and absent (the draft's check holds), with the notes. */
export const inspectionOf = (notes: string | undefined) => ({ inspected: true as const, prohibitedAbsent: allAbsent(), notes });

/** The server's paths of the rules, under the draft fields that show them. */
export const RULES_PLACE_AT = {
  "inspection.prohibitedAbsent": "prohibited",
  "inspection.inspected": "inspected",
  "inspection.notes": "notes",
  "screening.device": "device",
} as const;
