// Create or edit a lane: ends, mode, timetable, and for a milk run the villages it stops at.
import { useMutation } from "@tanstack/react-query";
import { LANE_MODES, WEEKDAYS, splitDepartures } from "@xiangda/domain";
import { useMemo, useState } from "react";
import { useFormContext } from "react-hook-form";
import { z } from "zod";
import {
  Check,
  CheckField,
  ENUMS,
  EnumSelect,
  FieldSlot,
  NumberField,
  TextField,
  requiredWholeNumber,
  useFieldError,
  useZodForm,
} from "../../../components/form/index.ts";
import { type TLane, type TLaneInput, type TNode, type TTree } from "../../../lib/network-api.ts";
import { useTRPC } from "../../../lib/trpc.ts";
import { buildAreaIndex } from "./network-data.ts";
import { normaliseWeekdays } from "./network-format.ts";
import { NodeSelect } from "./node-select.tsx";
import { useT } from "../../../i18n/use-t.ts";
import { TownshipOptions } from "./network-bits.tsx";
import { EditForm, withFixed } from "../../../components/edit-form.tsx";

const ZLaneDraftSchema = z
  .object({
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
  })
  .transform((d): Omit<TLaneInput, "countyCode"> => ({
    ...d,
    code: d.code.trim(),
    directReason: d.mode === "DIRECT" ? d.directReason.trim() || null : null,
    departures: splitDepartures(d.departures),
    weekdays: normaliseWeekdays(d.weekdays),
    stopAreaCodes: d.mode === "MILK_RUN" ? d.stopAreaCodes : [],
  }));
type TDraft = z.input<typeof ZLaneDraftSchema>;

const FORM_FIELDS = [
  "code",
  "fromCode",
  "toCode",
  "mode",
  "directReason",
  "departures",
  "weekdays",
  "cutoffMinutes",
  "transitMinutes",
  "cold",
  "stopAreaCodes",
] as const;

function draftOf(lane: TLane | null): TDraft {
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

interface Props {
  countyCode: string;
  lane: TLane | null;
  nodes: readonly TNode[];
  tree: TTree;
  onSaved: (lane: TLane) => void;
}

export function LaneForm({ countyCode, lane, nodes, tree, onSaved }: Props) {
  const t = useT("network");
  const trpc = useTRPC();
  const save = useMutation(trpc.network.lanes.upsert.mutationOptions({ onSuccess: onSaved }));
  const kit = useZodForm({
    schema: ZLaneDraftSchema,
    defaultValues: draftOf(lane),
    fields: FORM_FIELDS,
    mutation: withFixed(save, { countyCode }),
  });
  const mode = kit.form.watch("mode");
  const nodeSelect = (p: { id: string; value: string; onChange: (v: string) => void }) => (
    <NodeSelect id={p.id} value={p.value} nodes={nodes} onChange={p.onChange} testId={p.id} />
  );

  return (
    <EditForm kit={kit} prefix="lane" createLabel={lane ? undefined : t("lanes.create")}>
      <div className="form-grid">
        <TextField name="code" label={t("lanes.field.code")} mono readOnly={lane !== null} placeholder="GZ-L01" />
        <EnumSelect name="mode" label={t("lanes.field.mode")} options={ENUMS.laneMode} />
        <FieldSlot name="fromCode" label={t("lanes.field.fromCode")}>
          {nodeSelect}
        </FieldSlot>
        <FieldSlot name="toCode" label={t("lanes.field.toCode")}>
          {nodeSelect}
        </FieldSlot>
        {mode === "DIRECT" ? <TextField name="directReason" label={t("lanes.field.directReason")} hint={t("lanes.directHint")} /> : null}
        <TextField name="departures" label={t("lanes.field.departures")} mono placeholder="08:00;14:30" hint={t("lanes.departuresHint")} />
        <NumberField name="cutoffMinutes" label={t("lanes.field.cutoffMinutes")} />
        <NumberField name="transitMinutes" label={t("lanes.field.transitMinutes")} />
      </div>
      <Weekdays />
      <div className="check-group check-group-plain">
        <CheckField name="cold" label={t("lanes.field.cold")} />
        <GroupError name="cold" />
      </div>
      {mode === "MILK_RUN" ? <MilkRunStops lane={lane} nodes={nodes} tree={tree} /> : null}
    </EditForm>
  );
}

function GroupError({ name, testId }: { name: string; testId?: string }) {
  const error = useFieldError(name);
  return error ? (
    <p className="field-error" data-testid={testId}>
      {error}
    </p>
  ) : null;
}

function Weekdays() {
  const t = useT("network");
  const { watch, setValue } = useFormContext<TDraft>();
  const days = watch("weekdays");
  const labels = t("lanes.weekdayShort").split(",");
  const toggle = (day: number, on: boolean) => setValue("weekdays", normaliseWeekdays(on ? [...days, day] : days.filter((d) => d !== day)));
  return (
    <fieldset className={`check-group${useFieldError("weekdays") ? " field-invalid" : ""}`}>
      <legend>{t("lanes.field.weekdays")}</legend>
      {WEEKDAYS.map((day) => (
        <Check
          key={day}
          id={`lane-weekday-${day}`}
          label={labels[day - 1] ?? String(day)}
          checked={days.includes(day)}
          onChange={(on) => toggle(day, on)}
          testId={`lane-weekday-${day}`}
        />
      ))}
      <GroupError name="weekdays" testId="lane-weekdays-error" />
    </fieldset>
  );
}

/** A milk run's stops: chips of the chosen villages, and the villages of one township to tick. */
function MilkRunStops({ lane, nodes, tree }: { lane: TLane | null; nodes: readonly TNode[]; tree: TTree }) {
  const t = useT("network");
  const tc = useT("common");
  const { watch, setValue } = useFormContext<TDraft>();
  const areas = useMemo(() => buildAreaIndex(tree), [tree]);
  const stops = watch("stopAreaCodes");
  const fromNode = nodes.find((n) => n.code === watch("fromCode"));
  const fromTownship = fromNode ? areas.get(fromNode.areaCode)?.townshipCode : undefined;
  const [stopTownship, setStopTownship] = useState(() => {
    const first = lane?.stopAreaCodes[0];
    return (first ? areas.get(first)?.townshipCode : undefined) ?? "";
  });
  // Until one is picked, offer the villages of the township the run starts from.
  const shownTownshipCode = stopTownship || fromTownship || "";
  const shownTownship = tree.townships.find((tw) => tw.code === shownTownshipCode);
  const toggle = (code: string, on: boolean) => setValue("stopAreaCodes", on ? [...stops, code] : stops.filter((c) => c !== code));
  return (
    <fieldset className={`check-group stops${useFieldError("stopAreaCodes") ? " field-invalid" : ""}`} data-testid="lane-stops">
      <legend>{t("lanes.field.stopAreaCodes")}</legend>
      <p className="field-hint">{t("lanes.stopsHint")}</p>
      {stops.length > 0 ? (
        <ul className="chip-list">
          {stops.map((code) => (
            <li key={code} className="chip">
              {areas.get(code)?.name ?? code}
              <button type="button" className="chip-x" aria-label={tc("common.remove")} onClick={() => toggle(code, false)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <label className="inline-field">
        <span>{t("lanes.stopTownship")}</span>
        <select value={shownTownshipCode} onChange={(e) => setStopTownship(e.target.value)} data-testid="lane-stop-township">
          <TownshipOptions townships={tree.townships} />
        </select>
      </label>
      {shownTownship ? (
        <div className="stop-list">
          {shownTownship.villages.map((v) => (
            <Check
              key={v.code}
              id={`lane-stop-${v.code}`}
              label={
                <>
                  {v.name}
                  {v.point ? <span className="muted small"> · {t("lanes.hasPoint")}</span> : null}
                </>
              }
              checked={stops.includes(v.code)}
              onChange={(on) => toggle(v.code, on)}
              testId="lane-stop"
            />
          ))}
        </div>
      ) : null}
      <GroupError name="stopAreaCodes" />
    </fieldset>
  );
}
