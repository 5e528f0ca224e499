// 超时: RED shipments grouped by the node (and person) responsible for them, oldest first — the county
// project board's discipline applied to parcels — with a button to recompute every light now.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DataState } from "../../components/data-state.tsx";
import type { TOverdueGroup } from "../../lib/shipments-api.ts";
import { formatDateTime } from "../../lib/time.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { CountyScope } from "../county/county-scope.tsx";
import { ErrorSummary } from "../network/error-summary.tsx";
import { LightReason, useNow } from "./shipment-bits.tsx";
import { minutesBetween } from "./shipment-format.ts";

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
  const { t } = useTranslation();
  const trpc = useTRPC();
  const runs = useQuery(trpc.network.rerouteJobs.queryOptions({ countyCode }, { refetchInterval: (q) => ((q.state.data ?? []).some((r) => r.state !== "completed" && r.state !== "failed") ? 1_000 : 15_000) }));
  return (
    <section className="card" data-testid="reroute-runs">
      <h2 className="card-title">{t("overdue.rerouteTitle")}</h2>
      <DataState query={runs}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{t("overdue.rerouteNone")}</p>
          ) : (
            <div className="table-wrap">
              <table className="table table-compact">
                <thead>
                  <tr>
                    <th>{t("overdue.rerouteQueued")}</th>
                    <th>{t("overdue.rerouteState")}</th>
                    <th>{t("overdue.rerouteProgress")}</th>
                    <th>{t("overdue.rerouteResult")}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((r) => (
                    <tr key={r.id} data-testid="reroute-run" data-state={r.state}>
                      <td>{formatDateTime(r.queuedAt)}</td>
                      <td>{r.state}</td>
                      <td>
                        <progress max={r.progress?.total || 1} value={r.progress?.done ?? 0} aria-label={t("overdue.rerouteProgress")} /> {r.progress ? `${r.progress.done} / ${r.progress.total}` : ""}
                      </td>
                      <td>{r.result ? t("overdue.rerouteCounts", { affected: r.result.affected, rerouted: r.result.rerouted, noRoute: r.result.noRoute }) : (r.failedReason ?? "")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </DataState>
    </section>
  );
}

function OverdueView({ countyCode }: { countyCode: string }) {
  const { t } = useTranslation();
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
  const { t } = useTranslation();
  if (!promisedAt) return <span className="muted">{t("overdue.noPromise")}</span>;
  const minutes = minutesBetween(promisedAt, now);
  if (minutes < 0) return <span className="muted">{t("overdue.notYet")}</span>;
  const text =
    minutes < 60 ? t("overdue.lateMinutes", { minutes }) : t("overdue.late", { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  return <span className="danger-text">{text}</span>;
}

function OverdueGroup({ group, now }: { group: TOverdueGroup; now: Date }) {
  const { t } = useTranslation();
  return (
    <article className="overdue-group" data-testid="overdue-group" data-node={group.node?.code ?? ""}>
      <header className="overdue-group-head">
        <div>
          <strong>{group.node ? group.node.name : t("overdue.noNode")}</strong>
          {group.node ? <code className="mono muted small"> {group.node.code}</code> : null}
        </div>
        <div className="small">
          <span className="muted">{t("overdue.person")}</span>{" "}
          {group.person ?? <span className="muted">{t("overdue.noPerson")}</span>}
        </div>
        <span className="count-badge">{t("overdue.count", { count: group.shipments.length })}</span>
      </header>
      <div className="table-wrap">
        <table className="table table-compact">
          <thead>
            <tr>
              <th>{t("shipments.waybillNo")}</th>
              <th>{t("shipments.promisedAt")}</th>
              <th>{t("overdue.overdueBy")}</th>
              <th>{t("overdue.reason")}</th>
            </tr>
          </thead>
          <tbody>
            {group.shipments.map((s) => (
              <tr key={s.waybillNo} data-testid="overdue-row" data-waybill={s.waybillNo}>
                <td>
                  <Link className="mono" to={`/county/shipments/${encodeURIComponent(s.waybillNo)}`}>
                    {s.waybillNo}
                  </Link>
                </td>
                <td className="nowrap">{s.promisedAt ? formatDateTime(s.promisedAt) : <span className="muted">{t("common.none")}</span>}</td>
                <td className="nowrap">
                  <Lateness promisedAt={s.promisedAt} now={now} />
                </td>
                <td className="wrap">
                  <LightReason reason={s.reason} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </article>
  );
}
