// A list of counter sales (newest first) with the range's totals: the counter's till view and the merchant's sales.
import { formatDateTime } from "../../lib/time.ts";
import type { TSalesPage } from "./counters-api.ts";
import { Money } from "./counter-bits.tsx";
import { enumKey, useCountersT } from "./use-counters-t.ts";

export function SalesTotals({ totals }: { totals: TSalesPage["totals"] }) {
  const t = useCountersT();
  return (
    <dl className="figures" data-testid="sales-totals">
      <div>
        <dt>{t("sales.count")}</dt>
        <dd data-testid="sales-total-count">{totals.sales}</dd>
      </div>
      <div>
        <dt>{t("sales.quantity")}</dt>
        <dd>{totals.quantity}</dd>
      </div>
      <div>
        <dt>{t("sales.amount")}</dt>
        <dd>
          <Money fen={totals.amountFen} />
        </dd>
      </div>
    </dl>
  );
}

export function SalesTable({ data, showCounter }: { data: TSalesPage; showCounter: boolean }) {
  const t = useCountersT();
  return (
    <>
      <SalesTotals totals={data.totals} />
      {data.sales.length === 0 ? (
        <p className="muted">{t("sales.none")}</p>
      ) : (
        <>
          {data.sales.length < data.totals.sales ? (
            <p className="muted small">{t("sales.shownOf", { shown: data.sales.length, total: data.totals.sales })}</p>
          ) : null}
          <div className="table-wrap">
            <table className="table" data-testid="sales-table">
              <thead>
                <tr>
                  <th>{t("sales.soldAt")}</th>
                  {showCounter ? <th>{t("sales.counter")}</th> : null}
                  <th>{t("sales.product")}</th>
                  <th className="num">{t("sales.quantity")}</th>
                  <th className="num">{t("sales.unitPrice")}</th>
                  <th className="num">{t("sales.amount")}</th>
                  <th>{t("sales.source")}</th>
                </tr>
              </thead>
              <tbody>
                {data.sales.map((s) => (
                  <tr key={s.id} data-testid="sale-row" data-listing={s.listingId}>
                    <td className="nowrap">{formatDateTime(s.soldAt)}</td>
                    {showCounter ? <td>{s.counterName}</td> : null}
                    <td>
                      {s.productName}
                      {s.productSpec ? <span className="muted small"> · {s.productSpec}</span> : null}
                    </td>
                    <td className="num">
                      {s.quantity} {s.productUnit}
                    </td>
                    <td className="num">
                      <Money fen={s.unitPriceFen} />
                    </td>
                    <td className="num">
                      <Money fen={s.amountFen} />
                    </td>
                    <td>{t(enumKey("saleSources", s.source))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
