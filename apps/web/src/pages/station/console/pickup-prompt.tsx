// The pickup check under the scan input: the parcel's pickup code (6 digits) or the recipient's phone's last 4.
import type { KeyboardEvent, RefObject } from "react";
import { useT } from "../../../i18n/use-t.ts";

export interface TPickupPromptProps {
  code: string;
  error: string | null;
  inputRef: RefObject<HTMLInputElement | null>;
  onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => void;
  onCancel: () => void;
}

export function PickupPrompt({ code, error, inputRef, onKeyDown, onCancel }: TPickupPromptProps) {
  const t = useT("scan");
  return (
    <div className="scan-extra scan-pickup">
      <label className="scan-extra-label" htmlFor="scan-pickup">
        {t("pickupPrompt", { code })}
      </label>
      <div className="scan-extra-row">
        <input
          id="scan-pickup"
          ref={inputRef}
          className="scan-extra-input mono"
          inputMode="numeric"
          autoComplete="off"
          maxLength={6}
          placeholder={t("pickupPlaceholder")}
          data-testid="scan-pickup-code"
          onKeyDown={onKeyDown}
        />
        <button type="button" className="btn" onClick={onCancel}>
          {t("pickupCancel")}
        </button>
      </div>
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}
