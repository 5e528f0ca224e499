// The console's top line: its title, and how many scans wait in the offline queue (offline, syncing).
import { useTranslation } from "react-i18next";

export function ScanTopline({ pending, online, syncing }: { pending: number; online: boolean; syncing: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="scan-topline">
      <h2 className="card-title">{t("scan.title")}</h2>
      <span className={`scan-pending${pending > 0 ? " has-pending" : ""}`} title={t("scan.pendingHint")}>
        {!online && <span className="scan-offline">{t("scan.offline")}</span>}
        {t("scan.pending")}: <strong data-testid="scan-pending">{pending}</strong>
        {syncing && <span className="muted small"> {t("scan.syncing")}</span>}
      </span>
    </div>
  );
}
