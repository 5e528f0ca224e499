// 红绿灯: open parcels by light now (township, carrier, direction apply; dates do not), the daily snapshots over the
// chosen days, and the RED list by responsible node and person, oldest promise first, with a Notify action per node.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { DataState } from "../../../../components/data-state.tsx";
import { DataTable } from "../../../../components/data-table.tsx";
import { waybillColumn } from "../../../../components/waybill-link.tsx";
import { readApiError } from "../../../../lib/api-error.ts";
import { formatDateTime } from "../../../../lib/time.ts";
import { useTRPC } from "../../../../lib/trpc.ts";
import { COLORS, dayChart } from "../charts/chart-options.ts";
import type { TLights, TRedGroup, TRedParcel } from "../dashboard-api.ts";
import { useDashboard } from "../dashboard-context.ts";
import { LIGHTS_STALE_MS, lightsInput } from "../dashboard-filter.ts";
import { formatCount, sortRedGroups } from "../dashboard-format.ts";
import { ExportButton, type TTableColumn } from "../parts/export-table.tsx";
import { ChartBox } from "../parts/chart-box.tsx";
import { FigureRow } from "../parts/figure.tsx";
import { useLabels, type TLabels } from "../parts/labels.ts";
import { Section, SubTitle } from "../parts/section.tsx";
import { useT, type TT } from "../../../../i18n/use-t.ts";

type TRedRow = TRedParcel & { group: TRedGroup };

function redColumns(t: TT<"dashboard">, l: TLabels): TTableColumn<TRedRow>[] {
  return [
    { key: "node", header: t("lights.cols.node"), value: (r) => r.group.nodeName },
    { key: "nodeCode", header: t("lights.cols.nodeCode"), value: (r) => r.group.nodeCode },
    { key: "tier", header: t("lights.cols.tier"), value: (r) => l.tier(r.group.tier) },
    { key: "contact", header: t("lights.cols.contact"), value: (r) => r.group.contactName },
    { key: "phone", header: t("lights.cols.phone"), value: (r) => r.group.contactPhoneMasked },
    { key: "waybill", header: t("lights.cols.waybill"), value: (r) => r.waybillNo },
    { key: "promisedAt", header: t("lights.cols.promisedAt"), value: (r) => formatDateTime(r.promisedAt) },
    { key: "redSince", header: t("lights.cols.redSince"), value: (r) => formatDateTime(r.redSince) },
    { key: "reason", header: t("lights.cols.reason"), value: (r) => l.reason(r.reason) },
    { key: "status", header: t("lights.cols.status"), value: (r) => l.status(r.status) },
    { key: "notifiedAt", header: t("lights.cols.notifiedAt"), value: (r) => formatDateTime(r.notifiedAt) },
  ];
}

const LIGHTS_OPTIONS = { placeholderData: keepPreviousData, refetchInterval: 60_000, staleTime: LIGHTS_STALE_MS } as const;

/** The live lights for the page's filter (dates do not apply): one query shared by this section, the map's RED markers
 * and the page, which holds the static sections back until it has answered. */
export function useLights() {
  const trpc = useTRPC();
  const { countyCode, filter } = useDashboard();
  return useQuery(trpc.dashboard.lights.queryOptions(lightsInput(countyCode, filter), LIGHTS_OPTIONS));
}

export function LightsSection() {
  const t = useT("dashboard");
  const trpc = useTRPC();
  const { countyCode, filter } = useDashboard();
  const lights = useLights();
  // The day-by-day history is not live: asked for once the lights are in, so it never holds them up (tRPC batches
  // queries made together into one request, answered when the slowest is done).
  const history = useQuery(
    trpc.dashboard.history.queryOptions(
      { countyCode, from: filter.from, to: filter.to, ...(filter.townshipCode ? { townshipCode: filter.townshipCode } : {}) },
      { placeholderData: keepPreviousData, enabled: lights.isFetched },
    ),
  );
  const historyChart = useMemo(() => {
    const days = history.data?.days ?? [];
    return dayChart(
      days.map((d) => d.day),
      [
        { name: t("lights.green"), data: days.map((d) => d.green), color: COLORS.green, stack: "l", area: true },
        { name: t("lights.yellow"), data: days.map((d) => d.yellow), color: COLORS.yellow, stack: "l", area: true },
        { name: t("lights.red"), data: days.map((d) => d.red), color: COLORS.red, stack: "l", area: true },
      ],
    );
  }, [history.data, t]);

  return (
    <Section title={t("lights.title")} note={t("lights.note")} testId="dash-lights" className="dash-lights-card">
      <DataState query={lights}>
        {(l) => (
          <>
            <FigureRow
              className="dash-lights"
              figures={[
                { label: t("lights.green"), value: formatCount(l.green), raw: l.green, tone: "green", testId: "fig-green" },
                { label: t("lights.yellow"), value: formatCount(l.yellow), raw: l.yellow, tone: "yellow", testId: "fig-yellow" },
                {
                  label: t("lights.red"),
                  value: formatCount(l.red),
                  raw: l.red,
                  tone: "red",
                  sub: t("asOf", { at: formatDateTime(l.asOf) }),
                  testId: "fig-red",
                },
              ]}
            />
          </>
        )}
      </DataState>
      <ChartBox
        titled
        option={historyChart}
        label={t("lights.history")}
        height={220}
        testId="chart-lights-history"
        empty={history.data && history.data.days.length === 0}
      />
      {lights.data ? <RedList data={lights.data} /> : null}
    </Section>
  );
}

function RedList({ data }: { data: TLights }) {
  const t = useT("dashboard");
  const labels = useLabels();
  const groups = useMemo(() => sortRedGroups(data.redByNode), [data]);
  const rows = useMemo(() => groups.flatMap((group) => group.parcels.map((p) => ({ ...p, group }))), [groups]);
  const columns = useMemo(() => redColumns(t, labels), [t, labels]);
  return (
    <div className="dash-red" data-testid="red-list">
      <div className="dash-table-head">
        <SubTitle>{t("lights.redList")}</SubTitle>
        <span className="muted small">{t("lights.count", { count: rows.length })}</span>
        <ExportButton columns={columns} rows={rows} title={t("lights.file")} testId="red-list-export" />
      </div>
      {groups.length === 0 ? (
        <p className="muted" data-testid="red-empty">
          {t("lights.noRed")}
        </p>
      ) : (
        <div className="dash-red-groups">
          {groups.map((g) => (
            <RedGroup key={g.nodeId} group={g} />
          ))}
        </div>
      )}
    </div>
  );
}

function RedGroup({ group }: { group: TRedGroup }) {
  const t = useT("dashboard");
  const labels = useLabels();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { countyCode } = useDashboard();
  const notify = useMutation(
    trpc.dashboard.notifyRed.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.dashboard.lights.pathKey() }),
    }),
  );
  const person = group.contactName ?? t("lights.noContact");
  return (
    <article className="dash-red-group" data-testid="red-group" data-node={group.nodeCode}>
      <header className="dash-red-head">
        <div className="dash-red-node">
          <strong>{group.nodeName}</strong> <code className="mono muted small">{group.nodeCode}</code>
          <div className="muted small">{labels.tier(group.tier)}</div>
        </div>
        <div className="small">
          <span className="muted">{t("lights.responsible")}</span> {person}
          {group.contactPhoneMasked ? <span className="mono"> {group.contactPhoneMasked}</span> : null}
          {group.staff.length ? (
            <div>
              <span className="muted">{t("lights.staff")}</span> {group.staff.map((s) => s.displayName).join("、")}
            </div>
          ) : null}
        </div>
        <div className="dash-red-count">
          <span className="count-badge">{t("lights.count", { count: group.parcels.length })}</span>
          {group.oldestPromisedAt ? (
            <div className="muted small">{t("lights.oldest", { at: formatDateTime(group.oldestPromisedAt) })}</div>
          ) : null}
        </div>
        <div className="dash-red-action no-print">
          <button
            type="button"
            className="btn btn-small btn-primary"
            disabled={notify.isPending}
            onClick={() => notify.mutate({ countyCode, nodeId: group.nodeId })}
            aria-label={`${t("lights.notify")} ${group.nodeName}`}
            data-testid="red-notify"
          >
            {notify.isPending ? t("lights.notifying") : t("lights.notify")}
          </button>
          <span role="status" className="small" data-testid="red-notify-result">
            {notify.data ? t("lights.notified", { count: notify.data.alerts }) : ""}
            {notify.error ? (
              <span className="danger-text">{t("lights.notifyFailed", { message: readApiError(notify.error).message })}</span>
            ) : null}
          </span>
        </div>
      </header>
      <DataTable
        className="table-compact"
        rows={group.parcels}
        rowKey={(p) => p.shipmentId}
        rowProps={(p) => ({ "data-testid": "red-row", "data-waybill": p.waybillNo })}
        columns={[
          waybillColumn(t("lights.cols.waybill")),
          {
            key: "promisedAt",
            header: t("lights.cols.promisedAt"),
            className: "nowrap",
            cell: (p) => (p.promisedAt ? formatDateTime(p.promisedAt) : <span className="muted">—</span>),
          },
          { key: "redSince", header: t("lights.cols.redSince"), className: "nowrap", cell: (p) => formatDateTime(p.redSince) },
          { key: "reason", header: t("lights.cols.reason"), className: "wrap", cell: (p) => labels.reason(p.reason) },
          { key: "status", header: t("lights.cols.status"), cell: (p) => labels.status(p.status) },
          {
            key: "notifiedAt",
            header: t("lights.cols.notifiedAt"),
            className: "nowrap",
            cellProps: () => ({ "data-testid": "red-notified-at" }),
            cell: (p) => (p.notifiedAt ? formatDateTime(p.notifiedAt) : <span className="muted">{t("lights.notNotified")}</span>),
          },
        ]}
      />
    </article>
  );
}
