// Whole-page loading and error states, used before the user (and so the layout) is known.
import { readApiError } from "../lib/api-error.ts";
import { useT } from "../i18n/use-t.ts";

type Props = { kind: "loading" } | { kind: "error"; error: unknown; onRetry: () => void };

export function FullPageMessage(props: Props) {
  const t = useT("common");
  if (props.kind === "loading") {
    return (
      <div className="full-page" role="status" aria-live="polite">
        <span className="spinner" aria-hidden="true" />
        {t("app.loading")}
      </div>
    );
  }
  const err = readApiError(props.error);
  return (
    <div className="full-page" role="alert">
      <p>{err.isNetwork ? t("common.offline") : t("common.loadFailed", { message: err.message })}</p>
      <button type="button" className="btn btn-primary" onClick={props.onRetry}>
        {t("common.retry")}
      </button>
    </div>
  );
}
