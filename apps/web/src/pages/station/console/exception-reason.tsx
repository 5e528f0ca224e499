// EXCEPTION mode's reason: one of the usual ones, or "other" with a typed text.
import { useT } from "../../../i18n/use-t.ts";
import { ScanExtra } from "./scan-extra.tsx";
import { REASON_KEYS } from "./scan-model.ts";

export interface TExceptionReasonProps {
  reasonKey: string;
  reasonText: string;
  onKey: (key: string) => void;
  onText: (text: string) => void;
  refocus: (force?: boolean) => void;
}

export function ExceptionReason({ reasonKey, reasonText, onKey, onText, refocus }: TExceptionReasonProps) {
  const t = useT("scan");
  return (
    <ScanExtra id="scan-reason" label={t("reasonLabel")}>
      <select
        id="scan-reason"
        className="scan-extra-input"
        value={reasonKey}
        data-testid="scan-reason"
        onChange={(e) => {
          onKey(e.target.value);
          if (e.target.value !== "other") refocus(true);
        }}
      >
        <option value="">—</option>
        {REASON_KEYS.map((k) => (
          <option key={k} value={k}>
            {t(`reasons.${k}`)}
          </option>
        ))}
        <option value="other">{t("reasonOther")}</option>
      </select>
      {reasonKey === "other" && (
        <input
          className="scan-extra-input"
          value={reasonText}
          maxLength={200}
          placeholder={t("reasonPlaceholder")}
          data-testid="scan-reason-text"
          onChange={(e) => onText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") refocus(true);
          }}
        />
      )}
    </ScanExtra>
  );
}
