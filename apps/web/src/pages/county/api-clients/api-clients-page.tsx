// 接口机构: the county's API clients (carriers and platforms connecting by API), made by ADMIN or the county's manager
// in a side panel; a row opens the client's page with its API keys and webhooks.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router";
import type { TDataColumn } from "../../../components/data-table.tsx";
import { ListCard } from "../../../components/list-card.tsx";
import { SidePanel } from "../../../components/side-panel.tsx";
import { useT } from "../../../i18n/use-t.ts";
import { formatShortDateTime } from "../../../lib/time.ts";
import { useTRPC, type TRouterOutputs } from "../../../lib/trpc.ts";
import { CountyScope } from "../county-scope.tsx";
import { ApiClientForm, type TApiClientInput } from "./api-client-form.tsx";

type TApiClientRow = TRouterOutputs["apiClients"]["list"][number];

export function ApiClientsPage() {
  return <CountyScope>{(countyCode) => <ApiClientsCard countyCode={countyCode} />}</CountyScope>;
}

function ApiClientsCard({ countyCode }: { countyCode: string }) {
  const t = useT("apiClients");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // Keyed so that each opening starts a fresh form.
  const [panel, setPanel] = useState<number | null>(null);
  const list = useQuery(trpc.apiClients.list.queryOptions({ countyCode }));
  const create = useMutation(
    trpc.apiClients.create.mutationOptions({
      onSuccess: () => {
        setPanel(null);
        void queryClient.invalidateQueries(trpc.apiClients.list.pathFilter());
      },
    }),
  );
  const createMutation = { ...create, mutate: (input: TApiClientInput) => create.mutate({ countyCode, ...input }) };
  const columns: TDataColumn<TApiClientRow>[] = [
    { key: "name", header: t("list.name"), cell: (c) => c.name },
    { key: "kind", header: t("list.kind"), cell: (c) => t(`kinds.${c.kind}`) },
    { key: "activeKeys", header: t("list.activeKeys"), num: true, cell: (c) => c.activeKeys },
    {
      key: "state",
      header: t("list.state"),
      cell: (c) => (c.active ? t("list.active") : <span className="muted">{t("list.inactive")}</span>),
    },
    { key: "createdAt", header: t("list.createdAt"), className: "nowrap muted small", cell: (c) => formatShortDateTime(c.createdAt) },
    {
      key: "open",
      header: t("list.open"),
      headerHidden: true,
      cell: (c) => (
        <button
          type="button"
          className="btn btn-small"
          onClick={() => void navigate(`/county/api-clients/${c.id}`)}
          data-testid="api-client-open"
        >
          {t("list.open")}
        </button>
      ),
    },
  ];

  return (
    <>
      <ListCard
        title={t("list.title")}
        testId="api-clients"
        actions={
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => {
              create.reset();
              setPanel(Date.now());
            }}
            data-testid="api-client-add"
          >
            {t("list.add")}
          </button>
        }
        intro={<p className="muted small">{t("list.intro")}</p>}
        query={list}
        rows={(data) => data}
        empty={t("list.empty")}
        table={{
          columns,
          rowKey: (c) => c.id,
          rowProps: (c) => ({ "data-testid": "api-client-row", "data-name": c.name, "data-kind": c.kind }),
          onRowClick: (c) => void navigate(`/county/api-clients/${c.id}`),
          testId: "api-clients-table",
        }}
      />
      {panel !== null ? (
        <SidePanel title={t("list.add")} onClose={() => setPanel(null)} testId="api-client-panel">
          <ApiClientForm key={panel} mutation={createMutation} />
        </SidePanel>
      ) : null}
    </>
  );
}
