// 货架: the counter's live listings with price, stock and minimum, those below their minimum first and marked, with
// the restock suggestion and a way to the restock page.
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { DataState } from "../../components/data-state.tsx";
import { useTRPC } from "../../lib/trpc.ts";
import { Money, StockCell } from "../counters/counter-bits.tsx";
import type { TCounter } from "../counters/counters-api.ts";
import { enumKey, useCountersT } from "../counters/use-counters-t.ts";
import { CounterScope } from "./counter-scope.tsx";

export function ShelfPage() {
  return <CounterScope>{(counter) => <Shelf counter={counter} />}</CounterScope>;
}

function Shelf({ counter }: { counter: TCounter }) {
  const tc = useCountersT();
  const trpc = useTRPC();
  const shelf = useQuery(trpc.listings.forCounter.queryOptions({ counterId: counter.id }));
  const where = counter.areaName ?? counter.city ?? tc("counters.online");

  return (
    <section className="card">
      <div className="card-head">
        <h2 className="card-title">{tc("counter.shelfTitle")}</h2>
        <span className="muted small">
          {tc(enumKey("venueTypes", counter.venueType))} · {where} · {tc("counter.node", { node: counter.node.name })}
        </span>
      </div>
      <DataState query={shelf} isEmpty={(rows) => rows.length === 0}>
        {(rows) => {
          const low = rows.filter((l) => l.belowMin);
          return (
            <>
              <dl className="figures">
                <div>
                  <dt>{tc("counter.liveListings")}</dt>
                  <dd>{rows.length}</dd>
                </div>
                <div>
                  <dt>{tc("counter.belowMin")}</dt>
                  <dd className={low.length ? "danger-text" : undefined} data-testid="shelf-low-count">
                    {low.length}
                  </dd>
                </div>
              </dl>
              {low.length ? (
                <div className="alert alert-error" role="status" data-testid="shelf-low-alert">
                  <span>{tc("counter.lowAlert", { count: low.length })}</span>
                  <Link className="btn btn-small" to="/counter/restock" data-testid="shelf-to-restock">
                    {tc("counter.toRestock")}
                  </Link>
                </div>
              ) : null}
              <div className="table-wrap">
                <table className="table" data-testid="shelf-table">
                  <thead>
                    <tr>
                      <th>{tc("listings.product")}</th>
                      <th>{tc("listings.merchant")}</th>
                      <th className="num">{tc("listings.price")}</th>
                      <th>{tc("listings.stock")}</th>
                      <th>{tc("listings.suggestion")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((l) => (
                      <tr
                        key={l.id}
                        data-testid="shelf-row"
                        data-id={l.id}
                        data-product={l.productName}
                        className={l.belowMin ? "row-warn" : undefined}
                      >
                        <td>
                          <strong>{l.productName}</strong>
                          {l.productSpec ? <div className="muted small">{l.productSpec}</div> : null}
                        </td>
                        <td>{l.merchantName}</td>
                        <td className="num">
                          <Money fen={l.priceFen} />
                        </td>
                        <td>
                          <StockCell stock={l.stock} minStock={l.minStock} belowMin={l.belowMin} testId="shelf-stock" />
                        </td>
                        <td>
                          {l.restockSuggested ? (
                            <strong className="warn-text">
                              {tc("listings.suggest", { qty: l.suggestedRestockQty, unit: l.productUnit })}
                            </strong>
                          ) : (
                            <span className="muted">—</span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          );
        }}
      </DataState>
    </section>
  );
}
