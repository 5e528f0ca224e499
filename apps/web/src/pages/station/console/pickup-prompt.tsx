// The pickup check under the scan input: the parcel's pickup code (6 digits) or the recipient's phone's last 4.
import type { KeyboardEvent, RefObject } from "react";
import { useTranslation } from "react-i18next";

export interface TPickupPromptProps {
  code: string;
  error: string | null;
  inputRef: RefObject<HTMLInputElement | null>;
  onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => void;
  onCancel: () => void;
}

export function PickupPrompt({ code, error, inputRef, onKeyDown, onCancel }: TPickupPromptProps) {
  const { t } = useTranslation();
  return (
    <div className="scan-extra scan-pickup">
      <label className="scan-extra-label" htmlFor="scan-pickup">
        {t("scan.pickupPrompt", { code })}
      </label>
      <div className="scan-extra-row">
        <input
          id="scan-pickup"
          ref={inputRef}
          className="scan-extra-input mono"
          inputMode="numeric"
          autoComplete="off"
          maxLength={6}
          placeholder={t("scan.pickupPlaceholder")}
          data-testid="scan-pickup-code"
          onKeyDown={onKeyDown}
        />
        <button type="button" className="btn" onClick={onCancel}>
          {t("scan.pickupCancel")}
        </button>
      </div>
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}
