// The acceptance desk's 收寄验视 checklist and 过机安检 choice, shared by the new-parcel and the announced-parcel forms
// and bound to their form (rules-draft.ts). Test ids are `${prefix}-prohibited-<item>`, `${prefix}-inspected`,
// `${prefix}-screened-yes|no`, `${prefix}-notes`, `${prefix}-device`.
import { PROHIBITED_ITEMS } from "@xiangda/domain";
import { useController, useFormContext } from "react-hook-form";
import { Check, TextField, useFormKit } from "../../components/form/index.ts";
import { useT } from "../../i18n/use-t.ts";
import type { TRulesDraft } from "./rules-draft.ts";

function InspectionFields({ prefix }: { prefix: string }) {
  const t = useT("station");
  const { control } = useFormContext<TRulesDraft>();
  const prohibited = useController({ control, name: "prohibited" });
  const inspected = useController({ control, name: "inspected" });
  const ticked = prohibited.field.value;
  const prohibitedError = prohibited.fieldState.error?.message;
  const inspectedError = inspected.fieldState.error?.message;
  return (
    <fieldset className={`check-group prohibited-group${prohibitedError ? " field-invalid" : ""}`} data-testid={`${prefix}-prohibited`}>
      <legend>{t("accept.inspection")}</legend>
      <p className="field-hint">{t("accept.prohibitedLead")}</p>
      <ul className="prohibited-list">
        {PROHIBITED_ITEMS.map((item) => (
          <li key={item} className={prohibitedError && !ticked[item] ? "unchecked" : undefined}>
            <span className="prohibited-name">{t(`prohibited.${item}`)}</span>
            <Check
              id={`${prefix}-prohibited-${item}`}
              label={t("accept.checkedAbsent")}
              checked={ticked[item]}
              onChange={(v) => prohibited.field.onChange({ ...ticked, [item]: v })}
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
          checked={inspected.field.value}
          onChange={inspected.field.onChange}
          testId={`${prefix}-inspected`}
        />
        {inspectedError ? (
          <p className="field-error" data-testid={`${prefix}-inspected-error`}>
            {inspectedError}
          </p>
        ) : null}
      </div>
      <TextField name="notes" label={t("accept.notes")} autoComplete="off" />
    </fieldset>
  );
}

function ScreeningFields({ prefix }: { prefix: string }) {
  const t = useT("station");
  const { control } = useFormContext<TRulesDraft>();
  const { field } = useController({ control, name: "screened" });
  const screened = field.value;
  const choice = (value: boolean, testId: string, label: string) => (
    <label className="check">
      <input
        type="radio"
        name={`${prefix}-screened`}
        checked={screened === value}
        onChange={() => field.onChange(value)}
        data-testid={testId}
      />
      <span>{label}</span>
    </label>
  );
  return (
    <fieldset className="check-group screening-group">
      <legend>{t("accept.screening")}</legend>
      <div className="radio-line" role="radiogroup" aria-label={t("accept.screening")}>
        {choice(true, `${prefix}-screened-yes`, t("accept.screenedYes"))}
        {choice(false, `${prefix}-screened-no`, t("accept.screenedNo"))}
      </div>
      {screened ? <TextField name="device" label={t("accept.device")} mono autoComplete="off" /> : null}
    </fieldset>
  );
}

/** Both blocks of a desk's form (inside its ZodForm, whose prefix they share): the checklist with its notes, then
 *  screening with its machine. */
export function RulesFields() {
  const { prefix } = useFormKit();
  return (
    <>
      <InspectionFields prefix={prefix} />
      <ScreeningFields prefix={prefix} />
    </>
  );
}
