// The console's mode buttons (AUTO and the seven actions), each with its shortcut key.
import { useT } from "../../../i18n/use-t.ts";
import { CONSOLE_MODES, keyLabel, type TMode } from "./scan-model.ts";

export function ScanModeButtons({ mode, onMode }: { mode: TMode; onMode: (m: TMode) => void }) {
  const t = useT("scan");
  return (
    <div className="scan-modes" role="group" aria-label={t("modeLabel")}>
      {CONSOLE_MODES.map((m, i) => (
        <button
          key={m}
          type="button"
          className={`scan-mode${m === mode ? " active" : ""}`}
          aria-pressed={m === mode}
          data-testid={`scan-mode-${m}`}
          // A pointer press must not pull focus off the scan input (the next wedge scan would be lost to the button).
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onMode(m)}
        >
          <span className="scan-mode-name">{t(`modes.${m}`)}</span>
          <kbd className="scan-mode-key" title={`Alt+${i}`}>
            {keyLabel(m)}
          </kbd>
        </button>
      ))}
    </div>
  );
}
