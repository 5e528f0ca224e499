// The organisation's API keys: the list (prefix, label, permissions, last use, state), a new key (shown once),
// rotation (the old key works 24 hours more) and revocation.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { TApiScope } from "@xiangda/domain";
import type { TDataColumn } from "../../components/data-table.tsx";
import { ErrorSummary } from "../../components/form/index.ts";
import { ListCard } from "../../components/list-card.tsx";
import { SidePanel } from "../../components/side-panel.tsx";
import { useT } from "../../i18n/use-t.ts";
import { formatShortDateTime } from "../../lib/time.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { ApiKeyForm, scopeKey, type TApiKeyInput } from "./api-key-form.tsx";
import type { TApiKey } from "./carrier-api.ts";
import { CarrierScope } from "./carrier-scope.tsx";

export function ApiKeysPage() {
  return <CarrierScope>{(clientId) => <ApiKeysView clientId={clientId} />}</CarrierScope>;
}

/** The body of the page for one organisation (also the county's page of an API client, pages/county/api-clients). */
export function ApiKeysView({ clientId }: { clientId: string }) {
  const t = useT("carrier");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [shown, setShown] = useState<string | null>(null);
  const list = useQuery(trpc.carrier.keys.list.queryOptions({ clientId }));
  const refresh = () => void queryClient.invalidateQueries(trpc.carrier.keys.list.pathFilter());
  const onKey = (made: { key: string }) => {
    setAdding(false);
    setShown(made.key);
    refresh();
  };
  const create = useMutation(trpc.carrier.keys.create.mutationOptions({ onSuccess: onKey }));
  const createMutation = {
    ...create,
    mutate: (input: TApiKeyInput) => create.mutate({ clientId, scopes: input.scopes, ...(input.label ? { label: input.label } : {}) }),
  };
  const rotate = useMutation(trpc.carrier.keys.rotate.mutationOptions({ onSuccess: onKey }));
  const revoke = useMutation(trpc.carrier.keys.revoke.mutationOptions({ onSuccess: refresh }));
  const columns = useKeyColumns({
    onRotate: (k) => window.confirm(t("keys.rotateConfirm")) && rotate.mutate({ clientId, id: k.id }),
    onRevoke: (k) => window.confirm(t("keys.revokeConfirm")) && revoke.mutate({ clientId, id: k.id }),
    busy: rotate.isPending || revoke.isPending,
  });
  return (
    <>
      <ListCard
        title={t("keys.title")}
        testId="carrier-keys"
        actions={
          <button type="button" className="btn btn-primary" onClick={() => setAdding(true)} data-testid="api-key-add">
            {t("keys.add")}
          </button>
        }
        intro={
          <>
            <p className="muted small">{t("keys.intro")}</p>
            {shown ? (
              <div className="alert alert-success" role="status" data-testid="api-key-shown">
                <strong>{t("keys.keyTitle")}</strong>
                <div className="mono" data-testid="api-key-value">
                  {shown}
                </div>
                <button type="button" className="btn btn-small" onClick={() => setShown(null)} data-testid="api-key-done">
                  {t("keys.keyDone")}
                </button>
              </div>
            ) : null}
            <ErrorSummary error={rotate.error ?? revoke.error} fields={[]} testId="api-key-action-error" />
          </>
        }
        query={list}
        rows={(data) => data}
        empty={t("keys.empty")}
        table={{
          columns,
          rowKey: (k) => k.id,
          rowProps: (k) => ({ "data-testid": "api-key-row", "data-prefix": k.prefix }),
          testId: "api-keys-table",
        }}
      />
      {adding ? (
        <SidePanel title={t("keys.add")} onClose={() => setAdding(false)} testId="api-key-panel">
          <ApiKeyForm mutation={createMutation} />
        </SidePanel>
      ) : null}
    </>
  );
}

function useKeyColumns(on: { onRotate: (k: TApiKey) => void; onRevoke: (k: TApiKey) => void; busy: boolean }): TDataColumn<TApiKey>[] {
  const t = useT("carrier");
  const tc = useT("common");
  const none = <span className="muted">{tc("common.none")}</span>;
  const live = (k: TApiKey) => !k.revokedAt && (!k.expiresAt || new Date(k.expiresAt) > new Date());
  return [
    { key: "prefix", header: t("keys.prefix"), className: "mono", cell: (k) => `xdk_${k.prefix}_…` },
    { key: "label", header: t("keys.label"), cell: (k) => k.label ?? none },
    {
      key: "scopes",
      header: t("keys.scopes"),
      className: "wrap-narrow",
      cell: (k) => k.scopes.map((s: TApiScope) => t(`keys.scopeNames.${scopeKey(s)}`)).join("、"),
    },
    { key: "createdAt", header: t("keys.createdAt"), className: "nowrap muted small", cell: (k) => formatShortDateTime(k.createdAt) },
    {
      key: "lastUsedAt",
      header: t("keys.lastUsedAt"),
      className: "nowrap small",
      cell: (k) => (k.lastUsedAt ? formatShortDateTime(k.lastUsedAt) : <span className="muted">{t("keys.never")}</span>),
    },
    {
      key: "state",
      header: t("keys.state"),
      cellProps: (k) => ({ "data-testid": "api-key-state", "data-live": live(k) }),
      cell: (k) =>
        k.revokedAt ? t("keys.revoked") : k.expiresAt ? t("keys.expires", { at: formatShortDateTime(k.expiresAt) }) : t("keys.active"),
    },
    {
      key: "actions",
      header: t("keys.rotate"),
      headerHidden: true,
      className: "nowrap",
      cell: (k) =>
        live(k) ? (
          <>
            <button type="button" className="btn btn-small" disabled={on.busy} onClick={() => on.onRotate(k)} data-testid="api-key-rotate">
              {t("keys.rotate")}
            </button>{" "}
            <button
              type="button"
              className="btn btn-small btn-danger"
              disabled={on.busy}
              onClick={() => on.onRevoke(k)}
              data-testid="api-key-revoke"
            >
              {t("keys.revoke")}
            </button>
          </>
        ) : null,
    },
  ];
}
