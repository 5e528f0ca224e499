// The card around a list page's table: the title and the page's buttons, a filters row, the "共 N 条" count, the
// loading / error / empty states (DataState), the table (DataTable) and "load more" for keyset pages. Beside it the
// pieces its filters row is made of (an enum select with "all", a search box) and the keyset "load more" button.
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { DataState } from "./data-state.tsx";
import { DataTable, type TDataTableProps } from "./data-table.tsx";
import { useT } from "../i18n/use-t.ts";

/** What "load more" needs of an infinite query (`useInfiniteQuery`'s result has it all). */
export interface TPager {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

export interface TLoadMoreLabels {
  more: string;
  loading: string;
  /** Said when every page is shown. */
  done: string;
}

interface Props<T, TData, TError> {
  title: ReactNode;
  /** The page's buttons at the right of the title (new, print …). */
  actions?: ReactNode;
  /** Between the title and the filters: a lead, an alert. */
  intro?: ReactNode;
  /** The filters row's controls. */
  filters?: ReactNode;
  query: UseQueryResult<TData, TError>;
  /** The rows shown, from the query's data (filtered here, or the pages of a keyset list flattened). */
  rows: (data: TData) => readonly T[];
  /** Empty (the "no data" line instead of the table); by default when there are no rows. */
  isEmpty?: (data: TData) => boolean;
  /** What an empty list says; by default "暂无数据". */
  empty?: ReactNode;
  /** The count line over the table; by default "共 N 条", `null` for none. */
  count?: ((count: number) => ReactNode) | null;
  table: Omit<TDataTableProps<T>, "rows">;
  /** A keyset list's "load more" under the table. */
  more?: { pager: TPager; labels: TLoadMoreLabels; testId: string };
  /** Classes beside `card`. */
  className?: string;
  testId?: string;
  /** Under the card's content (a note on what is not shown). */
  children?: ReactNode;
}

export function ListCard<T, TData, TError>(props: Props<T, TData, TError>) {
  const t = useT("common");
  const { query, rows, more, count } = props;
  const countLine = count === undefined ? (n: number) => t("common.count", { count: n }) : count;
  return (
    <section className={props.className ? `card ${props.className}` : "card"} data-testid={props.testId}>
      <div className="card-head">
        <h2 className="card-title">{props.title}</h2>
        {props.actions}
      </div>
      {props.intro}
      {props.filters ? <div className="filters">{props.filters}</div> : null}
      <DataState query={query} isEmpty={props.isEmpty ?? ((data) => rows(data).length === 0)} empty={props.empty}>
        {(data) => {
          const shown = rows(data);
          return (
            <>
              {countLine ? (
                <p className="muted small" aria-live="polite">
                  {countLine(shown.length)}
                </p>
              ) : null}
              <DataTable {...props.table} rows={shown} />
              {more ? <LoadMore pager={more.pager} labels={more.labels} testId={more.testId} /> : null}
            </>
          );
        }}
      </DataState>
      {props.children}
    </section>
  );
}

/** Under a keyset list: the button that fetches the next page, or the line saying all is shown. */
export function LoadMore({ pager, labels, testId }: { pager: TPager; labels: TLoadMoreLabels; testId: string }) {
  return (
    <div className="load-more">
      {pager.hasNextPage ? (
        <button
          type="button"
          className="btn"
          onClick={() => void pager.fetchNextPage()}
          disabled={pager.isFetchingNextPage}
          data-testid={testId}
        >
          {pager.isFetchingNextPage ? labels.loading : labels.more}
        </button>
      ) : (
        <span className="muted small">{labels.done}</span>
      )}
    </div>
  );
}

/** A filter over an enum: "all" (the empty value) and one option a value, each with its label. */
export function FilterSelect<V extends string>(props: {
  value: V | "" | undefined;
  onChange: (value: V | "") => void;
  options: readonly V[];
  label: (value: V) => string;
  allLabel: string;
  ariaLabel: string;
  testId: string;
  /** Options after the enum's (values the list does not know yet, say). */
  children?: ReactNode;
}) {
  return (
    <select
      value={props.value ?? ""}
      onChange={(e) => props.onChange(e.target.value as V | "")}
      aria-label={props.ariaLabel}
      data-testid={props.testId}
    >
      <option value="">{props.allLabel}</option>
      {props.options.map((v) => (
        <option key={v} value={v}>
          {props.label(v)}
        </option>
      ))}
      {props.children}
    </select>
  );
}

/** The filters row's search box: its placeholder is its label. */
export function SearchFilter(props: { value: string; onChange: (value: string) => void; placeholder: string; testId: string }) {
  return (
    <input
      type="search"
      className="filter-search"
      value={props.value}
      placeholder={props.placeholder}
      aria-label={props.placeholder}
      onChange={(e) => props.onChange(e.target.value)}
      data-testid={props.testId}
    />
  );
}
