// The alert above a form: what went wrong as a whole, and field issues no field of the form shows.
import { readApiError, unplacedErrors } from "../../lib/api-error.ts";
import { useT } from "../../i18n/use-t.ts";

interface Props {
  error: unknown;
  /** The field paths the form shows under its fields. */
  fields: readonly string[];
  testId?: string;
}

export function ErrorSummary({ error, fields, testId }: Props) {
  const t = useT("common");
  if (!error) return null;
  const err = readApiError(error);
  const extra = [...unplacedErrors(err.fieldErrors, fields), ...err.formErrors];
  const hasFieldErrors = Object.keys(err.fieldErrors).length > 0;
  const head = err.isNetwork
    ? t("common.offline")
    : err.code === "FORBIDDEN"
      ? t("common.forbidden")
      : hasFieldErrors
        ? t("common.checkFields")
        : err.formErrors.length > 0
          ? t("common.saveFailedShort")
          : t("common.saveFailed", { message: err.message });
  return (
    <div className="alert alert-error" role="alert" data-testid={testId}>
      <div>
        <div>{head}</div>
        {extra.length > 0 ? (
          <ul className="error-list">
            {extra.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
