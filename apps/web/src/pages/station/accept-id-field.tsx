// The sender's resident ID (实名收寄), checked as typed: the line under it counts digits, then gives the verdict.
import { useT } from "../../i18n/use-t.ts";
import type { TIdCheck } from "../county/shipments/shipment-format.ts";

export interface TAcceptIdFieldProps {
  value: string;
  state: TIdCheck["state"];
  line: string;
  isError: boolean;
  onChange: (value: string) => void;
  onBlur: () => void;
}

export function AcceptIdField({ value, state, line, isError, onChange, onBlur }: TAcceptIdFieldProps) {
  const t = useT("station");
  return (
    <div className={`field${isError ? " field-invalid" : ""}`}>
      <label htmlFor="accept-id">{t("accept.senderIdNumber")}</label>
      <input
        id="accept-id"
        className="mono"
        value={value}
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="characters"
        aria-invalid={isError}
        aria-describedby="accept-id-status"
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        data-testid="accept-id"
      />
      <p
        id="accept-id-status"
        className={`id-status ${isError ? "field-error" : state === "ok" ? "id-ok" : "muted"}`}
        aria-live="polite"
        data-state={state}
        data-testid="accept-id-status"
      >
        {line}
      </p>
    </div>
  );
}
