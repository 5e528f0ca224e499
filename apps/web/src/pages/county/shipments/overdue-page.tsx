// 超时: RED shipments grouped by the node (and person) responsible for them, oldest first — the county
// project board's discipline applied to parcels — with a button to recompute every light now.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { DataState } from "../../../components/data-state.tsx";
import { DataTable, type TDataColumn } from "../../../components/data-table.tsx";
import { ListCard } from "../../../components/list-card.tsx";
import { waybillColumn } from "../../../components/waybill-link.tsx";
import type { TOverdueGroup } from "../../../lib/shipments-api.ts";
import { formatDateTime } from "../../../lib/time.ts";
import { useTRPC, type TRouterOutputs } from "../../../lib/trpc.ts";
import { CountyScope } from "../county-scope.tsx";
import { ErrorSummary } from "../../../components/form/error-summary.tsx";
import { LightReason, useNow } from "./shipment-bits.tsx";
import { minutesBetween } from "./shipment-format.ts";
import { useT } from "../../../i18n/use-t.ts";

type TRerouteRun = TRouterOutputs["network"]["rerouteJobs"][number];

export function OverduePage() {
  return (
    <CountyScope>
      {(countyCode) => (
        <>
          <OverdueView countyCode={countyCode} />
          <RerouteRuns countyCode={countyCode} />
        </>
      )}
    </CountyScope>
  );
}

/// Re-routing runs after a node or lane was suspended, closed or reopened, with their progress.
function RerouteRuns({ countyCode }: { countyCode: string }) {
  const t = useT("shipments");
  const trpc = useTRPC();
  const runs = useQuery(
    trpc.network.rerouteJobs.queryOptions(
      { countyCode },
      { refetchInterval: (q) => ((q.state.data ?? []).some((r) => r.state !== "completed" && r.state !== "failed") ? 1_000 : 15_000) },
    ),
  );
  const columns: TDataColumn<TRerouteRun>[] = [
    { key: "queued", header: t("overdue.rerouteQueued"), cell: (r) => formatDateTime(r.queuedAt) },
    { key: "state", header: t("overdue.rerouteState"), cell: (r) => r.state },
    {
      key: "progress",
      header: t("overdue.rerouteProgress"),
      cell: (r) => (
        <>
          <progress max={r.progress?.total || 1} value={r.progress?.done ?? 0} aria-label={t("overdue.rerouteProgress")} />{" "}
          {r.progress ? `${r.progress.done} / ${r.progress.total}` : ""}
        </>
      ),
    },
    {
      key: "result",
      header: t("overdue.rerouteResult"),
      cell: (r) =>
        r.result
          ? t("overdue.rerouteCounts", { affected: r.result.affected, rerouted: r.result.rerouted, noRoute: r.result.noRoute })
          : (r.failedReason ?? ""),
    },
  ];
  return (
    <ListCard
      title={t("overdue.rerouteTitle")}
      testId="reroute-runs"
      query={runs}
      rows={(list) => list}
      empty={t("overdue.rerouteNone")}
      count={null}
      table={{
        columns,
        rowKey: (r) => r.id,
        rowProps: (r) => ({ "data-testid": "reroute-run", "data-state": r.state }),
        className: "table-compact",
      }}
    />
  );
}

function OverdueView({ countyCode }: { countyCode: string }) {
  const t = useT("shipments");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const now = useNow();
  const board = useQuery(trpc.shipments.overdue.queryOptions({ countyCode }, { staleTime: 0, refetchInterval: 60_000 }));
  const recompute = useMutation(
    trpc.shipments.recomputeLights.mutationOptions({
      // Lights feed the list, the details and this board: refetch them all.
      onSuccess: () => queryClient.invalidateQueries(trpc.shipments.pathFilter()),
    }),
  );
  const total = (board.data ?? []).reduce((n, g) => n + g.shipments.length, 0);

  return (
    <section className="card" data-testid="overdue-board">
      <div className="card-head">
        <h2 className="card-title">{t("overdue.title")}</h2>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => recompute.mutate({ countyCode })}
          disabled={recompute.isPending}
          data-testid="overdue-recompute"
        >
          {recompute.isPending ? t("overdue.recomputing") : t("overdue.recompute")}
        </button>
      </div>
      <p className="muted small page-note">{t("overdue.lead")}</p>
      <ErrorSummary error={recompute.error} fields={[]} testId="overdue-recompute-error" />
      {recompute.data ? (
        <div className="alert alert-success" role="status" data-testid="overdue-recomputed">
          {t("overdue.recomputed", {
            checked: recompute.data.checked,
            changed: recompute.data.changed,
            green: recompute.data.byLight.GREEN,
            yellow: recompute.data.byLight.YELLOW,
            red: recompute.data.byLight.RED,
          })}
        </div>
      ) : null}
      <DataState query={board}>
        {(groups) =>
          groups.length === 0 ? (
            <p className="muted" data-testid="overdue-empty">
              {t("overdue.none")}
            </p>
          ) : (
            <>
              <p className="danger-text" aria-live="polite" data-testid="overdue-total">
                {t("overdue.total", { count: total })}
              </p>
              <div className="overdue-groups">
                {groups.map((g, i) => (
                  <OverdueGroup key={g.node?.code ?? `none-${i}`} group={g} now={now} />
                ))}
              </div>
            </>
          )
        }
      </DataState>
    </section>
  );
}

function Lateness({ promisedAt, now }: { promisedAt: string | null; now: Date }) {
  const t = useT("shipments");
  if (!promisedAt) return <span className="muted">{t("overdue.noPromise")}</span>;
  const minutes = minutesBetween(promisedAt, now);
  if (minutes < 0) return <span className="muted">{t("overdue.notYet")}</span>;
  const text =
    minutes < 60 ? t("overdue.lateMinutes", { minutes }) : t("overdue.late", { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  return <span className="danger-text">{text}</span>;
}

function OverdueGroup({ group, now }: { group: TOverdueGroup; now: Date }) {
  const t = useT("shipments");
  const tc = useT("common");
  const columns: TDataColumn<TOverdueGroup["shipments"][number]>[] = [
    waybillColumn(t("shipments.waybillNo")),
    {
      key: "promisedAt",
      header: t("shipments.promisedAt"),
      className: "nowrap",
      cell: (s) => (s.promisedAt ? formatDateTime(s.promisedAt) : <span className="muted">{tc("common.none")}</span>),
    },
    {
      key: "overdueBy",
      header: t("overdue.overdueBy"),
      className: "nowrap",
      cell: (s) => <Lateness promisedAt={s.promisedAt} now={now} />,
    },
    { key: "reason", header: t("overdue.reason"), className: "wrap", cell: (s) => <LightReason reason={s.reason} /> },
  ];
  return (
    <article className="overdue-group" data-testid="overdue-group" data-node={group.node?.code ?? ""}>
      <header className="overdue-group-head">
        <div>
          <strong>{group.node ? group.node.name : t("overdue.noNode")}</strong>
          {group.node ? <code className="mono muted small"> {group.node.code}</code> : null}
        </div>
        <div className="small">
          <span className="muted">{t("overdue.person")}</span> {group.person ?? <span className="muted">{t("overdue.noPerson")}</span>}
        </div>
        <span className="count-badge">{t("overdue.count", { count: group.shipments.length })}</span>
      </header>
      <DataTable
        columns={columns}
        rows={group.shipments}
        rowKey={(s) => s.waybillNo}
        rowProps={(s) => ({ "data-testid": "overdue-row", "data-waybill": s.waybillNo })}
        className="table-compact"
      />
    </article>
  );
}
