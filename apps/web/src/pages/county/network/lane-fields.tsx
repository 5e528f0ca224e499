// The lane form's grouped fields: the weekdays it runs, a milk run's stops, and the error line under a group.
import { WEEKDAYS } from "@xiangda/domain";
import { useMemo, useState } from "react";
import { useFormContext } from "react-hook-form";
import { Check, useFieldError } from "../../../components/form/index.ts";
import type { TLane, TNode, TTree } from "../../../lib/network-api.ts";
import { useT } from "../../../i18n/use-t.ts";
import type { TLaneDraft } from "./lane-draft.ts";
import { TownshipOptions } from "./network-bits.tsx";
import { buildAreaIndex } from "./network-data.ts";
import { normaliseWeekdays } from "./network-format.ts";

export function GroupError({ name, testId }: { name: string; testId?: string }) {
  const error = useFieldError(name);
  return error ? (
    <p className="field-error" data-testid={testId}>
      {error}
    </p>
  ) : null;
}

export function Weekdays() {
  const t = useT("network");
  const { watch, setValue } = useFormContext<TLaneDraft>();
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
export function MilkRunStops({ lane, nodes, tree }: { lane: TLane | null; nodes: readonly TNode[]; tree: TTree }) {
  const t = useT("network");
  const tc = useT("common");
  const { watch, setValue } = useFormContext<TLaneDraft>();
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
