// 商户: the county's merchants with their origin village and poverty-alleviation recognition (contacts masked in the
// list), and a side panel to create or edit one (the panel reads the full record).
import { shanghaiDay } from "../../../lib/time.ts";
import { keepPreviousData, skipToken, useQuery, useQueryClient } from "@tanstack/react-query";
import { DataState } from "../../../components/data-state.tsx";
import { editColumn, type TDataColumn } from "../../../components/data-table.tsx";
import { ListCard } from "../../../components/list-card.tsx";
import { SidePanel } from "../../../components/side-panel.tsx";
import type { TTree } from "../../../lib/network-api.ts";
import { useTRPC } from "../../../lib/trpc.ts";
import { CatalogFilters, NewButton, useCatalogFilters, usePanel } from "../../../components/counters/catalog-list.tsx";
import { ValidityMark } from "../../../components/counters/counter-bits.tsx";
import type { TMerchant, TMerchantRow } from "../../../components/counters/counters-api.ts";
import { CountyScope } from "../county-scope.tsx";
import { MerchantForm } from "./merchant-form.tsx";
import { useT } from "../../../i18n/use-t.ts";
import { CATALOG_ENUMS } from "../../../components/counters/catalog-enums.ts";

export function MerchantsPage() {
  return <CountyScope>{(countyCode) => <Merchants countyCode={countyCode} />}</CountyScope>;
}

function Merchants({ countyCode }: { countyCode: string }) {
  const t = useT("common");
  const tp = useT("countyCounters");
  const trpc = useTRPC();
  const filters = useCatalogFilters();
  const { panel, open, keep, close } = usePanel<string>();
  const list = useQuery(trpc.catalog.merchants.list.queryOptions({ countyCode, ...filters.input }, { placeholderData: keepPreviousData }));
  const tree = useQuery(trpc.network.tree.queryOptions({ countyCode }));
  const today = shanghaiDay();
  const columns: TDataColumn<TMerchantRow>[] = [
    {
      key: "name",
      header: tp("merchants.name"),
      cell: (m) => (
        <>
          <strong>{m.name}</strong>
          {!m.active ? <span className="status-pill status-muted">{t("common.inactive")}</span> : null}
          {m.creditCode ? <div className="muted small mono">{m.creditCode}</div> : null}
        </>
      ),
    },
    { key: "type", header: tp("merchants.type"), cell: (m) => CATALOG_ENUMS.merchantType.label(m.type) },
    {
      key: "origin",
      header: tp("merchants.origin"),
      cell: (m) => m.originAreaName ?? m.originAreaCode ?? <span className="muted">—</span>,
    },
    {
      key: "recognition",
      header: tp("merchants.recognition"),
      cell: (m) => (
        <>
          {m.recognitionNo ? <div className="mono small">{m.recognitionNo}</div> : null}
          <ValidityMark validUntil={m.recognitionValidUntil} today={today} testId="merchant-recognition" />
        </>
      ),
    },
    {
      key: "contact",
      header: tp("merchants.contact"),
      cell: (m) => (
        <>
          {m.contactName ?? "—"}
          {m.contactPhone ? <div className="muted small mono">{m.contactPhone}</div> : null}
        </>
      ),
    },
    editColumn({
      header: t("common.actions"),
      label: t("common.edit"),
      testId: "merchant-edit",
      onEdit: (m) => open(m.id),
      disabled: !tree.data,
    }),
  ];

  return (
    <>
      <ListCard
        title={tp("merchants.title")}
        actions={<NewButton label={tp("merchants.new")} disabled={!tree.data} onClick={() => open(null)} testId="merchant-new" />}
        filters={
          <CatalogFilters
            filters={filters}
            prefix="merchant"
            searchLabel={tp("merchants.search")}
            inactiveLabel={tp("merchants.showInactive")}
          />
        }
        query={list}
        rows={(rows) => rows}
        table={{
          columns,
          rowKey: (m) => m.id,
          rowProps: (m) => ({ "data-testid": "merchant-row", "data-id": m.id, "data-name": m.name }),
          testId: "merchants-table",
        }}
      />
      {panel && tree.data ? (
        <SidePanel title={panel.of ? tp("merchants.editTitle") : tp("merchants.new")} onClose={close} testId="merchant-panel">
          <MerchantPanelBody key={panel.key} countyCode={countyCode} merchantId={panel.of} tree={tree.data} onCreated={keep} />
        </SidePanel>
      ) : null}
    </>
  );
}

function MerchantPanelBody(props: { countyCode: string; merchantId: string | null; tree: TTree; onCreated: (id: string) => void }) {
  const { countyCode, merchantId, tree, onCreated } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const merchant = useQuery(trpc.catalog.merchants.get.queryOptions(merchantId ? { merchantId } : skipToken));
  if (merchantId && !merchant.data) return <DataState query={merchant}>{() => null}</DataState>;
  const onSaved = (m: TMerchant) => {
    queryClient.setQueryData(trpc.catalog.merchants.get.queryKey({ merchantId: m.id }), m);
    void queryClient.invalidateQueries(trpc.catalog.merchants.list.pathFilter());
    if (!merchantId) onCreated(m.id);
  };
  return <MerchantForm countyCode={countyCode} merchant={merchant.data ?? null} tree={tree} onSaved={onSaved} />;
}
