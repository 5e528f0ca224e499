// Renders a query's loading, error and empty states the same way everywhere.
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { readApiError } from "../lib/api-error.ts";

interface Props<T, TError> {
  query: UseQueryResult<T, TError>;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}

export function DataState<T, TError>({ query, isEmpty, children }: Props<T, TError>) {
  const { t } = useTranslation();
  if (query.isPending) {
    return (
      <p className="muted" role="status">
        <span className="spinner" aria-hidden="true" /> {t("common.loading")}
      </p>
    );
  }
  if (query.isError) {
    const err = readApiError(query.error);
    const text =
      err.code === "FORBIDDEN"
        ? t("common.forbidden")
        : err.isNetwork
          ? t("login.network")
          : t("common.loadFailed", { message: err.message });
    return (
      <div className="alert alert-error" role="alert">
        <span>{text}</span>
        <button type="button" className="btn btn-small" onClick={() => void query.refetch()}>
          {t("common.retry")}
        </button>
      </div>
    );
  }
  if (isEmpty?.(query.data)) return <p className="muted">{t("common.empty")}</p>;
  return <>{children(query.data)}</>;
}
