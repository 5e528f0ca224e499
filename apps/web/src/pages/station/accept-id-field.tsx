// The sender's resident ID (实名收寄), checked as typed: the line under it counts digits, then gives the verdict. A
// "required" from submit shows while it is empty; the server's verdict on an ID the desk took for valid, once valid.
import { useEffect, useState } from "react";
import { useController, useFormContext, useFormState } from "react-hook-form";
import { useT, type TT } from "../../i18n/use-t.ts";
import { checkResidentId, type TIdCheck } from "../county/shipments/shipment-format.ts";
import type { TDraft } from "./accept-draft.ts";

function idStatusText(check: TIdCheck, t: TT<"station">): string {
  switch (check.state) {
    case "empty":
      return "";
    case "typing":
      return t("accept.idTyping", { count: check.length });
    case "ok":
      return t("accept.idOk", { date: check.birthDate });
    case "FORMAT":
      return t("accept.idFormat", { count: check.length });
    case "CHECK_DIGIT":
      return t("accept.idCheckDigit", { got: check.got });
    case "BIRTH_DATE":
      return t("accept.idBirthDate", { date: check.birth });
  }
}

export function AcceptIdField() {
  const t = useT("station");
  const { control } = useFormContext<TDraft>();
  const { field, fieldState } = useController({ control, name: "senderIdNumber" });
  const { submitCount } = useFormState({ control });
  // While digits are still coming in, the count is a hint; once the field is left with some typed (or the form is
  // sent) it is a verdict.
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (submitCount > 0) setTouched(true);
  }, [submitCount]);
  const check = checkResidentId(field.value, new Date());
  const error = fieldState.error;
  const said = check.state === "empty" ? error?.message : check.state === "ok" && error?.type === "server" ? error.message : undefined;
  const isError = Boolean(said) || ["FORMAT", "CHECK_DIGIT", "BIRTH_DATE"].includes(check.state) || (check.state === "typing" && touched);
  return (
    <div className={`field${isError ? " field-invalid" : ""}`}>
      <label htmlFor="accept-id">{t("accept.senderIdNumber")}</label>
      <input
        id="accept-id"
        ref={field.ref}
        name={field.name}
        className="mono"
        value={field.value}
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="characters"
        aria-invalid={isError}
        aria-describedby="accept-id-status"
        onChange={(e) => {
          setTouched(false);
          field.onChange(e.target.value.toUpperCase());
        }}
        onBlur={() => {
          setTouched(field.value.trim() !== "");
          field.onBlur();
        }}
        data-testid="accept-id"
      />
      <p
        id="accept-id-status"
        className={`id-status ${isError ? "field-error" : check.state === "ok" ? "id-ok" : "muted"}`}
        aria-live="polite"
        data-state={check.state}
        data-testid="accept-id-status"
      >
        {said ?? idStatusText(check, t)}
      </p>
    </div>
  );
}
