// Renders a query's loading, error and empty states the same way everywhere.
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { readApiError } from "../lib/api-error.ts";
import { useT } from "../i18n/use-t.ts";

interface Props<T, TError> {
  query: UseQueryResult<T, TError>;
  isEmpty?: (data: T) => boolean;
  /** What an empty result says; by default "暂无数据". */
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}

export function DataState<T, TError>({ query, isEmpty, empty, children }: Props<T, TError>) {
  const t = useT("common");
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
          ? t("common.offline")
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
  if (isEmpty?.(query.data)) return <p className="muted">{empty ?? t("common.empty")}</p>;
  return <>{children(query.data)}</>;
}

/** A detail page's query: a "not found" alert of its own when the server answers NOT_FOUND, the DataState states else. */
export function DetailState<T, TError>(props: {
  query: UseQueryResult<T, TError>;
  notFound: string;
  notFoundTestId: string;
  children: (data: T) => ReactNode;
}) {
  const { query } = props;
  if (query.isError && readApiError(query.error).code === "NOT_FOUND") {
    return (
      <p className="card alert alert-error" role="alert" data-testid={props.notFoundTestId}>
        {props.notFound}
      </p>
    );
  }
  return <DataState query={query}>{props.children}</DataState>;
}
