// The acceptance desk's 收寄验视 checklist and 过机安检 choice, shared by the new-parcel and the announced-parcel forms.
// Test ids are `${prefix}-prohibited-<item>`, `${prefix}-inspected`, `${prefix}-screened-yes|no`.
import type { ReactNode } from "react";
import { useT } from "../../i18n/use-t.ts";
import type { TProhibitedItem } from "../../lib/shipments-api.ts";
import { Check } from "../county/network/network-bits.tsx";
import { PROHIBITED_ITEMS } from "../county/shipments/shipment-format.ts";

export const noneChecked = () => Object.fromEntries(PROHIBITED_ITEMS.map((item) => [item, false])) as Record<TProhibitedItem, boolean>;

/// Every item recorded as checked and absent (the form refuses to send until each is ticked).
export const allAbsent = () => Object.fromEntries(PROHIBITED_ITEMS.map((item) => [item, true])) as Record<TProhibitedItem, true>;

export function InspectionFields(props: {
  prefix: string;
  prohibited: Record<TProhibitedItem, boolean>;
  onProhibited: (next: Record<TProhibitedItem, boolean>) => void;
  inspected: boolean;
  onInspected: (v: boolean) => void;
  prohibitedError?: string | undefined;
  inspectedError?: string | undefined;
  /// The notes field, rendered by the form in its own way.
  notes: ReactNode;
}) {
  const t = useT("station");
  const { prefix, prohibited, prohibitedError, inspectedError } = props;
  return (
    <fieldset className={`check-group prohibited-group${prohibitedError ? " field-invalid" : ""}`} data-testid={`${prefix}-prohibited`}>
      <legend>{t("accept.inspection")}</legend>
      <p className="field-hint">{t("accept.prohibitedLead")}</p>
      <ul className="prohibited-list">
        {PROHIBITED_ITEMS.map((item) => (
          <li key={item} className={prohibitedError && !prohibited[item] ? "unchecked" : undefined}>
            <span className="prohibited-name">{t(`prohibited.${item}`)}</span>
            <Check
              id={`${prefix}-prohibited-${item}`}
              label={t("accept.checkedAbsent")}
              checked={prohibited[item]}
              onChange={(v) => props.onProhibited({ ...prohibited, [item]: v })}
              testId={`${prefix}-prohibited-${item}`}
            />
          </li>
        ))}
      </ul>
      {prohibitedError ? (
        <p className="field-error" data-testid={`${prefix}-prohibited-error`}>
          {prohibitedError}
        </p>
      ) : null}
      <div className={`inspect-confirm${inspectedError ? " field-invalid" : ""}`}>
        <Check
          id={`${prefix}-inspected`}
          label={<strong>{t("accept.inspected")}</strong>}
          checked={props.inspected}
          onChange={props.onInspected}
          testId={`${prefix}-inspected`}
        />
        {inspectedError ? (
          <p className="field-error" data-testid={`${prefix}-inspected-error`}>
            {inspectedError}
          </p>
        ) : null}
      </div>
      {props.notes}
    </fieldset>
  );
}

export function ScreeningFields(props: { prefix: string; screened: boolean; onScreened: (v: boolean) => void; device: ReactNode }) {
  const t = useT("station");
  const { prefix, screened } = props;
  return (
    <fieldset className="check-group screening-group">
      <legend>{t("accept.screening")}</legend>
      <div className="radio-line" role="radiogroup" aria-label={t("accept.screening")}>
        <label className="check">
          <input
            type="radio"
            name={`${prefix}-screened`}
            checked={screened}
            onChange={() => props.onScreened(true)}
            data-testid={`${prefix}-screened-yes`}
          />
          <span>{t("accept.screenedYes")}</span>
        </label>
        <label className="check">
          <input
            type="radio"
            name={`${prefix}-screened`}
            checked={!screened}
            onChange={() => props.onScreened(false)}
            data-testid={`${prefix}-screened-no`}
          />
          <span>{t("accept.screenedNo")}</span>
        </label>
      </div>
      {screened ? props.device : null}
    </fieldset>
  );
}

type TRulesDraft = { prohibited: Record<TProhibitedItem, boolean>; inspected: boolean; screened: boolean };

/** Both blocks bound to a desk's draft: the checklist with its notes, then screening with its device. */
export function RulesFields<D extends TRulesDraft>(props: {
  prefix: string;
  /** The desk's draft, its setter and its errors by the server's field path. */
  desk: { draft: D; set: <K extends keyof D>(field: K, value: D[K]) => void; errorFor: (field: string) => string | undefined };
  notes: ReactNode;
  device: ReactNode;
}) {
  const { prefix } = props;
  const { draft, errorFor } = props.desk;
  // The desk's own setter, on the fields every desk's draft has.
  const set = props.desk.set as <K extends keyof TRulesDraft>(field: K, value: TRulesDraft[K]) => void;
  return (
    <>
      <InspectionFields
        prefix={prefix}
        prohibited={draft.prohibited}
        onProhibited={(v) => set("prohibited", v)}
        inspected={draft.inspected}
        onInspected={(v) => set("inspected", v)}
        prohibitedError={errorFor("inspection.prohibitedAbsent")}
        inspectedError={errorFor("inspection.inspected")}
        notes={props.notes}
      />
      <ScreeningFields prefix={prefix} screened={draft.screened} onScreened={(v) => set("screened", v)} device={props.device} />
    </>
  );
}
