// 装车: the loads of the county (managers, ADMIN) or of the station (staff), filtered by departure day and
// status (kept in the URL), newest first, with counts, and keyset "load more".
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "react-router";
import { type TDataColumn } from "../../../components/data-table.tsx";
import { FilterSelect, ListCard } from "../../../components/list-card.tsx";
import { formatDateTime, formatShortDateTime } from "../../../lib/time.ts";
import { useTRPC, useTRPCClient } from "../../../lib/trpc.ts";
import { pageItems, useKeysetList } from "../../../lib/use-keyset-list.ts";
import { useUrlParams } from "../../../lib/use-url-params.ts";
import { CountyScope } from "../county-scope.tsx";
import { LoadStatusPill, RouteLabel, SealLateness } from "./load-bits.tsx";
import { LOAD_STATUSES } from "@xiangda/domain";
import { kg, shanghaiDate } from "./load-format.ts";
import type { TLoadFilter, TLoadRow } from "./loads-api.ts";
import "./loads.css";
import { useT } from "../../../i18n/use-t.ts";

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
  const t = useT("loads");
  const trpc = useTRPC();
  const client = useTRPCClient();
  const navigate = useNavigate();
  const { params, setParam, setParams } = useUrlParams();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(params.get("date") ?? "") ? params.get("date")! : undefined;
  const statusParam = params.get("status");
  const status = LOAD_STATUSES.find((s) => s === statusParam);
  const lateOnly = params.get("late") === "1";

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
  const list = useKeysetList(trpc.loads.list.pathKey(), filter, (input, signal) => client.loads.list.query(input, { signal }));
  const open = (id: string) => void navigate(`${base}/${encodeURIComponent(id)}`);
  const columns = useLoadColumns(base);

  return (
    <ListCard
      className="loads-card"
      testId="loads-page"
      title={t("title")}
      intro={
        <>
          <p className="muted small">{t("lead")}</p>
          {lateCount || lateOnly ? (
            <LateSeals
              count={lateCount}
              graceSeconds={late.data?.sealGraceSeconds ?? 60}
              lateOnly={lateOnly}
              onToggle={() => {
                const next = new URLSearchParams(window.location.search);
                if (lateOnly) next.delete("late");
                else {
                  next.set("late", "1");
                  next.set("date", lateDay);
                }
                setParams(next, { replace: true });
              }}
            />
          ) : null}
        </>
      }
      filters={
        <>
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
          <FilterSelect
            value={status}
            onChange={(v) => setParam("status", v)}
            options={LOAD_STATUSES}
            label={(s) => t(`statuses.${s}`)}
            allLabel={t("allStatuses")}
            ariaLabel={t("status")}
            testId="loads-filter-status"
          />
        </>
      }
      query={list}
      rows={pageItems}
      count={(count) => t("shown", { count })}
      table={{
        columns,
        className: "loads-table",
        testId: "loads-table",
        rowKey: (r) => r.id,
        rowProps: (r) => ({ "data-testid": "load-row", "data-code": r.code }),
        onRowClick: (r) => open(r.id),
      }}
      more={{ pager: list, labels: { more: t("loadMore"), loading: t("loadingMore"), done: t("allLoaded") }, testId: "loads-more" }}
    />
  );
}

/** The list's columns: departure (and cut-off), the code linking to the load, route, status, parcels, rolled, weight, vehicles. */
function useLoadColumns(base: string): TDataColumn<TLoadRow>[] {
  const t = useT("loads");
  return [
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
  ];
}

/** The late-seal alert: how many loads were sealed late, and the button showing only those (or all again). */
function LateSeals(props: { count: number; graceSeconds: number; lateOnly: boolean; onToggle: () => void }) {
  const t = useT("loads");
  return (
    <div className="alert alert-warn" role="alert" data-testid="loads-late-seals" data-count={props.count}>
      {props.count ? <span>{t("sealLateBanner", { count: props.count, grace: props.graceSeconds })} </span> : null}
      <button type="button" className="btn btn-small" onClick={props.onToggle} data-testid="loads-late-toggle">
        {props.lateOnly ? t("sealLateAll") : t("sealLateShow")}
      </button>
    </div>
  );
}
