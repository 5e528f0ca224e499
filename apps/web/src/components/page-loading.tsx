// Shown while a page's code chunk loads (once per page; the browser keeps it).
import { useT } from "../i18n/use-t.ts";

export function PageLoading() {
  const t = useT("common");
  return (
    <p className="card muted page-loading" role="status" data-testid="page-loading">
      <span className="spinner" aria-hidden="true" /> {t("app.loading")}
    </p>
  );
}
