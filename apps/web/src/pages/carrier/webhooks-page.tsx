// The organisation's webhook subscriptions: add one (its signing secret shown once), see each one's delivery log and
// redeliver from it, enable a disabled one again, delete one.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { TDataColumn } from "../../components/data-table.tsx";
import { ErrorSummary } from "../../components/form/index.ts";
import { ListCard } from "../../components/list-card.tsx";
import { SidePanel } from "../../components/side-panel.tsx";
import { useT } from "../../i18n/use-t.ts";
import { formatShortDateTime } from "../../lib/time.ts";
import { useTRPC } from "../../lib/trpc.ts";
import type { TWebhook } from "./carrier-api.ts";
import { CarrierScope } from "./carrier-scope.tsx";
import { DeliveriesPanel, DeliveryError } from "./deliveries-panel.tsx";
import { typeKey, WebhookForm, type TWebhookInput } from "./webhook-form.tsx";

export function WebhooksPage() {
  return <CarrierScope>{(clientId) => <WebhooksView clientId={clientId} />}</CarrierScope>;
}

/** The body of the page for one organisation (also the county's page of an API client, pages/county/api-clients). */
export function WebhooksView({ clientId }: { clientId: string }) {
  const t = useT("carrier");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [logOf, setLogOf] = useState<TWebhook | null>(null);
  const list = useQuery(trpc.carrier.webhooks.list.queryOptions({ clientId }));
  const refresh = () => queryClient.invalidateQueries(trpc.carrier.webhooks.list.pathFilter());
  const create = useMutation(
    trpc.carrier.webhooks.create.mutationOptions({
      onSuccess: () => {
        setAdding(false);
        void refresh();
      },
    }),
  );
  const createMutation = { ...create, mutate: (input: TWebhookInput) => create.mutate({ clientId, ...input }) };
  const remove = useMutation(trpc.carrier.webhooks.delete.mutationOptions({ onSuccess: () => void refresh() }));
  const enable = useMutation(trpc.carrier.webhooks.enable.mutationOptions({ onSuccess: () => void refresh() }));
  const columns = useWebhookColumns({
    onLog: setLogOf,
    onEnable: (w) => enable.mutate({ clientId, id: w.id }),
    onDelete: (w) => {
      if (window.confirm(t("webhooks.deleteConfirm"))) remove.mutate({ clientId, id: w.id });
    },
    busy: remove.isPending || enable.isPending,
  });

  return (
    <>
      <ListCard
        title={t("webhooks.title")}
        testId="carrier-webhooks"
        actions={
          <button type="button" className="btn btn-primary" onClick={() => setAdding(true)} data-testid="webhook-add">
            {t("webhooks.add")}
          </button>
        }
        intro={
          <>
            <p className="muted small">{t("webhooks.intro")}</p>
            {create.data ? <SecretOnce secret={create.data.secret} onDone={() => create.reset()} /> : null}
            <ErrorSummary error={remove.error ?? enable.error} fields={[]} testId="webhook-action-error" />
          </>
        }
        query={list}
        rows={(data) => data}
        empty={t("webhooks.empty")}
        table={{
          columns,
          rowKey: (w) => w.id,
          rowProps: (w) => ({ "data-testid": "webhook-row", "data-status": w.status }),
          testId: "webhooks-table",
        }}
      />
      {adding ? (
        <SidePanel title={t("webhooks.add")} onClose={() => setAdding(false)} testId="webhook-panel">
          <WebhookForm mutation={createMutation} />
        </SidePanel>
      ) : null}
      {logOf ? <DeliveriesPanel clientId={clientId} webhook={logOf} onClose={() => setLogOf(null)} /> : null}
    </>
  );
}

function SecretOnce({ secret, onDone }: { secret: string; onDone: () => void }) {
  const t = useT("carrier");
  return (
    <div className="alert alert-success" role="status" data-testid="webhook-secret">
      <strong>{t("webhooks.secretTitle")}</strong>
      <div className="mono" data-testid="webhook-secret-value">
        {secret}
      </div>
      <button type="button" className="btn btn-small" onClick={onDone} data-testid="webhook-secret-done">
        {t("webhooks.secretDone")}
      </button>
    </div>
  );
}

function useWebhookColumns(on: {
  onLog: (w: TWebhook) => void;
  onEnable: (w: TWebhook) => void;
  onDelete: (w: TWebhook) => void;
  busy: boolean;
}): TDataColumn<TWebhook>[] {
  const t = useT("carrier");
  return [
    { key: "url", header: t("webhooks.url"), className: "mono wrap-narrow", cell: (w) => w.url },
    {
      key: "events",
      header: t("webhooks.events"),
      className: "wrap-narrow",
      cell: (w) =>
        w.events
          .map((e) => (e.startsWith("shipment.") ? t(`webhooks.types.${typeKey(e as Parameters<typeof typeKey>[0])}`) : e))
          .join("、"),
    },
    {
      key: "status",
      header: t("webhooks.status"),
      cell: (w) => (
        <>
          {t(`webhooks.statuses.${w.status}`)}
          {w.disabledReason ? <DisabledReason reason={w.disabledReason} /> : null}
        </>
      ),
    },
    { key: "createdAt", header: t("webhooks.createdAt"), className: "nowrap muted small", cell: (w) => formatShortDateTime(w.createdAt) },
    {
      key: "actions",
      header: t("webhooks.log"),
      headerHidden: true,
      className: "nowrap",
      cell: (w) => (
        <>
          <button type="button" className="btn btn-small" onClick={() => on.onLog(w)} data-testid="webhook-log">
            {t("webhooks.log")}
          </button>{" "}
          {w.status === "DISABLED" ? (
            <button type="button" className="btn btn-small" disabled={on.busy} onClick={() => on.onEnable(w)} data-testid="webhook-enable">
              {t("webhooks.enable")}
            </button>
          ) : null}{" "}
          <button
            type="button"
            className="btn btn-small btn-danger"
            disabled={on.busy}
            onClick={() => on.onDelete(w)}
            data-testid="webhook-delete"
          >
            {t("webhooks.delete")}
          </button>
        </>
      ),
    },
  ];
}

/** Why a webhook was disabled: failing for 24 hours, and its last failure, in words. */
function DisabledReason({ reason }: { reason: string }) {
  const t = useT("carrier");
  const [why, ...last] = reason.split(":");
  return (
    <div className="muted small" data-testid="webhook-disabled-reason">
      {why === "FAILING_24H" ? t("webhooks.failing24h") : reason}
      {why === "FAILING_24H" && last.length ? (
        <>
          {" · "}
          <DeliveryError code={last.join(":")} />
        </>
      ) : null}
    </div>
  );
}
