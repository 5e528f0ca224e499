// One product: what it is, its certifications and pictures, and its production batches with their trace codes and
// the printable QR label sheet (/batches/:id/qr.pdf, served by the API).
import { shanghaiDay } from "../../lib/time.ts";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { DataState } from "../../components/data-state.tsx";
import { ENUMS } from "../../components/form/index.ts";
import { DataTable } from "../../components/data-table.tsx";
import { DetailList } from "../../components/detail-list.tsx";
import { useTRPC } from "../../lib/trpc.ts";
import { CertChips } from "../../components/counters/counter-bits.tsx";
import { qrSheetHref } from "../../components/counters/counters-format.ts";
import { BatchForm } from "./batch-form.tsx";
import { MerchantScope } from "./merchant-scope.tsx";
import { useT } from "../../i18n/use-t.ts";
import { enumKey } from "../../components/counters/counter-keys.ts";

export function ProductDetailPage() {
  const { productId = "" } = useParams();
  return <MerchantScope>{(merchantId) => <ProductDetail merchantId={merchantId} productId={productId} />}</MerchantScope>;
}

function ProductDetail({ merchantId, productId }: { merchantId: string; productId: string }) {
  const tp = useT("merchant");
  const trpc = useTRPC();
  const product = useQuery(trpc.catalog.products.get.queryOptions({ merchantId, productId }));
  const batches = useQuery(trpc.catalog.batches.list.queryOptions({ merchantId, productId }));
  const tc = useT("counters");
  const today = shanghaiDay();

  return (
    <>
      <p>
        <Link to="/merchant/products" data-testid="back-to-products">
          ← {tp("products.back")}
        </Link>
      </p>
      <DataState query={product}>
        {(p) => (
          <>
            <section className="card">
              <h2 className="card-title" data-testid="product-title">
                {p.name}
                {p.spec ? ` · ${p.spec}` : ""}
              </h2>
              <DetailList
                items={[
                  { label: tp("products.category"), value: tc(enumKey("categories", p.category)) },
                  { label: tp("products.unit"), value: `${p.unit} · ${tp("products.grams", { g: p.unitWeightG })}` },
                  { label: tp("products.temp"), value: ENUMS.temp.label(p.temp) },
                  { label: tp("products.shelfLifeDays"), value: p.shelfLifeDays },
                  { label: tp("products.regionalBrand"), value: p.regionalBrand ?? "—" },
                  { label: tp("products.certifications"), value: <CertChips certs={p.certifications} today={today} /> },
                ]}
              />
              {p.images.length ? (
                <ul className="thumb-grid">
                  {p.images.map((img) => (
                    <li key={img.id} className="thumb-item">
                      <img className="thumb" src={img.url} alt={p.name} loading="lazy" width={96} height={96} />
                    </li>
                  ))}
                </ul>
              ) : null}
            </section>
            <section className="card">
              <h2 className="card-title">{tp("batches.title")}</h2>
              <p className="muted small">{tp("batches.lead")}</p>
              {p.active ? <BatchForm merchantId={merchantId} productId={p.id} /> : <p className="muted">{tp("batches.inactiveProduct")}</p>}
              <DataState query={batches} isEmpty={(rows) => rows.length === 0}>
                {(rows) => (
                  <DataTable
                    testId="batches-table"
                    rows={rows}
                    rowKey={(b) => b.id}
                    rowProps={(b) => ({ "data-testid": "batch-row", "data-batch": b.batchNo })}
                    columns={[
                      { key: "batchNo", header: tp("batches.batchNo"), className: "mono", cell: (b) => b.batchNo },
                      { key: "producedOn", header: tp("batches.producedOn"), className: "nowrap", cell: (b) => b.producedOn },
                      {
                        key: "quantity",
                        header: tp("batches.quantity"),
                        num: true,
                        cell: (b) => (
                          <>
                            {b.quantity} {p.unit}
                          </>
                        ),
                      },
                      { key: "origin", header: tp("batches.origin"), cell: (b) => b.originAreaName ?? b.originAreaCode },
                      {
                        key: "traceCode",
                        header: tp("batches.traceCode"),
                        cell: (b) => (
                          <a className="mono" href={`/t/${encodeURIComponent(b.traceCode)}`} target="_blank" rel="noreferrer">
                            {b.traceCode}
                          </a>
                        ),
                      },
                      {
                        key: "labels",
                        header: tp("batches.labels"),
                        cell: (b) => (
                          <a className="btn btn-small" href={qrSheetHref(b.id)} target="_blank" rel="noreferrer" data-testid="batch-qr">
                            {tp("batches.printQr")}
                          </a>
                        ),
                      },
                    ]}
                  />
                )}
              </DataState>
            </section>
          </>
        )}
      </DataState>
    </>
  );
}
