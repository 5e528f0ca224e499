// 装车: the loads of the county (managers, ADMIN) or of the station (staff), filtered by departure day and
// status (kept in the URL), newest first, with counts, and keyset "load more".
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Link, useNavigate, useSearchParams } from "react-router";
import { DataState } from "../../components/data-state.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { formatDateTime, formatShortDateTime } from "../../lib/time.ts";
import { useTRPC, useTRPCClient } from "../../lib/trpc.ts";
import { CountyScope } from "../county/county-scope.tsx";
import { LoadStatusPill, RouteLabel, SealLateness } from "./load-bits.tsx";
import { kg, LOAD_STATUSES, shanghaiDate } from "./load-format.ts";
import type { TLoadFilter, TLoadStatus } from "./loads-api.ts";
import { useLoadsT, type TLoadsKey } from "./use-loads-t.ts";
import "./loads.css";

const PAGE_SIZE = 50;

export function CountyLoadsPage() {
  return <CountyScope>{(countyCode) => <LoadsList base="/county/loads" scope={{ countyCode }} />}</CountyScope>;
}

/** Station staff: the server keeps them to their own node's loads. */
export function StationLoadsPage() {
  return (
    <div className="page">
      <LoadsList base="/station/loads" scope={{}} />
    </div>
  );
}

function LoadsList({ base, scope }: { base: string; scope: Pick<TLoadFilter, "countyCode"> }) {
  const t = useLoadsT();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(params.get("date") ?? "") ? params.get("date")! : undefined;
  const statusParam = params.get("status");
  const status = LOAD_STATUSES.find((s) => s === statusParam);
  const lateOnly = params.get("late") === "1";

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(window.location.search);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const filter: Omit<TLoadFilter, "cursor"> = {
    ...scope,
    limit: PAGE_SIZE,
    ...(date ? { date } : {}),
    ...(status ? { status } : {}),
    ...(lateOnly ? { lateSeal: true } : {}),
  };
  // The late-seal alert: loads of the day shown (today when none) sealed later than the grace after their cut-off.
  const lateDay = date ?? shanghaiDate();
  const late = useQuery(trpc.loads.list.queryOptions({ ...scope, date: lateDay, lateSeal: true, limit: 200 }, { refetchInterval: 60_000 }));
  const lateCount = late.data?.items.length ?? 0;
  const list = useInfiniteQuery({
    queryKey: [...trpc.loads.list.pathKey(), { input: filter, type: "infinite" }],
    queryFn: ({ pageParam, signal }) => client.loads.list.query(pageParam ? { ...filter, cursor: pageParam } : filter, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
  const open = (id: string) => void navigate(`${base}/${encodeURIComponent(id)}`);

  return (
    <section className="card loads-card" data-testid="loads-page">
      <div className="card-head">
        <h2 className="card-title">{t("title")}</h2>
      </div>
      <p className="muted small">{t("lead")}</p>
      {lateCount || lateOnly ? (
        <div className="alert alert-warn" role="alert" data-testid="loads-late-seals" data-count={lateCount}>
          {lateCount ? (
            <span>{t("sealLateBanner" as TLoadsKey, { count: lateCount, grace: late.data?.sealGraceSeconds ?? 60 })} </span>
          ) : null}
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              const next = new URLSearchParams(window.location.search);
              if (lateOnly) next.delete("late");
              else {
                next.set("late", "1");
                next.set("date", lateDay);
              }
              setParams(next, { replace: true });
            }}
            data-testid="loads-late-toggle"
          >
            {lateOnly ? t("sealLateAll") : t("sealLateShow")}
          </button>
        </div>
      ) : null}
      <div className="filters">
        <label className="inline-field">
          <span>{t("date")}</span>
          <input type="date" value={date ?? ""} onChange={(e) => setParam("date", e.target.value)} data-testid="loads-filter-date" />
        </label>
        <button type="button" className="btn btn-small" onClick={() => setParam("date", shanghaiDate())} data-testid="loads-today">
          {t("today")}
        </button>
        {date ? (
          <button type="button" className="btn btn-small btn-ghost" onClick={() => setParam("date", "")} data-testid="loads-all-dates">
            {t("allDates")}
          </button>
        ) : null}
        <select
          value={status ?? ""}
          onChange={(e) => setParam("status", e.target.value)}
          aria-label={t("status")}
          data-testid="loads-filter-status"
        >
          <option value="">{t("allStatuses")}</option>
          {LOAD_STATUSES.map((s: TLoadStatus) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <DataState query={list} isEmpty={(data) => data.pages.every((p) => p.items.length === 0)}>
        {(data) => {
          const rows = data.pages.flatMap((p) => p.items);
          return (
            <>
              <p className="muted small" aria-live="polite">
                {t("shown", { count: rows.length })}
              </p>
              <DataTable
                className="loads-table"
                testId="loads-table"
                rows={rows}
                rowKey={(r) => r.id}
                rowProps={(r) => ({ "data-testid": "load-row", "data-code": r.code })}
                onRowClick={(r) => open(r.id)}
                columns={[
                  {
                    key: "departAt",
                    header: t("departAt"),
                    className: "nowrap",
                    cellProps: (r) => ({ title: formatDateTime(r.departAt) }),
                    cell: (r) => (
                      <>
                        {formatShortDateTime(r.departAt)}
                        <div className="muted small">
                          {t("cutoffAt")} {formatShortDateTime(r.cutoffAt).slice(-5)}
                        </div>
                      </>
                    ),
                  },
                  {
                    key: "code",
                    header: t("code"),
                    cell: (r) => (
                      <Link className="mono waybill-link" to={`${base}/${encodeURIComponent(r.id)}`} data-testid="load-link">
                        {r.code}
                      </Link>
                    ),
                  },
                  { key: "route", header: t("route"), className: "wrap-narrow", cell: (r) => <RouteLabel load={r} /> },
                  {
                    key: "status",
                    header: t("status"),
                    cell: (r) => (
                      <>
                        <LoadStatusPill status={r.status} />
                        {r.lateSeal ? (
                          <div>
                            <SealLateness load={r} />
                          </div>
                        ) : null}
                      </>
                    ),
                  },
                  { key: "parcels", header: t("parcels"), num: true, cell: (r) => r.counts.assigned },
                  {
                    key: "rolled",
                    header: t("rolled"),
                    num: true,
                    cellProps: (r) => ({ className: r.counts.rolled ? "warn-text" : undefined }),
                    cell: (r) => r.counts.rolled,
                  },
                  {
                    key: "weight",
                    header: t("weight"),
                    num: true,
                    className: "nowrap",
                    cell: (r) => t("kg", { value: kg(r.counts.weightG) }),
                  },
                  { key: "vehicles", header: t("vehicles"), num: true, cell: (r) => r.counts.vehicles },
                ]}
              />
              <div className="load-more">
                {list.hasNextPage ? (
                  <button
                    type="button"
                    className="btn"
                    onClick={() => void list.fetchNextPage()}
                    disabled={list.isFetchingNextPage}
                    data-testid="loads-more"
                  >
                    {list.isFetchingNextPage ? t("loadingMore") : t("loadMore")}
                  </button>
                ) : (
                  <span className="muted small">{t("allLoaded")}</span>
                )}
              </div>
            </>
          );
        }}
      </DataState>
    </section>
  );
}
