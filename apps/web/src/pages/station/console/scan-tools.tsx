// The console's tools under the result panel: camera scanning, the spoken shelf slot, and labels for the last OK scans.
import { Suspense, useState } from "react";
import { useT } from "../../../i18n/use-t.ts";
import { preloadable } from "../../../lib/preloadable.ts";
import { printLabels as printLabelsPdf } from "../../../lib/print-labels.ts";
import { lastOkWaybills, type TScanEntry } from "./scan-model.ts";
import { speechAvailable } from "./scan-speech.ts";

const CameraScanner = preloadable(() => import("./camera-scanner.tsx").then((m) => m.default));

const PRINT_CHOICES = [1, 5, 10, 20, 50] as const;

export interface TScanToolsProps {
  /** Today's list, newest first: the labels are printed for its last OK scans. */
  entries: readonly TScanEntry[];
  speakOn: boolean;
  onSpeak: (on: boolean) => void;
  onCode: (code: string) => void;
  notice: (message: string) => void;
  refocus: (force?: boolean) => void;
}

export function ScanTools({ entries, speakOn, onSpeak, onCode, notice, refocus }: TScanToolsProps) {
  const t = useT("scan");
  const [cameraOpen, setCameraOpen] = useState(false);
  const [printN, setPrintN] = useState<number>(10);

  const printWaybills = lastOkWaybills(entries, printN);
  const printLabels = () => {
    if (printWaybills.length === 0) return notice(t("printNone"));
    // Entries loaded from the server may carry the carrier's number: /labels/check resolves both, refused ones are said here.
    printLabelsPdf(printWaybills, "100x150")
      .then((r) => {
        if (r.refused.length) notice(t("printRefused", { count: r.refused.length, numbers: r.refused.join(", ") }));
      })
      .catch(() => notice(t("printFailed")));
    refocus(true);
  };

  return (
    <>
      <div className="scan-tools">
        <button type="button" className="btn" data-testid="scan-camera-open" onClick={() => setCameraOpen((o) => !o)}>
          {cameraOpen ? t("cameraClose") : t("camera")}
        </button>
        {speechAvailable() && (
          <label className="scan-speak">
            <input
              type="checkbox"
              checked={speakOn}
              data-testid="scan-speak"
              onChange={(e) => {
                onSpeak(e.target.checked);
                refocus(true);
              }}
            />{" "}
            {t("speak")}
          </label>
        )}
        <span className="scan-print">
          <button type="button" className="btn" data-testid="scan-print" onClick={printLabels} disabled={printWaybills.length === 0}>
            {t("printLabels")}
          </button>
          <select
            aria-label={t("printLabels")}
            value={printN}
            data-testid="scan-print-count"
            onChange={(e) => {
              setPrintN(Number(e.target.value));
              refocus(true);
            }}
          >
            {PRINT_CHOICES.map((n) => (
              <option key={n} value={n}>
                {t("printCount", { count: n })}
              </option>
            ))}
          </select>
        </span>
      </div>
      {cameraOpen && (
        <Suspense fallback={<p className="muted">{t("cameraLoading")}</p>}>
          <CameraScanner
            onCode={onCode}
            onClose={() => {
              setCameraOpen(false);
              refocus(true);
            }}
          />
        </Suspense>
      )}
    </>
  );
}
