// A list of counter sales (newest first) with the range's totals: the counter's till view and the merchant's sales.
import { DataTable, type TDataColumn } from "../data-table.tsx";
import { formatDateTime } from "../../lib/time.ts";
import type { TSale, TSalesPage } from "./counters-api.ts";
import { Money } from "./counter-bits.tsx";
import { useT } from "../../i18n/use-t.ts";
import { enumKey } from "./counter-keys.ts";

export function SalesTotals({ totals }: { totals: TSalesPage["totals"] }) {
  const t = useT("counters");
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
  const t = useT("counters");
  const columns: Array<TDataColumn<TSale> | false> = [
    { key: "soldAt", header: t("sales.soldAt"), className: "nowrap", cell: (s) => formatDateTime(s.soldAt) },
    showCounter && { key: "counter", header: t("sales.counter"), cell: (s) => s.counterName },
    {
      key: "product",
      header: t("sales.product"),
      cell: (s) => (
        <>
          {s.productName}
          {s.productSpec ? <span className="muted small"> · {s.productSpec}</span> : null}
        </>
      ),
    },
    {
      key: "quantity",
      header: t("sales.quantity"),
      num: true,
      cell: (s) => (
        <>
          {s.quantity} {s.productUnit}
        </>
      ),
    },
    { key: "unitPrice", header: t("sales.unitPrice"), num: true, cell: (s) => <Money fen={s.unitPriceFen} /> },
    { key: "amount", header: t("sales.amount"), num: true, cell: (s) => <Money fen={s.amountFen} /> },
    { key: "source", header: t("sales.source"), cell: (s) => t(enumKey("saleSources", s.source)) },
  ];
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
          <DataTable
            columns={columns}
            rows={data.sales}
            rowKey={(s) => s.id}
            rowProps={(s) => ({ "data-testid": "sale-row", "data-listing": s.listingId })}
            testId="sales-table"
          />
        </>
      )}
    </>
  );
}
