// The sales report's figures and breakdowns (by counter, venue type, product and origin village, and the income
// reaching poor villages): the county's report page and the merchant's own sales.
import type { ReactNode } from "react";
import { DataTable } from "../data-table.tsx";
import type { TSalesReport } from "./counters-api.ts";
import { Money } from "./counter-bits.tsx";
import { useT } from "../../i18n/use-t.ts";
import { enumKey } from "./counter-keys.ts";

/** A share 0–1 as "42.5%" (nothing to share → "—"). */
function share(part: number, whole: number): string {
  return whole > 0 ? `${(Math.round((part / whole) * 1000) / 10).toFixed(1)}%` : "—";
}

function Block({ title, testId, empty, children }: { title: string; testId: string; empty: boolean; children: ReactNode }) {
  const t = useT("counters");
  return (
    <section className="report-block" data-testid={testId}>
      <h3 className="subheading">{title}</h3>
      {empty ? <p className="muted">{t("report.noRows")}</p> : children}
    </section>
  );
}

export function ReportView({ report, showCounters = true }: { report: TSalesReport; showCounters?: boolean }) {
  const t = useT("counters");
  const r = report;
  return (
    <div className="report" data-testid="report">
      <dl className="figures" data-testid="report-figures">
        <div>
          <dt>{t("report.sales")}</dt>
          <dd data-testid="report-sales">{r.totals.sales}</dd>
        </div>
        <div>
          <dt>{t("report.quantity")}</dt>
          <dd>{r.totals.quantity}</dd>
        </div>
        <div>
          <dt>{t("report.amount")}</dt>
          <dd data-testid="report-amount">
            <Money fen={r.totals.amountFen} />
          </dd>
        </div>
        <div className="figure-poor">
          <dt>{t("report.poorIncome")}</dt>
          <dd data-testid="report-poor-amount">
            <Money fen={r.poorVillages.amountFen} />
          </dd>
        </div>
        <div>
          <dt>{t("report.poorVillages")}</dt>
          <dd>{r.poorVillages.villages}</dd>
        </div>
        <div>
          <dt>{t("report.poorShare")}</dt>
          <dd>{share(r.poorVillages.amountFen, r.totals.amountFen)}</dd>
        </div>
      </dl>
      {showCounters ? (
        <>
          <Block title={t("report.byCounter")} testId="report-by-counter" empty={r.byCounter.length === 0}>
            <DataTable
              className="table-compact"
              rows={r.byCounter}
              rowKey={(c) => c.counterId}
              rowProps={(c) => ({ "data-testid": "report-counter-row", "data-code": c.code })}
              columns={[
                {
                  key: "counter",
                  header: t("report.counter"),
                  cell: (c) => (
                    <>
                      {c.name} <span className="muted small mono">{c.code}</span>
                    </>
                  ),
                },
                { key: "venueType", header: t("report.venueType"), cell: (c) => t(enumKey("venueTypes", c.venueType)) },
                { key: "quantity", header: t("report.quantity"), num: true, cell: (c) => c.quantity },
                { key: "amount", header: t("report.amount"), num: true, cell: (c) => <Money fen={c.amountFen} /> },
              ]}
            />
          </Block>
          <Block title={t("report.byVenueType")} testId="report-by-venue" empty={r.byVenueType.length === 0}>
            <DataTable
              className="table-compact"
              rows={r.byVenueType}
              rowKey={(v) => v.venueType}
              columns={[
                { key: "venueType", header: t("report.venueType"), cell: (v) => t(enumKey("venueTypes", v.venueType)) },
                { key: "quantity", header: t("report.quantity"), num: true, cell: (v) => v.quantity },
                { key: "amount", header: t("report.amount"), num: true, cell: (v) => <Money fen={v.amountFen} /> },
                { key: "share", header: t("report.share"), num: true, cell: (v) => share(v.amountFen, r.totals.amountFen) },
              ]}
            />
          </Block>
        </>
      ) : null}
      <Block title={t("report.byProduct")} testId="report-by-product" empty={r.byProduct.length === 0}>
        <DataTable
          className="table-compact"
          rows={r.byProduct}
          rowKey={(p) => p.productId}
          rowProps={() => ({ "data-testid": "report-product-row" })}
          columns={[
            {
              key: "product",
              header: t("report.product"),
              cell: (p) => (
                <>
                  {p.name}
                  {p.spec ? <span className="muted small"> · {p.spec}</span> : null}
                </>
              ),
            },
            { key: "merchant", header: t("report.merchant"), cell: (p) => p.merchantName },
            {
              key: "quantity",
              header: t("report.quantity"),
              num: true,
              cell: (p) => (
                <>
                  {p.quantity} {p.unit}
                </>
              ),
            },
            { key: "amount", header: t("report.amount"), num: true, cell: (p) => <Money fen={p.amountFen} /> },
          ]}
        />
      </Block>
      <Block title={t("report.byVillage")} testId="report-by-village" empty={r.byVillage.length === 0}>
        <DataTable
          className="table-compact"
          rows={r.byVillage}
          rowKey={(v) => v.areaCode ?? "none"}
          rowProps={(v) => ({ "data-poor": v.isPoor })}
          columns={[
            {
              key: "village",
              header: t("report.village"),
              cell: (v) => (
                <>
                  {v.name ?? t("report.unknownVillage")}
                  {v.isPoor ? <span className="poor-tag">{t("report.poorTag")}</span> : null}
                </>
              ),
            },
            { key: "township", header: t("report.township"), cell: (v) => v.townshipName ?? t("report.none") },
            { key: "quantity", header: t("report.quantity"), num: true, cell: (v) => v.quantity },
            { key: "amount", header: t("report.amount"), num: true, cell: (v) => <Money fen={v.amountFen} /> },
          ]}
        />
      </Block>
    </div>
  );
}
