// Today's scans at this node: OK counts per action and the latest 200 scans (this screen's and the server's).
import { useT } from "../../../i18n/use-t.ts";
import { ACTION_MODES, colourForEntry, CONSOLE_MODES, type TMode, type TScanEntry } from "./scan-model.ts";

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });

export function ScanToday({ entries, okCounts }: { entries: readonly TScanEntry[]; okCounts: Record<string, number> }) {
  const t = useT("scan");
  return (
    <section className="card scan-today">
      <h3 className="card-title">{t("todayTitle")}</h3>
      <div className="scan-counts" aria-label={t("countsTitle")}>
        {ACTION_MODES.map((m) => (
          <div key={m} className="scan-count">
            <span className="scan-count-label">{t(`modes.${m}`)}</span>
            <strong data-testid={`scan-count-${m}`}>{okCounts[m] ?? 0}</strong>
          </div>
        ))}
      </div>
      <ol className="scan-list" data-testid="scan-list">
        {entries.length === 0 && <li className="muted">{t("todayEmpty")}</li>}
        {entries.slice(0, 200).map((e) => (
          <li key={e.clientScanId} className={`scan-row scan-${colourForEntry(e)}`} data-outcome={e.outcome}>
            <span className="scan-row-time mono">{time(e.at)}</span>
            <span className="scan-row-mode">
              {(CONSOLE_MODES as readonly string[]).includes(e.action) ? t(`modes.${e.action as TMode}`) : e.action}
            </span>
            <span className="scan-row-code mono">{e.waybillNo ?? e.code}</span>
            <span className="scan-row-result">{t(`outcomes.${e.outcome}`, { defaultValue: e.outcome })}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
