// Create or edit a lane: ends, mode, timetable, and for a milk run the villages it stops at.
import { useMutation } from "@tanstack/react-query";
import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { splitDepartures } from "@xiangda/domain";
import { FormField } from "../../components/form-field.tsx";
import { fieldError, readApiError } from "../../lib/api-error.ts";
import { type TLane, type TLaneInput, type TLaneMode, type TNode, type TTree } from "../../lib/network-api.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { ErrorSummary } from "./error-summary.tsx";
import { Check } from "./network-bits.tsx";
import { LANE_MODES, WEEKDAYS } from "@xiangda/domain";
import { buildAreaIndex } from "./network-data.ts";
import { normaliseWeekdays, parseWholeNumber } from "./network-format.ts";
import { NodeSelect } from "./node-select.tsx";

interface TDraft {
  code: string;
  fromCode: string;
  toCode: string;
  mode: TLaneMode;
  directReason: string;
  departures: string;
  weekdays: number[];
  cutoffMinutes: string;
  transitMinutes: string;
  cold: boolean;
  stopAreaCodes: string[];
}

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
  const { t } = useTranslation();
  const trpc = useTRPC();
  const areas = useMemo(() => buildAreaIndex(tree), [tree]);
  const [draft, setDraft] = useState<TDraft>(() => draftOf(lane));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const fromNode = nodes.find((n) => n.code === draft.fromCode);
  const fromTownship = fromNode ? areas.get(fromNode.areaCode)?.townshipCode : undefined;
  const [stopTownship, setStopTownship] = useState(() => {
    const first = lane?.stopAreaCodes[0];
    return (first ? areas.get(first)?.townshipCode : undefined) ?? "";
  });
  // Until one is picked, offer the villages of the township the run starts from.
  const shownTownshipCode = stopTownship || fromTownship || "";
  const shownTownship = tree.townships.find((tw) => tw.code === shownTownshipCode);

  const save = useMutation(
    trpc.network.lanes.upsert.mutationOptions({
      onSuccess: (result) => {
        setSaved(true);
        onSaved(result);
      },
    }),
  );
  const serverErrors = save.error ? readApiError(save.error).fieldErrors : {};
  const errorFor = (field: string) => clientErrors[field] ?? fieldError(serverErrors, field);
  const set = <K extends keyof TDraft>(field: K, value: TDraft[K]) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [field]: value }));
  };
  const toggleWeekday = (day: number, on: boolean) =>
    set("weekdays", normaliseWeekdays(on ? [...draft.weekdays, day] : draft.weekdays.filter((d) => d !== day)));
  const toggleStop = (code: string, on: boolean) =>
    set("stopAreaCodes", on ? [...draft.stopAreaCodes, code] : draft.stopAreaCodes.filter((c) => c !== code));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const cutoff = parseWholeNumber(draft.cutoffMinutes);
    const transit = parseWholeNumber(draft.transitMinutes);
    const errors: Record<string, string> = {};
    if (cutoff === null) errors.cutoffMinutes = t("form.required");
    if (cutoff === "invalid") errors.cutoffMinutes = t("form.wholeNumber");
    if (transit === null) errors.transitMinutes = t("form.required");
    if (transit === "invalid") errors.transitMinutes = t("form.wholeNumber");
    setClientErrors(errors);
    if (typeof cutoff !== "number" || typeof transit !== "number") return;
    const input: TLaneInput = {
      countyCode,
      code: draft.code.trim(),
      fromCode: draft.fromCode,
      toCode: draft.toCode,
      mode: draft.mode,
      directReason: draft.mode === "DIRECT" ? draft.directReason.trim() || null : null,
      departures: splitDepartures(draft.departures),
      weekdays: normaliseWeekdays(draft.weekdays),
      cutoffMinutes: cutoff,
      transitMinutes: transit,
      cold: draft.cold,
      stopAreaCodes: draft.mode === "MILK_RUN" ? draft.stopAreaCodes : [],
    };
    save.mutate(input);
  }

  const weekdayLabels = t("lanes.weekdayShort").split(",");

  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="lane-form">
      <ErrorSummary error={save.error} fields={FORM_FIELDS} testId="lane-form-error" />
      {saved ? (
        <div className="alert alert-success" role="status" data-testid="lane-form-ok">
          {t("common.saved")}
        </div>
      ) : null}
      <div className="form-grid">
        <FormField id="lane-code" label={t("lanes.field.code")} error={errorFor("code")}>
          <input
            id="lane-code"
            className="mono"
            value={draft.code}
            readOnly={lane !== null}
            placeholder="GZ-L01"
            onChange={(e) => set("code", e.target.value)}
            data-testid="lane-code"
          />
        </FormField>
        <FormField id="lane-mode" label={t("lanes.field.mode")} error={errorFor("mode")}>
          <select id="lane-mode" value={draft.mode} onChange={(e) => set("mode", e.target.value as TLaneMode)} data-testid="lane-mode">
            {LANE_MODES.map((m) => (
              <option key={m} value={m}>
                {t(`laneModes.${m}`)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id="lane-fromCode" label={t("lanes.field.fromCode")} error={errorFor("fromCode")}>
          <NodeSelect id="lane-fromCode" value={draft.fromCode} nodes={nodes} onChange={(v) => set("fromCode", v)} testId="lane-fromCode" />
        </FormField>
        <FormField id="lane-toCode" label={t("lanes.field.toCode")} error={errorFor("toCode")}>
          <NodeSelect id="lane-toCode" value={draft.toCode} nodes={nodes} onChange={(v) => set("toCode", v)} testId="lane-toCode" />
        </FormField>
        {draft.mode === "DIRECT" ? (
          <FormField id="lane-directReason" label={t("lanes.field.directReason")} error={errorFor("directReason")}>
            <input
              id="lane-directReason"
              value={draft.directReason}
              onChange={(e) => set("directReason", e.target.value)}
              data-testid="lane-directReason"
            />
            <p className="field-hint">{t("lanes.directHint")}</p>
          </FormField>
        ) : null}
        <FormField id="lane-departures" label={t("lanes.field.departures")} error={errorFor("departures")}>
          <input
            id="lane-departures"
            className="mono"
            value={draft.departures}
            placeholder="08:00;14:30"
            onChange={(e) => set("departures", e.target.value)}
            data-testid="lane-departures"
          />
          <p className="field-hint">{t("lanes.departuresHint")}</p>
        </FormField>
        <FormField id="lane-cutoffMinutes" label={t("lanes.field.cutoffMinutes")} error={errorFor("cutoffMinutes")}>
          <input
            id="lane-cutoffMinutes"
            inputMode="numeric"
            value={draft.cutoffMinutes}
            onChange={(e) => set("cutoffMinutes", e.target.value)}
            data-testid="lane-cutoffMinutes"
          />
        </FormField>
        <FormField id="lane-transitMinutes" label={t("lanes.field.transitMinutes")} error={errorFor("transitMinutes")}>
          <input
            id="lane-transitMinutes"
            inputMode="numeric"
            value={draft.transitMinutes}
            onChange={(e) => set("transitMinutes", e.target.value)}
            data-testid="lane-transitMinutes"
          />
        </FormField>
      </div>
      <fieldset className={`check-group${errorFor("weekdays") ? " field-invalid" : ""}`}>
        <legend>{t("lanes.field.weekdays")}</legend>
        {WEEKDAYS.map((day) => (
          <Check
            key={day}
            id={`lane-weekday-${day}`}
            label={weekdayLabels[day - 1] ?? String(day)}
            checked={draft.weekdays.includes(day)}
            onChange={(on) => toggleWeekday(day, on)}
            testId={`lane-weekday-${day}`}
          />
        ))}
        {errorFor("weekdays") ? (
          <p className="field-error" data-testid="lane-weekdays-error">
            {errorFor("weekdays")}
          </p>
        ) : null}
      </fieldset>
      <div className="check-group check-group-plain">
        <Check id="lane-cold" label={t("lanes.field.cold")} checked={draft.cold} onChange={(v) => set("cold", v)} testId="lane-cold" />
        {errorFor("cold") ? <p className="field-error">{errorFor("cold")}</p> : null}
      </div>
      {draft.mode === "MILK_RUN" ? (
        <fieldset className={`check-group stops${errorFor("stopAreaCodes") ? " field-invalid" : ""}`} data-testid="lane-stops">
          <legend>{t("lanes.field.stopAreaCodes")}</legend>
          <p className="field-hint">{t("lanes.stopsHint")}</p>
          {draft.stopAreaCodes.length > 0 ? (
            <ul className="chip-list">
              {draft.stopAreaCodes.map((code) => (
                <li key={code} className="chip">
                  {areas.get(code)?.name ?? code}
                  <button type="button" className="chip-x" aria-label={t("common.remove")} onClick={() => toggleStop(code, false)}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <label className="inline-field">
            <span>{t("lanes.stopTownship")}</span>
            <select value={shownTownshipCode} onChange={(e) => setStopTownship(e.target.value)} data-testid="lane-stop-township">
              <option value="">{t("form.choose")}</option>
              {tree.townships.map((tw) => (
                <option key={tw.code} value={tw.code}>
                  {tw.name}
                </option>
              ))}
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
                  checked={draft.stopAreaCodes.includes(v.code)}
                  onChange={(on) => toggleStop(v.code, on)}
                  testId="lane-stop"
                />
              ))}
            </div>
          ) : null}
          {errorFor("stopAreaCodes") ? <p className="field-error">{errorFor("stopAreaCodes")}</p> : null}
        </fieldset>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={save.isPending} data-testid="lane-submit">
          {save.isPending ? t("common.saving") : lane ? t("common.save") : t("lanes.create")}
        </button>
      </div>
    </form>
  );
}
