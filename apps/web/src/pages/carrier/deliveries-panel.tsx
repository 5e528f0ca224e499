// A subscription's delivery log (newest first, "load more"), with redelivery of one event or of a time range.
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { DataTable, type TDataColumn } from "../../components/data-table.tsx";
import { DataState } from "../../components/data-state.tsx";
import { ErrorSummary } from "../../components/form/index.ts";
import { LoadMore } from "../../components/list-card.tsx";
import { SidePanel } from "../../components/side-panel.tsx";
import { useT } from "../../i18n/use-t.ts";
import { formatShortDateTime } from "../../lib/time.ts";
import { useTRPC, useTRPCClient } from "../../lib/trpc.ts";
import type { TRedeliver } from "@xiangda/domain";
import { errorsT } from "../../lib/api-error.ts";
import type { TDelivery, TWebhook } from "./carrier-api.ts";
import { RedeliverRange } from "./redeliver-range.tsx";

export function DeliveriesPanel({ clientId, webhook, onClose }: { clientId: string; webhook: TWebhook; onClose: () => void }) {
  const t = useT("carrier");
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const input = { clientId, id: webhook.id, limit: 50 };
  const log = useInfiniteQuery({
    queryKey: [...trpc.carrier.webhooks.deliveries.pathKey(), { input, type: "infinite" }],
    queryFn: ({ pageParam, signal }) =>
      client.carrier.webhooks.deliveries.query(pageParam ? { ...input, after: pageParam } : input, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    placeholderData: keepPreviousData,
    // A live log: attempts and retries show up while the panel is open.
    refetchInterval: 5_000,
  });
  const redeliver = useMutation(
    trpc.carrier.webhooks.redeliver.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.carrier.webhooks.deliveries.pathFilter()),
    }),
  );
  const rangeMutation = {
    ...redeliver,
    mutate: (range: TRedeliver) => redeliver.mutate({ clientId, id: webhook.id, ...range }),
  };
  const columns: TDataColumn<TDelivery>[] = [
    ...useDeliveryColumns(),
    {
      key: "redeliver",
      header: t("deliveries.redeliver"),
      headerHidden: true,
      cell: (d) => (
        <button
          type="button"
          className="btn btn-small"
          disabled={redeliver.isPending}
          onClick={() => redeliver.mutate({ clientId, id: webhook.id, eventId: d.eventId })}
          data-testid="delivery-redeliver"
        >
          {t("deliveries.redeliver")}
        </button>
      ),
    },
  ];
  return (
    <SidePanel title={`${t("deliveries.title")} · ${webhook.url}`} onClose={onClose} testId="deliveries-panel">
      <ErrorSummary error={redeliver.error} fields={[]} testId="delivery-redeliver-error" />
      {redeliver.data ? (
        <p className="alert alert-success" role="status" data-testid="delivery-redelivered">
          {t("deliveries.redelivered", { count: redeliver.data.queued })}
        </p>
      ) : null}
      <details className="card" data-testid="redeliver-range">
        <summary>{t("deliveries.rangeTitle")}</summary>
        <RedeliverRange mutation={rangeMutation} />
      </details>
      <DataState query={log} isEmpty={(data) => data.pages.every((p) => p.deliveries.length === 0)} empty={t("deliveries.empty")}>
        {(data) => (
          <>
            <DataTable
              columns={columns}
              rows={data.pages.flatMap((p) => p.deliveries)}
              rowKey={(d) => d.id}
              rowProps={(d) => ({ "data-testid": "delivery-row", "data-status": d.status, "data-event": d.eventId })}
              testId="deliveries-table"
            />
            <LoadMore
              pager={log}
              labels={{ more: t("deliveries.more"), loading: t("deliveries.loadingMore"), done: t("deliveries.allLoaded") }}
              testId="deliveries-more"
            />
          </>
        )}
      </DataState>
      <div className="form-actions">
        <button type="button" className="btn" onClick={onClose}>
          {t("deliveries.close")}
        </button>
      </div>
    </SidePanel>
  );
}

function useDeliveryColumns(): TDataColumn<TDelivery>[] {
  const t = useT("carrier");
  const tc = useT("common");
  const none = <span className="muted">{tc("common.none")}</span>;
  return [
    { key: "eventId", header: t("deliveries.eventId"), className: "mono", cell: (d) => d.eventId },
    { key: "type", header: t("deliveries.type"), className: "mono small", cell: (d) => d.type ?? none },
    {
      key: "status",
      header: t("deliveries.status"),
      cell: (d) => (
        <>
          {t(`deliveries.statuses.${d.status}`)}
          {d.redelivery ? <div className="muted small">{t("deliveries.redelivery")}</div> : null}
        </>
      ),
    },
    { key: "attempts", header: t("deliveries.attempts"), num: true, cell: (d) => d.attempts },
    { key: "responseStatus", header: t("deliveries.responseStatus"), num: true, cell: (d) => d.responseStatus ?? none },
    {
      key: "latency",
      header: t("deliveries.latency"),
      num: true,
      cell: (d) => (d.latencyMs === null ? none : t("deliveries.latencyMs", { ms: d.latencyMs })),
    },
    {
      key: "lastError",
      header: t("deliveries.lastError"),
      className: "wrap-narrow small",
      cell: (d) => (d.lastError ? <DeliveryError code={d.lastError} /> : none),
    },
    { key: "createdAt", header: t("deliveries.createdAt"), className: "nowrap muted small", cell: (d) => formatShortDateTime(d.createdAt) },
  ];
}

/** A delivery's failure in words: its code (send.ts) and, for a network error, the system's own code beside it. */
export function DeliveryError({ code }: { code: string }) {
  const t = useT("carrier");
  const [kind = "", detail = ""] = code.split(":");
  if (kind === "REFUSED" && /^WEBHOOK_URL_[A-Z]+$/.test(detail)) return <>{errorsT(detail as "WEBHOOK_URL_PRIVATE", { host: "" })}</>;
  const known = ["HTTP_STATUS", "TIMEOUT", "TOO_LARGE", "NETWORK", "DELETED", "NO_EVENT"] as const;
  const k = known.find((x) => x === kind);
  if (!k) return <span className="mono">{code}</span>;
  return (
    <>
      {t(`deliveries.errors.${k}`)}
      {k === "NETWORK" && detail ? <span className="mono muted"> {detail}</span> : null}
    </>
  );
}
