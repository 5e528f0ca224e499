// 商品: the merchant's products with certifications and a picture, a side panel to create or edit one (with its
// images), and a link to each product's batches and trace labels.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DataState } from "../../components/data-state.tsx";
import { DataTable, type TDataColumn } from "../../components/data-table.tsx";
import { SidePanel } from "../../components/side-panel.tsx";
import { useTRPC } from "../../lib/trpc.ts";
import { useDebounced } from "../../lib/use-debounced.ts";
import { CertChips } from "../counters/counter-bits.tsx";
import type { TProductRow } from "../counters/counters-api.ts";
import { shanghaiDay } from "../counters/counters-format.ts";
import { enumKey, useCountersT } from "../counters/use-counters-t.ts";
import { Check } from "../network/network-bits.tsx";
import { MerchantScope } from "./merchant-scope.tsx";
import { ProductPanelBody } from "./product-panel.tsx";

export function ProductsPage() {
  return <MerchantScope>{(merchantId) => <ProductsView merchantId={merchantId} />}</MerchantScope>;
}

/** The panel: closed, or open on a new product (null) or an existing one; a created product stays open for its images. */
type TPanel = null | { key: number; productId: string | null };

function ProductsView({ merchantId }: { merchantId: string }) {
  const { t } = useTranslation();
  const tc = useCountersT();
  const trpc = useTRPC();
  const [text, setText] = useState("");
  const [inactive, setInactive] = useState(false);
  const q = useDebounced(text.trim(), 300);
  const [panel, setPanel] = useState<TPanel>(null);
  const list = useQuery(
    trpc.catalog.products.list.queryOptions(
      { merchantId, q: q || undefined, includeInactive: inactive || undefined },
      { placeholderData: keepPreviousData },
    ),
  );
  const today = shanghaiDay();
  const columns: TDataColumn<TProductRow>[] = [
    {
      key: "image",
      header: tc("products.image"),
      headerHidden: true,
      cell: (p) =>
        p.images[0] ? (
          <img className="thumb thumb-small" src={p.images[0].url} alt="" loading="lazy" />
        ) : (
          <span className="thumb thumb-small thumb-none" />
        ),
    },
    {
      key: "name",
      header: tc("products.name"),
      cell: (p) => (
        <>
          <strong>{p.name}</strong>
          {p.spec ? <div className="muted small">{p.spec}</div> : null}
        </>
      ),
    },
    { key: "category", header: tc("products.category"), cell: (p) => tc(enumKey("categories", p.category)) },
    {
      key: "unit",
      header: tc("products.unit"),
      cell: (p) => (
        <>
          {p.unit} <span className="muted small">{tc("products.grams", { g: p.unitWeightG })}</span>
        </>
      ),
    },
    { key: "certifications", header: tc("products.certifications"), cell: (p) => <CertChips certs={p.certifications} today={today} /> },
    {
      key: "status",
      header: tc("products.status"),
      cell: (p) => (
        <span className={`status-pill ${p.active ? "status-active" : "status-muted"}`}>
          {p.active ? t("common.active") : t("common.inactive")}
        </span>
      ),
    },
    {
      key: "actions",
      header: t("common.actions"),
      headerHidden: true,
      cell: (p) => (
        <div className="row-actions">
          <button
            type="button"
            className="btn btn-small"
            onClick={() => setPanel({ key: Date.now(), productId: p.id })}
            data-testid="product-edit"
          >
            {t("common.edit")}
          </button>
          <Link className="btn btn-small" to={`/merchant/products/${p.id}`} data-testid="product-batches">
            {tc("products.batches")}
          </Link>
        </div>
      ),
    },
  ];

  return (
    <>
      <section className="card">
        <div className="card-head">
          <h2 className="card-title">{tc("products.title")}</h2>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => setPanel({ key: Date.now(), productId: null })}
            data-testid="product-new"
          >
            {tc("products.new")}
          </button>
        </div>
        <div className="filters">
          <input
            type="search"
            className="filter-search"
            value={text}
            placeholder={tc("products.search")}
            aria-label={tc("products.search")}
            onChange={(e) => setText(e.target.value)}
            data-testid="product-search"
          />
          <Check id="product-inactive" label={tc("products.showInactive")} checked={inactive} onChange={setInactive} />
        </div>
        <DataState query={list} isEmpty={(rows) => rows.length === 0}>
          {(rows) => (
            <>
              <p className="muted small">{t("common.count", { count: rows.length })}</p>
              <DataTable
                columns={columns}
                rows={rows}
                rowKey={(p) => p.id}
                rowProps={(p) => ({ "data-testid": "product-row", "data-id": p.id, "data-name": p.name })}
                testId="products-table"
              />
            </>
          )}
        </DataState>
      </section>
      {panel ? (
        <SidePanel
          title={panel.productId ? tc("products.editTitle") : tc("products.new")}
          onClose={() => setPanel(null)}
          testId="product-panel"
        >
          <ProductPanelBody
            key={panel.key}
            merchantId={merchantId}
            productId={panel.productId}
            onCreated={(id) => setPanel((p) => (p ? { ...p, productId: id } : p))}
          />
        </SidePanel>
      ) : null}
    </>
  );
}
