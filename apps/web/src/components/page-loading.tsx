// Shown while a page's code chunk loads (once per page; the browser keeps it).
import { useTranslation } from "react-i18next";

export function PageLoading() {
  const { t } = useTranslation();
  return (
    <p className="card muted page-loading" role="status" data-testid="page-loading">
      <span className="spinner" aria-hidden="true" /> {t("app.loading")}
    </p>
  );
}
