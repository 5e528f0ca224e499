// The console's top line: its title, and how many scans wait in the offline queue (offline, syncing).
import { useT } from "../../../i18n/use-t.ts";

export function ScanTopline({ pending, online, syncing }: { pending: number; online: boolean; syncing: boolean }) {
  const t = useT("scan");
  return (
    <div className="scan-topline">
      <h2 className="card-title">{t("title")}</h2>
      <span className={`scan-pending${pending > 0 ? " has-pending" : ""}`} title={t("pendingHint")}>
        {!online && <span className="scan-offline">{t("offline")}</span>}
        {t("pending")}: <strong data-testid="scan-pending">{pending}</strong>
        {syncing && <span className="muted small"> {t("syncing")}</span>}
      </span>
    </div>
  );
}
