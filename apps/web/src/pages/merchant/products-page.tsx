// 商品: the merchant's products with certifications and a picture, a side panel to create or edit one (with its
// images), and a link to each product's batches and trace labels.
import { shanghaiDay } from "../../lib/time.ts";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { type TDataColumn } from "../../components/data-table.tsx";
import { ListCard } from "../../components/list-card.tsx";
import { SidePanel } from "../../components/side-panel.tsx";
import { useTRPC } from "../../lib/trpc.ts";
import { CatalogFilters, NewButton, useCatalogFilters, usePanel } from "../../components/counters/catalog-list.tsx";
import { CertChips } from "../../components/counters/counter-bits.tsx";
import type { TProductRow } from "../../components/counters/counters-api.ts";
import { MerchantScope } from "./merchant-scope.tsx";
import { ProductPanelBody } from "./product-panel.tsx";
import { useT } from "../../i18n/use-t.ts";
import { enumKey } from "../../components/counters/counter-keys.ts";

export function ProductsPage() {
  return <MerchantScope>{(merchantId) => <ProductsView merchantId={merchantId} />}</MerchantScope>;
}

function ProductsView({ merchantId }: { merchantId: string }) {
  const t = useT("common");
  const tp = useT("merchant");
  const trpc = useTRPC();
  const filters = useCatalogFilters();
  const tc = useT("counters");
  // A created product stays open in the panel for its images.
  const { panel, open, keep, close } = usePanel<string>();
  const list = useQuery(trpc.catalog.products.list.queryOptions({ merchantId, ...filters.input }, { placeholderData: keepPreviousData }));
  const today = shanghaiDay();
  const columns: TDataColumn<TProductRow>[] = [
    {
      key: "image",
      header: tp("products.image"),
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
      header: tp("products.name"),
      cell: (p) => (
        <>
          <strong>{p.name}</strong>
          {p.spec ? <div className="muted small">{p.spec}</div> : null}
        </>
      ),
    },
    { key: "category", header: tp("products.category"), cell: (p) => tc(enumKey("categories", p.category)) },
    {
      key: "unit",
      header: tp("products.unit"),
      cell: (p) => (
        <>
          {p.unit} <span className="muted small">{tp("products.grams", { g: p.unitWeightG })}</span>
        </>
      ),
    },
    { key: "certifications", header: tp("products.certifications"), cell: (p) => <CertChips certs={p.certifications} today={today} /> },
    {
      key: "status",
      header: tp("products.status"),
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
          <button type="button" className="btn btn-small" onClick={() => open(p.id)} data-testid="product-edit">
            {t("common.edit")}
          </button>
          <Link className="btn btn-small" to={`/merchant/products/${p.id}`} data-testid="product-batches">
            {tp("products.batches")}
          </Link>
        </div>
      ),
    },
  ];

  return (
    <>
      <ListCard
        title={tp("products.title")}
        actions={<NewButton label={tp("products.new")} onClick={() => open(null)} testId="product-new" />}
        filters={
          <CatalogFilters
            filters={filters}
            prefix="product"
            searchLabel={tp("products.search")}
            inactiveLabel={tp("products.showInactive")}
          />
        }
        query={list}
        rows={(rows) => rows}
        table={{
          columns,
          rowKey: (p) => p.id,
          rowProps: (p) => ({ "data-testid": "product-row", "data-id": p.id, "data-name": p.name }),
          testId: "products-table",
        }}
      />
      {panel ? (
        <SidePanel title={panel.of ? tp("products.editTitle") : tp("products.new")} onClose={close} testId="product-panel">
          <ProductPanelBody key={panel.key} merchantId={merchantId} productId={panel.of} onCreated={keep} />
        </SidePanel>
      ) : null}
    </>
  );
}
