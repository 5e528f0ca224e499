// 货架: the counter's live listings with price, stock and minimum, those below their minimum first and marked, with
// the restock suggestion and a way to the restock page.
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { FigureList } from "../../components/figure-list.tsx";
import { DataState } from "../../components/data-state.tsx";
import { DataTable, type TDataColumn } from "../../components/data-table.tsx";
import { useTRPC } from "../../lib/trpc.ts";
import type { TCounter, TShelfListing } from "../../components/counters/counters-api.ts";
import { useListingColumns } from "../../components/counters/listing-columns.tsx";
import { CounterScope } from "./counter-scope.tsx";
import { useT } from "../../i18n/use-t.ts";
import { CATALOG_ENUMS } from "../../components/counters/catalog-enums.ts";

export function ShelfPage() {
  return <CounterScope>{(counter) => <Shelf counter={counter} />}</CounterScope>;
}

function Shelf({ counter }: { counter: TCounter }) {
  const tp = useT("counter");
  const trpc = useTRPC();
  const shelf = useQuery(trpc.listings.forCounter.queryOptions({ counterId: counter.id }));
  const tc = useT("counters");
  const where = counter.areaName ?? counter.city ?? tc("counters.online");
  const listed = useListingColumns<TShelfListing>("shelf-stock");
  const columns: TDataColumn<TShelfListing>[] = [
    listed.product,
    { key: "merchant", header: tp("listings.merchant"), cell: (l) => l.merchantName },
    listed.price,
    listed.stock,
    listed.suggestion,
  ];

  return (
    <section className="card">
      <div className="card-head">
        <h2 className="card-title">{tp("counter.shelfTitle")}</h2>
        <span className="muted small">
          {CATALOG_ENUMS.venueType.label(counter.venueType)} · {where} · {tp("counter.node", { node: counter.node.name })}
        </span>
      </div>
      <DataState query={shelf} isEmpty={(rows) => rows.length === 0}>
        {(rows) => {
          const low = rows.filter((l) => l.belowMin);
          return (
            <>
              <FigureList
                items={[
                  { label: tp("counter.liveListings"), value: rows.length },
                  { label: tp("counter.belowMin"), value: low.length, testId: "shelf-low-count", bad: low.length > 0 },
                ]}
              />
              {low.length ? (
                <div className="alert alert-error" role="status" data-testid="shelf-low-alert">
                  <span>{tp("counter.lowAlert", { count: low.length })}</span>
                  <Link className="btn btn-small" to="/counter/restock" data-testid="shelf-to-restock">
                    {tp("counter.toRestock")}
                  </Link>
                </div>
              ) : null}
              <DataTable
                columns={columns}
                rows={rows}
                rowKey={(l) => l.id}
                rowProps={(l) => ({
                  "data-testid": "shelf-row",
                  "data-id": l.id,
                  "data-product": l.productName,
                  className: l.belowMin ? "row-warn" : undefined,
                })}
                testId="shelf-table"
              />
            </>
          );
        }}
      </DataState>
    </section>
  );
}
