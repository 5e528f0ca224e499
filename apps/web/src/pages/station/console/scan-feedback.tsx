// The console's result panel: the latest scan ("checking…" at once, then its numbered result, the shelf slot very large,
// the action AUTO applied and any warning) or a notice, and the full-screen flash on errors.
import type { i18n as TI18n } from "i18next";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useT, type TT } from "../../../i18n/use-t.ts";
import { colourFor, colourForEntry, isAction, type TOutcome, type TScanEntry } from "./scan-model.ts";
import { scanText } from "./scan-text.ts";
import type { TFeedback } from "./use-scan-lane.ts";

interface TShown {
  outcome: TOutcome;
  title: string;
  detail: string;
  code: string;
  seq: number;
  slot: string | null;
  applied: string | null;
  warning: string | null;
  colour: ReturnType<typeof colourForEntry>;
}

/** What the panel shows for the feedback chosen (null: "ready"). */
function describeFeedback(feedback: TFeedback, entries: readonly TScanEntry[], t: TT<"scan">, i18n: TI18n): TShown | null {
  if (!feedback) return null;
  if (feedback.kind === "notice")
    return {
      outcome: feedback.outcome,
      title: t("outcomes.ERROR"),
      detail: feedback.message,
      code: "",
      seq: 0,
      slot: null,
      applied: null,
      warning: null,
      colour: colourFor(feedback.outcome),
    };
  const e = entries.find((x) => x.clientScanId === feedback.id);
  if (!e) return null;
  const slot = e.outcome === "OK" && e.shelfSlot ? e.shelfSlot : null;
  const detail =
    e.outcome === "SENDING"
      ? ""
      : slot
        ? t("shelfSlot", { slot })
        : e.outcome === "OK" && e.nextHop
          ? t("nextHop", { name: e.nextHop })
          : scanText(i18n, e);
  return {
    outcome: e.outcome,
    title: e.outcome === "SENDING" ? t("checking") : e.outcome === "OK" && e.warning ? t("okWithWarning") : t(`outcomes.${e.outcome}`),
    detail,
    code: e.waybillNo ?? e.code,
    seq: e.seq ?? 0,
    slot,
    applied: e.inferred && isAction(e.action) ? t("inferredAs", { action: t(`modes.${e.action}`) }) : null,
    warning:
      e.outcome === "OK" && e.warning
        ? scanText(i18n, { reason: e.warning.code, params: e.warning.params, message: e.warning.message })
        : null,
    colour: colourForEntry(e),
  };
}

export function ScanFeedback({ feedback, entries }: { feedback: TFeedback; entries: readonly TScanEntry[] }) {
  const { i18n } = useTranslation();
  const t = useT("scan");
  const shown = useMemo(() => describeFeedback(feedback, entries, t, i18n), [entries, feedback, t, i18n]);
  return (
    <div
      // A new key per scan replays the flash, so two identical results one after the other are seen as two.
      key={shown ? `scan-${shown.seq}` : "idle"}
      className={`scan-feedback scan-${shown ? shown.colour : "idle"}${shown && shown.seq ? " scan-fresh" : ""}`}
      data-testid="scan-feedback"
      data-outcome={shown?.outcome ?? ""}
      data-seq={shown?.seq ?? 0}
      role="status"
      aria-live="assertive"
    >
      {shown ? (
        <>
          <div className="scan-feedback-title">
            {shown.seq > 0 && (
              <span className="scan-feedback-seq" data-testid="scan-feedback-seq">
                {t("scanNo", { n: shown.seq })}
              </span>
            )}
            {shown.title}
            {shown.code && <span className="scan-feedback-code mono">{shown.code}</span>}
          </div>
          {shown.applied && (
            <div className="scan-feedback-applied" data-testid="scan-feedback-applied">
              {shown.applied}
            </div>
          )}
          {shown.warning && (
            <div className="scan-feedback-warning" data-testid="scan-feedback-warning" role="alert">
              {shown.warning}
            </div>
          )}
          {shown.slot ? (
            <div className="scan-slot" data-testid="scan-slot">
              <span className="scan-slot-label">{t("slotLabel")}</span>
              <span className="scan-slot-value mono">{shown.slot}</span>
            </div>
          ) : (
            <div className="scan-feedback-detail" data-testid="scan-feedback-detail">
              {shown.detail}
            </div>
          )}
        </>
      ) : (
        <div className="scan-feedback-title">{t("ready")}</div>
      )}
    </div>
  );
}

/** The full-screen flash of an error, keyed by the error count so each error flashes anew. */
export function ErrorFlash({ flash, onEnd }: { flash: number; onEnd: () => void }) {
  if (flash === 0) return null;
  return <div key={flash} className="scan-flash" data-testid="scan-flash" aria-hidden="true" onAnimationEnd={onEnd} />;
}
