// The counter of a new listing: one of the merchant's counters, or "another" with its id typed (handed out by the
// county); the counter's error (the form's or the server's) shows under the box in use.
import { useController, useFormContext } from "react-hook-form";
import { FormField } from "../../components/form-field.tsx";
import { useFieldError } from "../../components/form/index.ts";
import { OTHER_COUNTER, type TListingDraft } from "../../components/counters/listing-drafts.ts";
import { enumKey } from "../../components/counters/counter-keys.ts";
import type { TCounterChoice } from "./merchant-counters.tsx";
import { useT } from "../../i18n/use-t.ts";

/** The counter: one of the list, or "another" with its id typed; the counter's error shows under the box in use. */
export function CounterPicker({ counters }: { counters: readonly TCounterChoice[] }) {
  const t = useT("common");
  const tp = useT("merchant");
  const tc = useT("counters");
  const { control } = useFormContext<TListingDraft>();
  const pick = useController({ name: "counterId", control });
  const typedText = useController({ name: "counterIdText", control });
  const textError = useFieldError("counterIdText");
  const counterError = pick.fieldState.error?.message;
  const typed = pick.field.value === OTHER_COUNTER;
  return (
    <>
      <FormField id="listing-counter" label={tp("listings.counter")} error={typed ? undefined : counterError}>
        <select
          id="listing-counter"
          value={pick.field.value}
          onChange={(e) => pick.field.onChange(e.target.value)}
          data-testid="listing-counter"
        >
          <option value="">{t("form.choose")}</option>
          {counters.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}（{tc(enumKey("venueTypes", c.venueType))}）
            </option>
          ))}
          <option value={OTHER_COUNTER}>{tp("listings.counterOther")}</option>
        </select>
      </FormField>
      {typed ? (
        <FormField id="listing-counter-id" label={tp("listings.counterId")} error={textError ?? counterError}>
          <input
            id="listing-counter-id"
            className="mono"
            value={typedText.field.value}
            placeholder="xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"
            onChange={(e) => typedText.field.onChange(e.target.value)}
            data-testid="listing-counter-id"
          />
          <p className="field-hint">{tp("listings.counterIdHint")}</p>
        </FormField>
      ) : null}
    </>
  );
}
