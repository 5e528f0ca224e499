// 商户: the county's merchants with their origin village and poverty-alleviation recognition (contacts masked in the
// list), and a side panel to create or edit one (the panel reads the full record).
import { keepPreviousData, skipToken, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DataState } from "../../components/data-state.tsx";
import { DataTable, editColumn, type TDataColumn } from "../../components/data-table.tsx";
import { SidePanel } from "../../components/side-panel.tsx";
import type { TTree } from "../../lib/network-api.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { useDebounced } from "../../lib/use-debounced.ts";
import { ValidityMark } from "../counters/counter-bits.tsx";
import type { TMerchant, TMerchantRow } from "../counters/counters-api.ts";
import { shanghaiDay } from "../counters/counters-format.ts";
import { enumKey, useCountersT } from "../counters/use-counters-t.ts";
import { CountyScope } from "../county/county-scope.tsx";
import { Check } from "../network/network-bits.tsx";
import { MerchantForm } from "./merchant-form.tsx";

export function MerchantsPage() {
  return <CountyScope>{(countyCode) => <Merchants countyCode={countyCode} />}</CountyScope>;
}

type TPanel = null | { key: number; merchantId: string | null };

function Merchants({ countyCode }: { countyCode: string }) {
  const { t } = useTranslation();
  const tc = useCountersT();
  const trpc = useTRPC();
  const [text, setText] = useState("");
  const [inactive, setInactive] = useState(false);
  const q = useDebounced(text.trim(), 300);
  const [panel, setPanel] = useState<TPanel>(null);
  const list = useQuery(
    trpc.catalog.merchants.list.queryOptions(
      { countyCode, q: q || undefined, includeInactive: inactive || undefined },
      { placeholderData: keepPreviousData },
    ),
  );
  const tree = useQuery(trpc.network.tree.queryOptions({ countyCode }));
  const today = shanghaiDay();
  const columns: TDataColumn<TMerchantRow>[] = [
    {
      key: "name",
      header: tc("merchants.name"),
      cell: (m) => (
        <>
          <strong>{m.name}</strong>
          {!m.active ? <span className="status-pill status-muted">{t("common.inactive")}</span> : null}
          {m.creditCode ? <div className="muted small mono">{m.creditCode}</div> : null}
        </>
      ),
    },
    { key: "type", header: tc("merchants.type"), cell: (m) => tc(enumKey("merchantTypes", m.type)) },
    {
      key: "origin",
      header: tc("merchants.origin"),
      cell: (m) => m.originAreaName ?? m.originAreaCode ?? <span className="muted">—</span>,
    },
    {
      key: "recognition",
      header: tc("merchants.recognition"),
      cell: (m) => (
        <>
          {m.recognitionNo ? <div className="mono small">{m.recognitionNo}</div> : null}
          <ValidityMark validUntil={m.recognitionValidUntil} today={today} testId="merchant-recognition" />
        </>
      ),
    },
    {
      key: "contact",
      header: tc("merchants.contact"),
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
      onEdit: (m) => setPanel({ key: Date.now(), merchantId: m.id }),
      disabled: !tree.data,
    }),
  ];

  return (
    <>
      <section className="card">
        <div className="card-head">
          <h2 className="card-title">{tc("merchants.title")}</h2>
          <button
            type="button"
            className="btn btn-primary"
            disabled={!tree.data}
            onClick={() => setPanel({ key: Date.now(), merchantId: null })}
            data-testid="merchant-new"
          >
            {tc("merchants.new")}
          </button>
        </div>
        <div className="filters">
          <input
            type="search"
            className="filter-search"
            value={text}
            placeholder={tc("merchants.search")}
            aria-label={tc("merchants.search")}
            onChange={(e) => setText(e.target.value)}
            data-testid="merchant-search"
          />
          <Check id="merchant-inactive" label={tc("merchants.showInactive")} checked={inactive} onChange={setInactive} />
        </div>
        <DataState query={list} isEmpty={(rows) => rows.length === 0}>
          {(rows) => (
            <>
              <p className="muted small">{t("common.count", { count: rows.length })}</p>
              <DataTable
                columns={columns}
                rows={rows}
                rowKey={(m) => m.id}
                rowProps={(m) => ({ "data-testid": "merchant-row", "data-id": m.id, "data-name": m.name })}
                testId="merchants-table"
              />
            </>
          )}
        </DataState>
      </section>
      {panel && tree.data ? (
        <SidePanel
          title={panel.merchantId ? tc("merchants.editTitle") : tc("merchants.new")}
          onClose={() => setPanel(null)}
          testId="merchant-panel"
        >
          <MerchantPanelBody
            key={panel.key}
            countyCode={countyCode}
            merchantId={panel.merchantId}
            tree={tree.data}
            onCreated={(id) => setPanel((p) => (p ? { ...p, merchantId: id } : p))}
          />
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
