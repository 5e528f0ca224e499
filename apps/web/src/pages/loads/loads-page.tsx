// 装车: the loads of the county (managers, ADMIN) or of the station (staff), filtered by departure day and
// status (kept in the URL), newest first, with counts, and keyset "load more".
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Link, useNavigate, useSearchParams } from "react-router";
import { DataState } from "../../components/data-state.tsx";
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
          {lateCount ? <span>{t("sealLateBanner" as TLoadsKey, { count: lateCount, grace: late.data?.sealGraceSeconds ?? 60 })} </span> : null}
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
              <div className="table-wrap">
                <table className="table loads-table" data-testid="loads-table">
                  <thead>
                    <tr>
                      <th>{t("departAt")}</th>
                      <th>{t("code")}</th>
                      <th>{t("route")}</th>
                      <th>{t("status")}</th>
                      <th className="num">{t("parcels")}</th>
                      <th className="num">{t("rolled")}</th>
                      <th className="num">{t("weight")}</th>
                      <th className="num">{t("vehicles")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr
                        key={r.id}
                        className="row-link"
                        data-testid="load-row"
                        data-code={r.code}
                        onClick={(e) => {
                          if (!(e.target instanceof HTMLElement && e.target.closest("a"))) open(r.id);
                        }}
                      >
                        <td className="nowrap" title={formatDateTime(r.departAt)}>
                          {formatShortDateTime(r.departAt)}
                          <div className="muted small">
                            {t("cutoffAt")} {formatShortDateTime(r.cutoffAt).slice(-5)}
                          </div>
                        </td>
                        <td>
                          <Link className="mono waybill-link" to={`${base}/${encodeURIComponent(r.id)}`} data-testid="load-link">
                            {r.code}
                          </Link>
                        </td>
                        <td className="wrap-narrow">
                          <RouteLabel load={r} />
                        </td>
                        <td>
                          <LoadStatusPill status={r.status} />
                          {r.lateSeal ? (
                            <div>
                              <SealLateness load={r} />
                            </div>
                          ) : null}
                        </td>
                        <td className="num">{r.counts.assigned}</td>
                        <td className={`num${r.counts.rolled ? " warn-text" : ""}`}>{r.counts.rolled}</td>
                        <td className="num nowrap">{t("kg", { value: kg(r.counts.weightG) })}</td>
                        <td className="num">{r.counts.vehicles}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
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
